#include "unit.h"

#include "beter/xlsxin.h"

static const char *text(const char *v, int kind, int date1904)
{
	static char buf[128];
	xlsxin_value_text(v, kind, date1904, buf, sizeof(buf));
	return buf;
}

static void test_numbers(void **state)
{
	(void)state;
	assert_string_equal(text("12", 0, 0), "12");
	assert_string_equal(text("12.0", 0, 0), "12");
	assert_string_equal(text("5.5", 0, 0), "5.5");
	assert_string_equal(text("0.30000000000000004", 0, 0), "0.3");
	assert_string_equal(text("-3", 0, 0), "-3");
	assert_string_equal(text("1E-3", 0, 0), "0.001");
	assert_string_equal(text("not a number", 0, 0), "not a number");
}

static void test_dates(void **state)
{
	(void)state;
	assert_string_equal(text("43678", XLSXIN_DATE, 0), "2019-08-01");
	assert_string_equal(text("1", XLSXIN_DATE, 0), "1900-01-01");
	assert_string_equal(text("61", XLSXIN_DATE, 0), "1900-03-01");
	assert_string_equal(text("0", XLSXIN_DATE, 1), "1904-01-01");
	assert_string_equal(text("43832.354166666664", XLSXIN_DATE | XLSXIN_TIME, 0), "2020-01-02 08:30:00");
	assert_string_equal(text("43832.354166666664", XLSXIN_DATE, 0), "2020-01-02");
	assert_string_equal(text("0.5", XLSXIN_TIME, 0), "12:00:00");
	assert_string_equal(text("-1", XLSXIN_DATE, 0), "-1"); /* no date: the number */
}

static void test_formats(void **state)
{
	(void)state;
	assert_int_equal(xlsxin_numfmt_kind(14, NULL), XLSXIN_DATE);
	assert_int_equal(xlsxin_numfmt_kind(22, NULL), XLSXIN_DATE | XLSXIN_TIME);
	assert_int_equal(xlsxin_numfmt_kind(20, NULL), XLSXIN_TIME);
	assert_int_equal(xlsxin_numfmt_kind(0, NULL), 0);
	assert_int_equal(xlsxin_numfmt_kind(2, NULL), 0);
	assert_int_equal(xlsxin_numfmt_kind(164, "d-m-jjjj"), XLSXIN_DATE);
	assert_int_equal(xlsxin_numfmt_kind(164, "dd/mm/yyyy\\ hh:mm"), XLSXIN_DATE | XLSXIN_TIME);
	assert_int_equal(xlsxin_numfmt_kind(164, "[$-413]d\\ mmmm\\ yyyy;@"), XLSXIN_DATE);
	assert_int_equal(xlsxin_numfmt_kind(164, "mmm"), XLSXIN_DATE);
	assert_int_equal(xlsxin_numfmt_kind(164, "[h]:mm"), XLSXIN_TIME);
	assert_int_equal(xlsxin_numfmt_kind(164, "0.00\" days\""), 0);
	assert_int_equal(xlsxin_numfmt_kind(164, "#,##0.00 [$\xe2\x82\xac-413]"), 0);
	assert_int_equal(xlsxin_numfmt_kind(164, "General"), 0);
	assert_int_equal(xlsxin_numfmt_kind(164, "[Red]0.0"), 0);
}

static void test_col_names(void **state)
{
	char b[8];
	(void)state;
	xlsxin_col_name(0, b);
	assert_string_equal(b, "A");
	xlsxin_col_name(25, b);
	assert_string_equal(b, "Z");
	xlsxin_col_name(26, b);
	assert_string_equal(b, "AA");
	xlsxin_col_name(16383, b);
	assert_string_equal(b, "XFD");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_col_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
