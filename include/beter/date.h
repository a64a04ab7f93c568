/* date.h - dates as day numbers: YYYY-MM-DD, ISO weeks 2026-W47, school years
 * 2026-2027 (1 August - 31 July) and "today".
 *
 * "today" is the system's date, unless $BETER_TODAY (YYYY-MM-DD) or
 * $SOURCE_DATE_EPOCH is set, so that scripted and reproducible runs can fix it.
 */
#ifndef BETER_DATE_H
#define BETER_DATE_H

#include "beter/err.h"

/* Days since 1970-01-01 (may be negative). */
int date_from_ymd(int y, int m, int d);
void date_to_ymd(int days, int *y, int *m, int *d);
/* 1 = Monday .. 7 = Sunday */
int date_weekday(int days);

int date_today(void);

/* "YYYY-MM-DD", "today", "yesterday" or "tomorrow". 0 or BETER_DATAERR with
 * a message naming what (e.g. "--date"). */
int date_parse(const char *s, int *days, const char *what, struct beter_err *err);
/* The day of a stored 'YYYY-MM-DD' (0 for NULL or anything else). */
int date_of(const char *s);

/* buf gets "YYYY-MM-DD" (11 bytes). */
void date_format(int days, char buf[11]);

/* ISO 8601 week: year and week number of a day; its Monday. */
void date_iso_week(int days, int *year, int *week);
int date_week_monday(int year, int week);
/* "2026-W47" into buf (9 bytes). */
void date_week_format(int days, char buf[9]);

/* The school year (its first calendar year) a day falls in: 2026 for 2027-03-01. */
int date_school_year(int days);

/* A period: "YYYY-MM-DD" (one day), "2026-W47" (Monday-Sunday), "2026-2027"
 * (1 Aug - 31 Jul) or "today". from and to are inclusive. */
int date_period_parse(const char *s, int *from, int *to, const char *what, struct beter_err *err);

/* "HH:MM" or "H:MM", 0 or BETER_DATAERR. */
int time_parse(const char *s, int *minutes, const char *what, struct beter_err *err);

/* What happened cannot have happened after today: BETER_DATAERR
 * "WHAT: 2026-12-14 is after today" for a later day, else 0. */
int date_not_future(int day, const char *what, struct beter_err *err);

#endif
