#include "beter/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "beter/i18n.h"
#include "beter/util.h"

/* Howard Hinnant's days_from_civil and civil_from_days */
int date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int)doe - 719468;
}

void date_to_ymd(int z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

int date_weekday(int days)
{
	/* 1970-01-01 was a Thursday (4) */
	int w = (days + 3) % 7;
	if (w < 0)
		w += 7;
	return w + 1;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int parse_ymd(const char *s, int *days)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*days = date_from_ymd(y, m, d);
	return 0;
}

int date_today(void)
{
	const char *s = getenv("BETER_TODAY");
	int days;

	if (s && *s && parse_ymd(s, &days) == 0)
		return days;
	s = getenv("SOURCE_DATE_EPOCH");
	if (s && *s) {
		int64_t t;
		if (parse_int64(s, &t) == 0 && t >= 0)
			return (int)(t / 86400);
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int date_parse(const char *s, int *days, const char *what, struct beter_err *err)
{
	if (s && !strcmp(s, "today")) {
		*days = date_today();
		return 0;
	}
	if (s && !strcmp(s, "yesterday")) {
		*days = date_today() - 1;
		return 0;
	}
	if (s && !strcmp(s, "tomorrow")) {
		*days = date_today() + 1;
		return 0;
	}
	if (s && parse_ymd(s, days) == 0)
		return 0;
	return beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a date (use YYYY-MM-DD or 'today')"),
			     what, s ? s : "");
}

int date_of(const char *s)
{
	int days;
	return s && parse_ymd(s, &days) == 0 ? days : 0;
}

void date_format(int days, char buf[11])
{
	int y, m, d;
	char tmp[32];
	date_to_ymd(days, &y, &m, &d);
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

void date_iso_week(int days, int *year, int *week)
{
	int wd = date_weekday(days);
	int thursday = days - wd + 4;
	int y, m, d;
	date_to_ymd(thursday, &y, &m, &d);
	int jan1 = date_from_ymd(y, 1, 1);
	*year = y;
	*week = (thursday - jan1) / 7 + 1;
}

int date_week_monday(int year, int week)
{
	int jan4 = date_from_ymd(year, 1, 4);
	int mon1 = jan4 - (date_weekday(jan4) - 1);
	return mon1 + (week - 1) * 7;
}

void date_week_format(int days, char buf[9])
{
	int y, w;
	char tmp[32];
	date_iso_week(days, &y, &w);
	snprintf(tmp, sizeof(tmp), "%04d-W%02d", y % 10000, w % 100);
	memcpy(buf, tmp, 8);
	buf[8] = '\0';
}

int date_school_year(int days)
{
	int y, m, d;
	date_to_ymd(days, &y, &m, &d);
	return m >= 8 ? y : y - 1;
}

int date_period_parse(const char *s, int *from, int *to, const char *what, struct beter_err *err)
{
	int y, w, y2;
	char c;

	if (!s)
		s = "";
	if (strlen(s) == 8 && sscanf(s, "%4d-W%2d%c", &y, &w, &c) == 2 && isdigit((unsigned char)s[6]) &&
	    isdigit((unsigned char)s[7])) {
		int mon = date_week_monday(y, w);
		int yy, ww;
		date_iso_week(mon, &yy, &ww);
		if (y < 1900 || y > 2999 || w < 1 || yy != y || ww != w)
			return beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not an ISO week (%d has no week %d)"),
					     what, s, y, w);
		*from = mon;
		*to = mon + 6;
		return 0;
	}
	if (strlen(s) == 9 && sscanf(s, "%4d-%4d%c", &y, &y2, &c) == 2 && isdigit((unsigned char)s[5])) {
		if (y2 != y + 1 || y < 1900 || y > 2998)
			return beter_err_set(err, BETER_DATAERR,
					     _("%s: '%s' is not a school year (use two following years: 2026-2027)"), what, s);
		*from = date_from_ymd(y, 8, 1);
		*to = date_from_ymd(y2, 7, 31);
		return 0;
	}
	int d;
	if (!strcmp(s, "today") || parse_ymd(s, &d) == 0) {
		if (date_parse(s, &d, what, err))
			return err ? err->status : BETER_DATAERR;
		*from = *to = d;
		return 0;
	}
	return beter_err_set(err, BETER_DATAERR,
			     _("%s: '%s' is not a date, week or school year (use 2026-11-20, 2026-W47 or 2026-2027)"),
			     what, s);
}

int time_parse(const char *s, int *minutes, const char *what, struct beter_err *err)
{
	size_t n = s ? strlen(s) : 0;
	/* H:MM or HH:MM */
	if ((n == 4 || n == 5) && s[n - 3] == ':' && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[n - 4]) && isdigit((unsigned char)s[n - 2]) && isdigit((unsigned char)s[n - 1])) {
		int h = n == 5 ? (s[0] - '0') * 10 + (s[1] - '0') : s[0] - '0';
		int m = (s[n - 2] - '0') * 10 + (s[n - 1] - '0');
		if (h < 24 && m < 60) {
			*minutes = h * 60 + m;
			return 0;
		}
	}
	return beter_err_set(err, BETER_DATAERR, _("%s: '%s' is not a time (use HH:MM, e.g. 08:30)"), what, s ? s : "");
}

int date_not_future(int day, const char *what, struct beter_err *err)
{
	char d[11];
	if (day <= date_today())
		return 0;
	date_format(day, d);
	return beter_err_set(err, BETER_DATAERR, _("%s: %s is after today"), what, d);
}
