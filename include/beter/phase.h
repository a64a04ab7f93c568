/* phase.h - improvement trajectories along a phase model.
 *
 * A phase model is JSON: shipped in share/models/ID.json or imported into the
 * store by a school. Its shape:
 *
 *   { "id": "leerkracht", "name": "...", "description": "...", "source": "...",
 *     "phases": [ { "id": "startfase", "name": "Startfase", "purpose": "...",
 *                   "who": ["leerKRACHT-team", "expertcoach"], "typical_days": 42,
 *                   "activities": [ { "id": "werksessies", "text": "..." } ] } ],
 *     "targets": [ { "id": "studiedag", "text": "...", "count": "study-days", "min": 1 } ] }
 *
 * Ids are 1-40 characters a-z, 0-9 and '-'; phase ids are unique in a model,
 * activity ids unique in their phase; typical_days is 1-730; description,
 * source and purpose are optional. The last phase may carry "cycle": "period":
 * it repeats each improvement period and does not close. Targets are
 * optional; count is board-sessions, study-days, designs, visits-with-talk or
 * teachers-with-talk (min 1-1000; without min every teacher). A trajectory copies the model's phases and
 * checklist when it starts. One trajectory is active per team, and one for the
 * whole school.
 */
#ifndef BETER_PHASE_H
#define BETER_PHASE_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

/* Scopes: a team number (> 0), the whole school, or (for lists) any. */
#define PHASE_SCHOOL 0
#define PHASE_ANY (-1)

/* Check a model document; name prefixes messages ("my.json: field 'phases[1].id': ..."). */
int phase_model_validate(const char *json, size_t len, const char *name, struct beter_err *err);

int phase_model_list(struct store *db, int64_t school, struct out *o, struct beter_err *err);
int phase_model_show(struct store *db, int64_t school, const char *key, struct out *o, struct beter_err *err);
/* Import (or replace) a school's own model from a file ("-" is stdin). *key
 * gets the model id (caller frees); *changed 0 when the store already held it. */
int phase_model_import(struct store *db, int64_t school, const char *path, int today, char **key, int *changed,
		       struct beter_err *err);

/* Start a trajectory for a team (> 0) or the school (PHASE_SCHOOL) on date. */
int phase_start(struct store *db, int64_t school, int64_t team, const char *model, int date, int64_t *trajectory,
		struct beter_err *err);
/* The active trajectory of a scope; with PHASE_ANY the only active one in the
 * school (BETER_USAGE when there are several). */
int phase_active(struct store *db, int64_t school, int64_t team, int64_t *trajectory, struct beter_err *err);

/* Current phase, its checklist and days in phase (today - start). */
int phase_status(struct store *db, int64_t trajectory, int today, struct out *o, struct beter_err *err);
/* Tick (or with undo clear) an item of the current phase, by its id or number.
 * *changed 0 when it already was so; key (keysize bytes, may be NULL) gets
 * the item's id. */
int phase_check(struct store *db, int64_t trajectory, const char *item, int undo, int date, int *changed, char *key,
		size_t keysize, struct beter_err *err);

struct phase_retro {
	const char *went_well;
	const char *improve;
	const char *no_retro_reason; /* closing without a retrospective: why */
};

struct phase_next_result {
	char closed[256];   /* name of the phase closed */
	char opened[256];   /* name of the phase started, "" when the trajectory is complete */
	int open_items;     /* checklist items not done in the closed phase */
};

/* Close the current phase with its retrospective (or a reason for none) on
 * date and start the next one; the last phase completes the trajectory. */
int phase_next(struct store *db, int64_t trajectory, const struct phase_retro *r, int date,
	       struct phase_next_result *res,
	       struct beter_err *err);

/* Phases of the scope's trajectories (PHASE_ANY: every trajectory in the school). */
int phase_history(struct store *db, int64_t school, int64_t team, int today, struct out *o, struct beter_err *err);
/* Retrospectives of closed phases, oldest first. */
int phase_retro_list(struct store *db, int64_t school, int64_t team, struct out *o, struct beter_err *err);

/* The three conditions of the method for a team (or PHASE_SCHOOL) over
 * [from, to]. NaN / -1 mean unknown.
 *
 * Ambition: an item of the board's section 'ambitie' is on the team's board
 * on the last day of the period (added <= to, not removed by then). For the
 * school: set when every teacher team has one (ambition_teams of teams).
 * Rhythm: weeks with a board session of the team / school weeks (see
 * phase_rhythm_weeks); for the school the mean of the teacher teams' rhythms,
 * and rhythm_sessions the weeks with a session of any team. */
struct phase_conditions {
	int ambition;          /* 1 a board ambition is set, 0 none, -1 unknown */
	double rhythm;         /* share of school weeks with a board session, 0-1; NaN unknown */
	int64_t rhythm_weeks;  /* school weeks counted (0 when unknown) */
	int64_t rhythm_sessions; /* weeks with a session */
	double retrospective;  /* share of closed phases with a retrospective; NaN when none closed */
	int64_t closed;        /* phases closed */
	int64_t with_retro;    /* of which with a retrospective */
	int64_t ambition_teams; /* the school: teacher teams with an ambition */
	int64_t teams;         /* the school: teacher teams */
	double design_rhythm;  /* share of school weeks with a lesson from a lesson design (GL), 0-1; NaN unknown */
	int64_t design_weeks;  /* weeks with such a lesson */
};
int phase_conditions(struct store *db, int64_t school, int64_t team, int from, int to, struct phase_conditions *pc,
		     struct beter_err *err);
/* School weeks of [from, to]: every ISO week (Monday-Sunday) with at least
 * one weekday (Monday-Friday) in the period, except a week whose Monday to
 * Friday fall in the summer holiday (15 July - 31 August) when no team of
 * the school (school_days) held a session in it. *with_session counts the
 * school weeks with a day of team_days in the period. Days may repeat and
 * need not be sorted. */
void phase_rhythm_weeks(int from, int to, const int *team_days, size_t nteam, const int *school_days,
			size_t nschool, int64_t *weeks, int64_t *with_session);
/* The same over the school weeks of a calendar (NULL: every weekday is a
 * school day): a week whose weekdays in the period are all days off is not
 * counted unless the team held a session in it. Linear in days + weeks. */
struct calendar;
void phase_rhythm_school_weeks(int from, int to, const int *team_days, size_t nteam, const int *school_days,
			       size_t nschool, const struct calendar *cal, int64_t *weeks, int64_t *with_session);
/* The conditions per team of the school, then the school itself. */
int phase_conditions_list(struct store *db, int64_t school, int from, int to, struct out *o, struct beter_err *err);
/* *found 1 when the school's own trajectory is in the phase before one that
 * repeats each period (leerKRACHT's Verbindingssessie before Uitbouwen),
 * with the names of the two phases in now and next. */
int phase_before_cycle(struct store *db, int64_t school, int *found, char *now, size_t nowsize, char *next,
		       size_t nextsize, struct beter_err *err);
/* The conditions per team over an improvement period (its first day up to
 * its last, never past today): ambition on the board and checked in the
 * team's retrospective of the period, rhythm of board sessions, lesson
 * designs given and lesson visits recorded, the retrospective held; then the
 * school. BETER_FAIL for a candidate period without dates. */
int phase_conditions_period(struct store *db, int64_t school, int64_t period, int today, struct out *o,
			    struct beter_err *err);

#endif
