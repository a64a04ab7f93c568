#include "unit.h"

#include <libintl.h>
#include <locale.h>
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

static const struct out_col nlcols[] = { { "code", OUT_T_TEXT }, { "mean", OUT_T_REAL }, { "ok", OUT_T_BOOL } };

static const char *nl_rows(struct capture *c, enum out_format fmt, int nl, int excel)
{
	capture_begin(c, fmt);
	c->out.nl = nl;
	c->out.excel = excel;
	out_list(&c->out, nlcols, 3);
	out_text(&c->out, "JDV");
	out_real(&c->out, 6.5);
	out_bool(&c->out, 1);
	out_row_end(&c->out);
	out_text(&c->out, "AB");
	out_real(&c->out, 7);
	out_bool(&c->out, 0);
	out_row_end(&c->out);
	out_end(&c->out);
	return capture_end(c);
}

/* A Dutch interface: tables get decimal commas; JSON and CSV never change. */
static void test_nl(void **state)
{
	struct capture c;
	char *en;
	(void)state;
	assert_string_equal(nl_rows(&c, OUT_TABLE, 0, 0), "CODE  MEAN  OK\nJDV    6.5  yes\nAB       7  no\n");
	free(c.buf);
	assert_string_equal(nl_rows(&c, OUT_TABLE, 1, 0), "CODE  MEAN  OK\nJDV    6,5  ja\nAB       7  nee\n");
	free(c.buf);
	static const enum out_format machine[] = { OUT_JSON, OUT_CSV, OUT_TSV };
	for (size_t i = 0; i < 3; i++) {
		en = xstrdup(nl_rows(&c, machine[i], 0, 0));
		free(c.buf);
		assert_string_equal(nl_rows(&c, machine[i], 1, 0), en);
		assert_non_null(strstr(en, "6.5"));
		free(c.buf);
		free(en);
	}
}

/* A Dutch table's headings and a record's keys come through gettext (a
 * catalogue made here with msgfmt); an English one's do not. */
static void test_nl_headings(void **state)
{
	char dir[] = "/tmp/beter-unit-mo-XXXXXX", cmd[1024];
	struct capture c;
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "mkdir -p %s/nl/LC_MESSAGES && printf '%%s\\n' 'msgid \"\"' "
		 "'msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"' 'msgid \"mean\"' 'msgstr \"gemiddelde\"' "
		 "'msgid \"ok\"' 'msgstr \"in orde\"' >%s/t.po && msgfmt -o %s/nl/LC_MESSAGES/beter-unit.mo %s/t.po",
		 dir, dir, dir, dir);
	int made = system(cmd) == 0 && setlocale(LC_ALL, "C.UTF-8");
	if (made) {
		setenv("LANGUAGE", "nl", 1);
		bindtextdomain("beter-unit", dir);
		bind_textdomain_codeset("beter-unit", "UTF-8");
		textdomain("beter-unit");
		assert_string_equal(nl_rows(&c, OUT_TABLE, 1, 0),
				    "CODE  GEMIDDELDE  IN ORDE\nJDV          6,5  ja\nAB             7  nee\n");
		free(c.buf);
		assert_string_equal(nl_rows(&c, OUT_TABLE, 0, 0), "CODE  MEAN  OK\nJDV    6.5  yes\nAB       7  no\n");
		free(c.buf);
		assert_non_null(strstr(nl_rows(&c, OUT_CSV, 1, 0), "code,mean,ok\r\n"));
		free(c.buf);
		capture_begin(&c, OUT_TABLE);
		c.out.nl = 1;
		out_record(&c.out, nlcols, 3);
		out_text(&c.out, "JDV");
		out_real(&c.out, 6.25);
		out_bool(&c.out, 1);
		out_end(&c.out);
		assert_string_equal(capture_end(&c), "code:       JDV\ngemiddelde: 6,25\nin orde:    ja\n");
		free(c.buf);
		unsetenv("LANGUAGE");
		textdomain("messages");
		setlocale(LC_ALL, "C");
	}
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	if (!made)
		skip();
}

