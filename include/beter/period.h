/* period.h - the improvement period: a theme of the school's jaarbord with
 * its dates and its TIV; the datamuur (wall) of a period; the teams'
 * retrospectives and the verbindingssessie that closes a period.
 *
 * A period without dates is a candidate theme. Periods of one school do not
 * overlap. Days are day numbers (date.h); 0 means none. */
#ifndef BETER_PERIOD_H
#define BETER_PERIOD_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/util.h"

struct store;

/* Add a period (from = to = 0: a candidate); tiv 0: none. BETER_DATAERR when
 * it overlaps another period of the school or the team is not of kind tiv. */
int period_add(struct store *db, int64_t school, const char *theme, int from, int to, int64_t tiv, int64_t *id,
	       struct beter_err *err);
/* Give a candidate its dates (the same checks as period_add). */
int period_set_dates(struct store *db, int64_t school, int64_t id, int from, int to, struct beter_err *err);
/* The period numbered id of the school: BETER_FAIL when there is none. */
int period_find(struct store *db, int64_t school, int64_t id, struct beter_err *err);
/* The period that holds day (0 when none). */
int64_t period_at(struct store *db, int64_t school, int day);
int period_list(struct store *db, int64_t school, struct out *o, struct beter_err *err);
int period_show(struct store *db, int64_t id, struct out *o, struct beter_err *err);

/* The datamuur. */
struct wall_value {
	const char *indicator, *measure, *group, *unit, *source;
	double value, norm, previous; /* NaN: none */
	int64_t n;                    /* -1: unknown */
	int day;                      /* 0: none */
};
/* Add or update one value (by period, indicator, measure and group);
 * *changed 1 when the store changed. */
int wall_put(struct store *db, int64_t period, const struct wall_value *v, int *changed, struct beter_err *err);
int wall_note_add(struct store *db, int64_t period, const char *text, const char *source, int day, int *added,
		  struct beter_err *err);
int wall_show(struct store *db, int64_t period, struct out *o, struct beter_err *err);

struct wall_import_stats {
	int64_t added, updated, unchanged, suppressed; /* suppressed: groups under 5 pupils */
	int per_pupil;
};
/* Read a group-level export (or a per-pupil one, aggregated) with csvin and
 * put its values on the period's wall in one go. sheet: the .xlsx sheet or
 * NULL; day: the day of the values (0: none). */
int wall_import(struct store *db, int64_t period, const char *path, const char *sheet, int day,
		struct wall_import_stats *s, struct strbuf *notes, struct beter_err *err);

/* A team's retrospective on the period (again: replaced); reached is ja,
 * deels or nee. */
struct period_retro {
	int64_t team;
	const char *went_well, *improve, *reached, *ambition;
	int day;
};
int period_retro_add(struct store *db, int64_t period, const struct period_retro *r, struct beter_err *err);

/* The verbindingssessie: closes the period on day, records its successes,
 * standards (goal 0: none) and the look-ahead, and opens next (0: none; when
 * it is a candidate, next_from..next_to give it its dates). */
struct period_standard {
	int64_t goal;
	const char *text;
};
struct period_connect {
	int day;
	const char *successes, *story;
	const struct period_standard *standards;
	size_t nstandards;
	int64_t next;
	int next_from, next_to;
};
int period_connect(struct store *db, int64_t school, int64_t period, const struct period_connect *c,
		   struct beter_err *err);

#endif
