/* xlsxin_fmt.c - the text of an .xlsx cell's value: numbers as a CSV export
 * holds them, serial dates in date-formatted cells as ISO dates. */
#include "beter/xlsxin.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void xlsxin_col_name(size_t col, char buf[8])
{
	char tmp[8];
	size_t n = 0, k = 0;

	col++;
	while (col && n < sizeof(tmp) - 1) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	while (n)
		buf[k++] = tmp[--n];
	buf[k] = '\0';
}

/* Excel's built-in formats that show a date or a time (ECMA-376 18.8.30,
 * and the East Asian date formats 27-36 and 50-58). */
static int builtin_kind(int id)
{
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
		return XLSXIN_DATE;
	if (id == 22)
		return XLSXIN_DATE | XLSXIN_TIME;
	if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47))
		return XLSXIN_TIME;
	return 0;
}

int xlsxin_numfmt_kind(int id, const char *code)
{
	int date = 0, time = 0, month = 0;

	if (!code)
		return builtin_kind(id);
	/* only the first section (positive numbers) decides */
	for (const char *p = code; *p && *p != ';'; p++) {
		char c = *p;
		if (c == '"') { /* a literal */
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			continue;
		}
		if (c == '\\' || c == '_' || c == '*') { /* an escaped, padded or repeated character */
			if (p[1])
				p++;
			continue;
		}
		if (!strncasecmp(p, "general", 7)) {
			p += 6;
			continue;
		}
		if (c == '[') { /* [Red], [$-413], or elapsed [h] [mm] [ss] */
			if (strchr("hHmMsS", p[1]))
				time = 1;
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
			continue;
		}
		switch (c) {
		case 'y': case 'Y': case 'd': case 'D': case 'e': case 'j': case 'J': /* jjjj: Dutch year */
			date = 1;
			break;
		case 'h': case 'H': case 's': case 'S': case 'u': /* uu: Dutch hours */
			time = 1;
			break;
		case 'm': case 'M':
			month = 1;
			break;
		case '0': case '#': case '?':
			if (!date && !time && !month)
				return 0; /* digits first: a number with a letter in a literal */
			break;
		}
	}
	if (month && !time)
		date = 1; /* "mmm" alone is a month; with hours it is minutes */
	return (date ? XLSXIN_DATE : 0) | (time ? XLSXIN_TIME : 0);
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void civil(long z, long *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* A serial date-time as text; 0 when it is no date Excel shows (negative,
 * past 9999-12-31, or a date before 1900-01-01). */
static int serial_text(double v, int kind, int date1904, char *buf, size_t size)
{
	if (!isfinite(v) || v < 0 || v >= 2958466)
		return 0;
	long days = (long)floor(v);
	long secs = lround((v - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (kind == XLSXIN_TIME) {
		snprintf(buf, size, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
		return 1;
	}
	if (!date1904 && days < 1)
		return 0;
	/* 1900 system: serial 1 is 1900-01-01 and 60 Excel's 1900-02-29, which
	 * never was; 1904 system: serial 0 is 1904-01-01 */
	long unix_days = date1904 ? days - 24107 : days >= 61 ? days - 25569 : days - 25568;
	long y;
	int m, d;
	civil(unix_days, &y, &m, &d);
	if (kind & XLSXIN_TIME)
		snprintf(buf, size, "%04ld-%02d-%02d %02ld:%02ld:%02ld", y, m, d, secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(buf, size, "%04ld-%02d-%02d", y, m, d);
	return 1;
}

void xlsxin_value_text(const char *v, int kind, int date1904, char *buf, size_t size)
{
	/* numbers are stored with a '.', whatever the locale says */
	static locale_t c_locale;
	char *end;

	if (!c_locale)
		c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	double d = c_locale ? strtod_l(v, &end, c_locale) : strtod(v, &end);
	if (end == v || *end || !isfinite(d) || (kind && serial_text(d, kind, date1904, buf, size))) {
		if (end == v || *end || !isfinite(d))
			snprintf(buf, size, "%s", v);
		return;
	}
	if (d == floor(d) && fabs(d) < 1e15) {
		snprintf(buf, size, "%lld", (long long)d);
		return;
	}
	locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
	snprintf(buf, size, "%.15g", d);
	if (old)
		uselocale(old);
}