/* --excel: decimal commas and ja/nee in any language; --excel --json stays JSON. */
static void test_excel_dutch(void **state)
{
	struct capture c;
	(void)state;
	for (int nl = 0; nl <= 1; nl++) {
		assert_string_equal(nl_rows(&c, OUT_CSV, nl, 1), "\xef\xbb\xbf" "code;mean;ok\r\nJDV;6,5;ja\r\nAB;7;nee\r\n");
		free(c.buf);
	}
	assert_string_equal(nl_rows(&c, OUT_TSV, 0, 1), "code\tmean\tok\nJDV\t6,5\tja\nAB\t7\tnee\n");
	free(c.buf);
	assert_non_null(strstr(nl_rows(&c, OUT_JSON, 1, 1), "\"mean\": 6.5, \"ok\": true"));
	free(c.buf);
}

/* A document's sections as worksheets, named as Excel allows: read back
 * with openpyxl where Debian's python3 has it. */
static void test_xlsx_sheets(void **state)
{
	static const struct out_col one[] = { { "day", OUT_T_DATE }, { "n", OUT_T_INT } };
	static const char *const titles[] = { "Doelen", "doelen", "Acties: in/de [klas]?",
					      "'Een titel van veel meer dan eenendertig tekens'", "" };
	char dir[] = "/tmp/beter-unit-xlsx-XXXXXX", path[64], cmd[512];
	struct beter_err err = { 0 };
	struct out o;
	int wrote;
	(void)state;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/w.xlsx", dir);
	out_init(&o, NULL, OUT_XLSX);
	out_doc_begin(&o, one, 2);
	for (size_t i = 0; i < 5; i++) {
		out_section(&o, "s", titles[i]);
		out_list(&o, one, 2);
		out_text(&o, i ? "2026-11-20" : "not a date");
		out_int(&o, (int64_t)i);
		out_row_end(&o);
		out_end(&o);
	}
	out_doc_end(&o);
	assert_int_equal(out_xlsx_finish(&o, path, &wrote, &err), 0);
	assert_int_equal(wrote, 1);
	out_release(&o);
	FILE *fp = fopen(path, "rb");
	char magic[2] = "";
	assert_non_null(fp);
	assert_int_equal(fread(magic, 1, 2, fp), 2);
	fclose(fp);
	assert_memory_equal(magic, "PK", 2);
	if (system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") == 0) {
		snprintf(cmd, sizeof(cmd),
			 "/usr/bin/python3 -c 'import openpyxl; wb = openpyxl.load_workbook(\"%s\"); "
			 "print(\"|\".join(ws.title for ws in wb.worksheets), type(wb.worksheets[0][\"A2\"].value).__name__, "
			 "type(wb.worksheets[1][\"A2\"].value).__name__)' >%s/names",
			 path, dir);
		assert_int_equal(system(cmd), 0);
		snprintf(cmd, sizeof(cmd), "%s/names", dir);
		char line[256] = "";
		fp = fopen(cmd, "r");
		assert_non_null(fp);
		assert_non_null(fgets(line, sizeof(line), fp));
		fclose(fp);
		unlink(cmd);
		assert_string_equal(line, "Doelen|doelen (2)|Acties- in-de -klas--|Een titel van veel meer dan een|data "
					  "str datetime\n");
	}
	unlink(path);

	/* a workbook dropped unwritten, and one that cannot be written, leave nothing */
	out_init(&o, NULL, OUT_XLSX);
	out_list(&o, one, 2);
	out_int(&o, 1);
	out_row_end(&o);
	out_end(&o);
	snprintf(path, sizeof(path), "%s/no/w.xlsx", dir);
	assert_int_equal(out_xlsx_finish(&o, path, &wrote, &err), BETER_IOERR);
	assert_int_equal(wrote, 0);
	out_release(&o);
	out_init(&o, NULL, OUT_XLSX);
	out_list(&o, one, 2);
	out_release(&o);
	assert_int_equal(rmdir(dir), 0); /* empty */
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
		cmocka_unit_test(test_nl),        cmocka_unit_test(test_nl_headings),
		cmocka_unit_test(test_excel_dutch),
		cmocka_unit_test(test_xlsx_sheets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
