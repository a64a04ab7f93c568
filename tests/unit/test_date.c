#include "unit.h"

#include "beter/date.h"

static void test_ymd(void **state)
{
	int d;
	char buf[11];
	(void)state;
	assert_int_equal(date_parse("2026-11-20", &d, "--date", NULL), 0);
	date_format(d, buf);
	assert_string_equal(buf, "2026-11-20");
	assert_int_equal(date_weekday(d), 5); /* a Friday */
	assert_int_equal(date_parse("2026-02-29", &d, "--date", NULL), BETER_DATAERR);
	assert_int_equal(date_parse("2024-02-29", &d, "--date", NULL), 0);
	assert_int_equal(date_parse("20-11-2026", &d, "--date", NULL), BETER_DATAERR);
	assert_int_equal(date_parse("", &d, "--date", NULL), BETER_DATAERR);
}

static void test_weeks(void **state)
{
	int from, to, y, w;
	char buf[11], wk[9];
	(void)state;
	assert_int_equal(date_period_parse("2026-W47", &from, &to, "--week", NULL), 0);
	date_format(from, buf);
	assert_string_equal(buf, "2026-11-16");
	date_format(to, buf);
	assert_string_equal(buf, "2026-11-22");
	/* 2027-01-01 is in week 53 of 2026 */
	date_iso_week(date_from_ymd(2027, 1, 1), &y, &w);
	assert_int_equal(y, 2026);
	assert_int_equal(w, 53);
	date_week_format(date_from_ymd(2026, 11, 20), wk);
	assert_string_equal(wk, "2026-W47");
	assert_int_equal(date_period_parse("2025-W53", &from, &to, "--week", NULL), BETER_DATAERR);
	assert_int_equal(date_period_parse("2026-W00", &from, &to, "--week", NULL), BETER_DATAERR);
}

static void test_school_year(void **state)
{
	int from, to;
	char buf[11];
	(void)state;
	assert_int_equal(date_period_parse("2026-2027", &from, &to, "--period", NULL), 0);
	date_format(from, buf);
	assert_string_equal(buf, "2026-08-01");
	date_format(to, buf);
	assert_string_equal(buf, "2027-07-31");
	assert_int_equal(date_school_year(date_from_ymd(2027, 3, 1)), 2026);
	assert_int_equal(date_school_year(date_from_ymd(2026, 8, 1)), 2026);
	assert_int_equal(date_period_parse("2026-2028", &from, &to, "--period", NULL), BETER_DATAERR);
}

static void test_today_env(void **state)
{
	int d;
	(void)state;
	setenv("BETER_TODAY", "2026-11-20", 1);
	assert_int_equal(date_parse("today", &d, "--date", NULL), 0);
	assert_int_equal(d, date_from_ymd(2026, 11, 20));
	unsetenv("BETER_TODAY");
}

static void test_time(void **state)
{
	int m;
	(void)state;
	assert_int_equal(time_parse("08:30", &m, "--time", NULL), 0);
	assert_int_equal(m, 510);
	assert_int_equal(time_parse("24:00", &m, "--time", NULL), BETER_DATAERR);
	assert_int_equal(time_parse("9:05", &m, "--time", NULL), 0);
	assert_int_equal(m, 545);
	assert_int_equal(time_parse("9:60", &m, "--time", NULL), BETER_DATAERR);
	assert_int_equal(time_parse("9:5", &m, "--time", NULL), BETER_DATAERR);
	assert_int_equal(time_parse(":930", &m, "--time", NULL), BETER_DATAERR);
	assert_int_equal(time_parse("009:30", &m, "--time", NULL), BETER_DATAERR);
}

static void test_not_future(void **state)
{
	struct beter_err err = { 0 };
	(void)state;
	setenv("BETER_TODAY", "2026-11-20", 1);
	assert_int_equal(date_not_future(date_from_ymd(2026, 11, 20), "--date", &err), 0);
	assert_int_equal(date_not_future(date_from_ymd(2026, 12, 14), "--date", &err), BETER_DATAERR);
	assert_string_equal(err.msg, "--date: 2026-12-14 is after today");
	unsetenv("BETER_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ymd), cmocka_unit_test(test_weeks), cmocka_unit_test(test_school_year),
		cmocka_unit_test(test_today_env), cmocka_unit_test(test_time), cmocka_unit_test(test_not_future),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
