#include "unit.h"

#include "beter/csvin.h"

static int read_all(const char *data, char *fields, size_t size, struct beter_err *err)
{
	struct csvin r;
	int rc;
	size_t used = 0;

	fields[0] = '\0';
	assert_int_equal(csvin_open_mem(&r, "t.csv", data, strlen(data), err), 0);
	while ((rc = csvin_read(&r)) == 1) {
		for (size_t i = 0; i < csvin_nfields(&r); i++)
			assert_int_equal(csvin_field_len(&r, i), strlen(csvin_field(&r, i)));
		for (size_t i = 0; i < csvin_nfields(&r); i++)
			used += (size_t)snprintf(fields + used, size - used, "%s[%s]", i ? "" : "", csvin_field(&r, i));
		used += (size_t)snprintf(fields + used, size - used, "@%ld\n", csvin_line(&r));
	}
	csvin_close(&r);
	return rc;
}

static void test_separators_bom_crlf(void **state)
{
	char out[512];
	struct beter_err err = { 0 };
	(void)state;
	assert_int_equal(read_all("\xef\xbb\xbf" "a;b\r\n1;\"x\r\ny\"\r\n\r\n3;4\r\n", out, sizeof(out), &err), 0);
	assert_string_equal(out, "[a][b]@1\n[1][x\r\ny]@2\n[3][4]@5\n");
	assert_int_equal(read_all("a\tb\n1\t2\n", out, sizeof(out), &err), 0);
	assert_string_equal(out, "[a][b]@1\n[1][2]@2\n");
	assert_int_equal(read_all("a,b\n\"1,5\",2", out, sizeof(out), &err), 0);
	assert_string_equal(out, "[a][b]@1\n[1,5][2]@2\n");
}

static void test_errors(void **state)
{
	char out[512];
	struct beter_err err = { 0 };
	(void)state;
	assert_int_equal(read_all("a,b\n1,\"2\n", out, sizeof(out), &err), -1);
	assert_int_equal(err.status, BETER_DATAERR);
	assert_non_null(strstr(err.msg, "t.csv:2:2:"));
	/* UTF-8 seen first: a bad byte later is an error, not Windows-1252 */
	assert_int_equal(read_all("a,\xc3\xa9\n1,x\xc3\n", out, sizeof(out), &err), -1);
	assert_non_null(strstr(err.msg, "t.csv:2:2: not valid UTF-8"));
	assert_int_equal(read_all("", out, sizeof(out), &err), -1);
	assert_non_null(strstr(err.msg, "empty"));
	assert_int_equal(read_all("a,b\n1,\"x\"y\n", out, sizeof(out), &err), -1);
	assert_non_null(strstr(err.msg, "t.csv:2:"));
}

static void test_width(void **state)
{
	struct csvin r;
	struct beter_err err = { 0 };
	const char *data = "a,b\n1,2\n1,2,3\n";
	(void)state;
	assert_int_equal(csvin_open_mem(&r, "w.csv", data, strlen(data), &err), 0);
	assert_int_equal(csvin_read(&r), 1);
	r.width = 2;
	assert_int_equal(csvin_read(&r), 1);
	assert_int_equal(csvin_read(&r), -1);
	assert_non_null(strstr(err.msg, "w.csv:3:3: 3 fields, but the header has 2"));
	csvin_close(&r);
}

static void test_big_field(void **state)
{
	size_t n = CSVIN_FIELD_MAX + 10;
	char *data = malloc(n + 16);
	char out[64];
	struct beter_err err = { 0 };
	(void)state;
	memcpy(data, "a\n", 2);
	memset(data + 2, 'x', n);
	data[n + 2] = '\n';
	data[n + 3] = '\0';
	assert_int_equal(read_all(data, out, sizeof(out), &err), -1);
	assert_non_null(strstr(err.msg, "t.csv:2:1: field is longer"));
	free(data);
}

/* Lines without quotes skip the character parser: they must give the same
 * fields as the same records with every field quoted, which go through it. */
