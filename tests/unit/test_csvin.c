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
	assert_int_equal(read_all("a,b\n1,x\xc3\n", out, sizeof(out), &err), -1);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_separators_bom_crlf),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_big_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
