/* calendar.h - the school calendar: holidays per region (noord, midden,
 * zuid), study days and other days off; iCalendar import and export (libical).
 *
 * A school day is a weekday that no applicable calendar day covers. A
 * calendar day applies to a school when it has no region or the school's
 * region. A school week is an ISO week with at least one school day. */
#ifndef BETER_CALENDAR_H
#define BETER_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/util.h"

struct store;

/* "noord", "midden" or "zuid" (any case); "vakantie", "studiedag" or "vrij". */
int calendar_region_valid(const char *region);
int calendar_kind_valid(const char *kind);

/* Set the school's holiday region (NULL clears it). */
int calendar_set_region(struct store *db, int64_t school, const char *region, struct beter_err *err);

/* Add days off [from, to] (day numbers); BETER_DATAERR when to < from. */
int calendar_add(struct store *db, int64_t school, int from, int to, const char *kind, const char *name,
		 const char *region, int64_t *id, struct beter_err *err);
int calendar_rm(struct store *db, int64_t school, int64_t id, struct beter_err *err);

/* The calendar days overlapping [from, to], by first day. */
int calendar_list(struct store *db, int64_t school, int from, int to, struct out *o, struct beter_err *err);

/* One event of an .ics file, as a calendar day. */
struct cal_event {
	char *ics_uid;  /* the event's UID (with "#region" when it names several regions) */
	char *name;
	char kind[12];
	char region[8]; /* "" for every region */
	int from, to;   /* inclusive day numbers */
	int line;       /* line of the event's UID in the file, 0 if unknown */
};

struct cal_events {
	struct cal_event *v;
	size_t n, a;
	size_t skipped; /* events with a time of day or a repeat rule: not days off */
};

/* Parse iCalendar text (NUL-terminated, len bytes) with libical. kind: the
 * kind of events whose CATEGORIES (or X-BETER-KIND) name none; NULL:
 * vakantie. BETER_DATAERR "FILE:LINE: ..." when it is not valid iCalendar
 * or an event lacks what a day off needs. */
int calendar_ics_parse(const char *text, size_t len, const char *file, const char *kind, struct cal_events *ev,
		       struct beter_err *err);
void cal_events_release(struct cal_events *ev);

struct calendar_import_stats {
	int64_t added, updated, unchanged, skipped;
};

/* Import parsed events by UID: a known UID is updated, an unchanged one left
 * alone, so importing the same file twice changes nothing. */
int calendar_import(struct store *db, int64_t school, const struct cal_events *ev,
		    struct calendar_import_stats *st, struct beter_err *err);

/* The school's days off in [from, to] as a bitmap, for school-day tests. */
struct calendar {
	int from, to;
	unsigned char *off; /* off[day - from]: 1 when no school that day */
};
int calendar_load(struct store *db, int64_t school, int from, int to, struct calendar *cal, struct beter_err *err);
void calendar_release(struct calendar *cal);
/* 1 when day is a weekday that is not a day off (days outside the loaded
 * range: weekdays count as school days). */
int calendar_school_day(const struct calendar *cal, int day);
/* 1 when the ISO week with Monday mon has a school day. */
int calendar_school_week(const struct calendar *cal, int mon);

/* What calendar export writes: the visits, planned board sessions, feedback
 * talks due and days off of the school, a team or a person, in [from, to]. */
struct calendar_export_opts {
	int64_t school, team, person; /* team, person: 0 for all */
	int from, to;
};
/* RFC 5545 text, written with libical, with stable UIDs, appended to sb. */
int calendar_export(struct store *db, const struct calendar_export_opts *x, struct strbuf *sb,
		    struct beter_err *err);

#endif