static void test_plain_lines_as_parsed(void **state)
{
	static const char alphabet[] = { 'a', ' ', ';', '\t', 'x', ';' };
	char plain[512], quoted[1024], a[2048], b[2048];
	struct beter_err err = { 0 };
	unsigned seed = 7;
	(void)state;
	for (int round = 0; round < 500; round++) {
		size_t pn = 0, qn = 0;
		int nrec = 1 + round % 4;
		for (int rec = 0; rec < nrec; rec++) {
			int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
			quoted[qn++] = '"';
			for (int i = 0; i < len; i++) {
				char c = alphabet[((seed = seed * 1103515245u + 12345u) >> 16) % sizeof(alphabet)];
				plain[pn++] = c;
				if (c == ';') {
					memcpy(quoted + qn, "\";\"", 3);
					qn += 3;
				} else {
					quoted[qn++] = c;
				}
			}
			quoted[qn++] = '"';
			const char *end = rec % 2 ? "\r\n" : "\n";
			memcpy(plain + pn, end, strlen(end));
			pn += strlen(end);
			memcpy(quoted + qn, end, strlen(end));
			qn += strlen(end);
		}
		plain[pn] = quoted[qn] = '\0';
		/* the header fixes ';' as the separator for both */
		char pd[600], qd[1100];
		snprintf(pd, sizeof(pd), "h;h\n%s", plain);
		snprintf(qd, sizeof(qd), "h;h\n%s", quoted);
		int ra = read_all(pd, a, sizeof(a), &err), rb = read_all(qd, b, sizeof(b), &err);
		assert_int_equal(ra, rb);
		assert_string_equal(a, b);
	}
	/* the last line without a line end, an empty last field, a CR inside */
	assert_int_equal(read_all("a;b\n1;\n2;3", a, sizeof(a), &err), 0);
	assert_string_equal(a, "[a][b]@1\n[1][]@2\n[2][3]@3\n");
	assert_int_equal(read_all("a;b\n1;2\r3;4\n", a, sizeof(a), &err), 0);
	assert_string_equal(a, "[a][b]@1\n[1][2]@2\n[3][4]@2\n");
	/* a bad byte in a plain line names its field */
	assert_int_equal(read_all("a;b;\xc3\xa9\n1;2;x\xff\n", a, sizeof(a), &err), -1);
	assert_non_null(strstr(err.msg, "t.csv:2:3: not valid UTF-8 (byte 0xff at byte 2)"));
}

/* Excel's "CSV (gescheiden door lijstscheidingsteken)": Windows-1252, said once */
static void test_windows_1252(void **state)
{
	struct csvin r;
	struct beter_err err = { 0 };
	struct strbuf notes = STRBUF_INIT;
	struct csvin_opts o = { NULL, &notes };
	const char *data = "naam;rol\nJan;leraar\nZo\xeb;leraar\nRen\xe9" "e \x80;ib\n";
	(void)state;
	assert_int_equal(csvin_open_mem_opts(&r, "x.csv", data, strlen(data), &o, &err), 0);
	assert_int_equal(csvin_read(&r), 1);
	assert_int_equal(csvin_read(&r), 1);
	assert_string_equal(csvin_field(&r, 0), "Jan");
	assert_int_equal(csvin_read(&r), 1);
	assert_string_equal(csvin_field(&r, 0), "Zo\xc3\xab");
	assert_int_equal(csvin_read(&r), 1);
	assert_string_equal(csvin_field(&r, 0), "Ren\xc3\xa9" "e \xe2\x82\xac");
	assert_int_equal(csvin_read(&r), 0);
	csvin_close(&r);
	assert_string_equal(strbuf_str(&notes), "'x.csv' is not UTF-8; read as Windows-1252\n");
	strbuf_release(&notes);
	/* a byte Windows-1252 does not define */
	char out[256];
	assert_int_equal(read_all("a;b\n1;x\x81\n", out, sizeof(out), &err), -1);
	assert_non_null(strstr(err.msg, "t.csv:2:1: byte 0x81 is neither UTF-8 nor Windows-1252"));
}

/* ";;;" rows and empty columns at the end, as Excel leaves them */
static void test_empty_rows_and_columns(void **state)
{
	struct csvin r;
	struct beter_err err = { 0 };
	const char *data = "code;naam;rol;;;\nJDV;Jan;leraar;;;\n;;;;;\nKB;Kees;ib;;\n;;;;;\n;;;;;\n";
	(void)state;
	assert_int_equal(csvin_open_mem(&r, "t.csv", data, strlen(data), &err), 0);
	assert_int_equal(csvin_read(&r), 1);
	assert_int_equal(csvin_nfields(&r), 3);
	r.width = 3;
	assert_int_equal(csvin_read(&r), 1);
	assert_int_equal(csvin_nfields(&r), 3);
	assert_string_equal(csvin_field(&r, 2), "leraar");
	assert_int_equal(csvin_read(&r), 1);
	assert_string_equal(csvin_field(&r, 0), "KB");
	assert_int_equal(csvin_line(&r), 4);
	assert_int_equal(csvin_read(&r), 0);
	csvin_close(&r);
	/* a value past the header's columns is still an error */
	data = "a;b\n1;2;3\n";
	assert_int_equal(csvin_open_mem(&r, "t.csv", data, strlen(data), &err), 0);
	assert_int_equal(csvin_read(&r), 1);
	r.width = 2;
	assert_int_equal(csvin_read(&r), -1);
	assert_non_null(strstr(err.msg, "t.csv:2:3: 3 fields"));
	csvin_close(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_separators_bom_crlf),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_big_field),
		cmocka_unit_test(test_plain_lines_as_parsed),
		cmocka_unit_test(test_windows_1252),
		cmocka_unit_test(test_empty_rows_and_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
