#include "unit.h"

#include <math.h>

static const struct out_col cols[] = { { "code", OUT_T_TEXT }, { "n", OUT_T_INT }, { "mean", OUT_T_REAL } };

static void rows(struct out *o)
{
	out_list(o, cols, 3);
	out_text(o, "JDV");
	out_int(o, 3);
	out_real(o, 6.5);
	out_row_end(o);
	out_text(o, "Eé \"q\",x\ny");
	out_null(o);
	out_real(o, 0.1);
	out_row_end(o);
	out_end(o);
}

static void test_json(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_JSON);
	rows(&c.out);
	assert_string_equal(capture_end(&c),
			    "[\n  {\"code\": \"JDV\", \"n\": 3, \"mean\": 6.5},\n"
			    "  {\"code\": \"Eé \\\"q\\\",x\\ny\", \"n\": null, \"mean\": 0.1}\n]\n");
	free(c.buf);
}

static void test_csv(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_CSV);
	rows(&c.out);
	assert_string_equal(capture_end(&c), "code,n,mean\r\nJDV,3,6.5\r\n\"Eé \"\"q\"\",x\ny\",,0.1\r\n");
	free(c.buf);
}

static void test_excel(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_CSV);
	c.out.excel = 1;
	out_list(&c.out, cols, 1);
	out_text(&c.out, "=1+1");
	out_row_end(&c.out);
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "\xef\xbb\xbf" "code\r\n\"'=1+1\"\r\n");
	free(c.buf);
}

static void test_table_utf8_alignment(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_TABLE);
	out_list(&c.out, cols, 2);
	out_text(&c.out, "Eé");
	out_int(&c.out, 10);
	out_row_end(&c.out);
	out_text(&c.out, "abcd");
	out_int(&c.out, 2);
	out_row_end(&c.out);
	out_end(&c.out);
	/* é is one column: "Eé" pads to the width of "abcd" */
	assert_string_equal(capture_end(&c), "CODE   N\nEé    10\nabcd   2\n");
	free(c.buf);
}

static void test_empty_list_json(void **state)
{
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_JSON);
	out_list(&c.out, cols, 3);
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "[]\n");
	free(c.buf);
}

static void test_real_roundtrip(void **state)
{
	char buf[40];
	(void)state;
	out_format_real(buf, sizeof(buf), 1.0 / 3.0);
	assert_true(strtod(buf, NULL) == 1.0 / 3.0);
	out_format_real(buf, sizeof(buf), 7.25);
	assert_string_equal(buf, "7.25");
}

static void test_text_list(void **state)
{
	static const struct out_col lc[] = { { "teams", OUT_T_TEXT } };
	const char *in[] = { "A|B \"x\"", "", NULL };
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_JSON);
	out_list(&c.out, lc, 1);
	for (int i = 0; i < 3; i++) {
		out_text_list(&c.out, in[i], '|');
		out_row_end(&c.out);
	}
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "[\n  {\"teams\": [\"A\", \"B \\\"x\\\"\"]},\n  {\"teams\": []},\n"
					      "  {\"teams\": null}\n]\n");
	free(c.buf);
	capture_begin(&c, OUT_CSV);
	out_list(&c.out, lc, 1);
	out_text_list(&c.out, in[0], '|');
	out_row_end(&c.out);
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "teams\r\n\"A|B \"\"x\"\"\"\r\n");
	free(c.buf);
	capture_begin(&c, OUT_TABLE);
	out_list(&c.out, lc, 1);
	out_text_list(&c.out, in[0], '|');
	out_row_end(&c.out);
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "TEAMS\nA, B \"x\"\n");
	free(c.buf);
}

static void test_prec(void **state)
{
	static const struct out_col pc[] = { { "mean", OUT_T_REAL, 2 } };
	struct capture c;
	(void)state;
	capture_begin(&c, OUT_TABLE);
	out_list(&c.out, pc, 1);
	out_real(&c.out, 2.8);
	out_row_end(&c.out);
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "MEAN\n2.80\n");
	free(c.buf);
	capture_begin(&c, OUT_JSON);
	out_list(&c.out, pc, 1);
	out_real(&c.out, 2.8);
	out_row_end(&c.out);
	out_end(&c.out);
	assert_string_equal(capture_end(&c), "[\n  {\"mean\": 2.8}\n]\n");
	free(c.buf);
}

/* The capture sink keeps the rows typed under their declared columns,
 * sections included, and renders nothing. */
static void test_capture(void **state)
{
	static const struct out_col head[] = { { "id", OUT_T_INT }, { "ok", OUT_T_BOOL } };
	struct out_capture cap;
	struct out o;
	(void)state;
	out_capture_init(&o, &cap);
	out_doc_begin(&o, cols, 3);
	out_section(&o, "head", "Head");
	out_record(&o, head, 2);
	out_int(&o, 7);
	out_end(&o);
	out_section(&o, "rows", "Rows");
	rows(&o);
	out_doc_end(&o);
	assert_int_equal(out_flush(&o), 0);
	out_release(&o);

	const struct out_block *h = out_capture_block(&cap, "head"), *r = out_capture_block(&cap, "rows");
	assert_non_null(h);
	assert_non_null(r);
	assert_null(out_capture_block(&cap, "none"));
	assert_int_equal(h->nrows, 1);
	assert_int_equal(out_block_cell(h, 0, out_block_col(h, "id"))->i, 7);
	assert_int_equal(out_block_cell(h, 0, out_block_col(h, "ok"))->t, OUT_C_NULL);
	int idx[3];
	static const char *const names[] = { "mean", "code", "missing" };
	out_block_cols(r, names, idx, 3);
	assert_int_equal(r->nrows, 2);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[2], -1);
	assert_string_equal(out_cell_text(out_block_cell(r, 1, idx[1])), "Eé \"q\",x\ny");
	assert_true(out_cell_num(out_block_cell(r, 1, idx[0])) == 0.1);
	assert_true(isnan(out_cell_num(out_block_cell(r, 1, 1))));
	assert_int_equal(out_block_cell(r, 0, idx[2])->t, OUT_C_NULL);
	assert_false(out_cell_true(out_block_cell(r, 0, 0)));
	out_capture_release(&cap);
}

/* The one JSON escaper, to a file and to a buffer alike. */
static void test_json_strbuf(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	out_json_strbuf(&sb, "a\"b\\\n\x01\x1f é");
	assert_string_equal(strbuf_str(&sb), "\"a\\\"b\\\\\\n\\u0001\\u001f é\"");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),      cmocka_unit_test(test_csv),
		cmocka_unit_test(test_excel),     cmocka_unit_test(test_table_utf8_alignment),
		cmocka_unit_test(test_empty_list_json), cmocka_unit_test(test_real_roundtrip),
		cmocka_unit_test(test_text_list),
		cmocka_unit_test(test_prec),
		cmocka_unit_test(test_capture),   cmocka_unit_test(test_json_strbuf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
