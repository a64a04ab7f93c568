/* goal.h - goals set the 4-step way, and personal development goals.
 *
 * Team goals: candidate improvements are scored on impact on pupils and
 * feasibility (1-5) and placed in the impact matrix; the chosen goal says what
 * pupils know, can, do or feel, for which pupils, over 4-8 weeks, with a norm
 * and a 0-meting (baseline) on a 1-10 scale and results P1..Pn. An achieved
 * goal becomes a "zo werken wij" standard.
 *
 * Personal goals (ontwikkelpunten) belong to one teacher: learning activities
 * of five kinds and progress conversations.
 *
 * Days are day numbers of date.h.
 */
#ifndef BETER_GOAL_H
#define BETER_GOAL_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/util.h"

struct store;
struct store_stmt;

#define GOAL_SCORE_MIN 1
#define GOAL_SCORE_MAX 10
#define GOAL_WEEKS_MIN 4
#define GOAL_WEEKS_MAX 8
#define GOAL_MATRIX_MIN 1
#define GOAL_MATRIX_MAX 5
/* impact or feasibility at or above this counts as high in the matrix */
#define GOAL_MATRIX_HIGH 3

/* bijblijven, anderen, experimenteren, reflectie, samenwerking (NULL-terminated) */
extern const char *const goal_activity_kinds[];
int goal_activity_kind_valid(const char *kind);

/* "high" or "low" for an impact or feasibility score. */
const char *goal_matrix_level(int score);
/* The quadrant of the impact matrix: "high impact, high feasibility", ... */
const char *goal_quadrant(int impact, int feasibility);

int goal_candidate_add(struct store *db, int64_t team, const char *text, int impact, int feasibility, int day,
		       int64_t *id, struct beter_err *err);
/* Mark a candidate as picked from an arena's outcome. */
int goal_candidate_set_arena(struct store *db, int64_t candidate, int64_t arena, struct beter_err *err);
int goal_candidate_list(struct store *db, int64_t team, struct out *o, struct beter_err *err);
/* The impact matrix: a 2x2 grid in the table format, one row per candidate
 * with impact_level, feasibility_level and quadrant in the others. */
int goal_matrix(struct store *db, int64_t team, struct out *o, struct beter_err *err);

struct goal_new {
	int64_t team;       /* a team goal ... */
	const char *text;
	const char *pupils;
	int weeks;
	double norm, baseline;
	int64_t candidate;  /* 0: none */
	const char *problem, *facts, *causes; /* kaizen, optional */
	int day;            /* the day it was set */
};

/* A team goal; checks weeks, norm and baseline, and the candidate's team. */
int goal_add(struct store *db, int64_t school, const struct goal_new *g, int64_t *id, struct beter_err *err);
/* A personal development goal (ontwikkelpunt) of one teacher. */
int goal_personal_add(struct store *db, int64_t school, int64_t person_id, const char *text, int day, int64_t *id,
		      struct beter_err *err);

struct goal_info {
	int64_t id, team, person; /* team or person is 0 */
	char status[16];
	int added;
};

/* BETER_FAIL "no goal with number N" when it is not a goal of the school. */
int goal_find(struct store *db, int64_t school, int64_t number, struct goal_info *g, struct beter_err *err);

/* Add a result (P1, P2, ...) to an active team goal; session 0: none. */
int goal_measure(struct store *db, int64_t goal, double score, int day, int64_t session, int64_t *id,
		 struct beter_err *err);
int goal_achieve(struct store *db, int64_t goal, const char *standard, int day, struct beter_err *err);
int goal_drop(struct store *db, int64_t goal, const char *reason, int day, struct beter_err *err);

int goal_activity_add(struct store *db, int64_t goal, const char *kind, const char *text, int day, int64_t *id,
		      struct beter_err *err);
int goal_activity_done(struct store *db, int64_t goal, int64_t activity, int day, struct beter_err *err);
int goal_talk_add(struct store *db, int64_t goal, int day, const char *note, int64_t *id, struct beter_err *err);

struct goal_filter {
	int64_t team;        /* 0: any */
	int64_t person;      /* 0: any */
	int personal;        /* 1: personal goals only, -1: team goals only, 0: both */
	const char *status;  /* NULL: any */
	int64_t period;      /* 0: any; else goals added within the period's dates */
};

int goal_list(struct store *db, int64_t school, const struct goal_filter *f, struct out *o, struct beter_err *err);
/* One teacher's personal goals (all statuses), oldest first. */
int goal_personal_list(struct store *db, int64_t person_id, struct out *o, struct beter_err *err);
int goal_show(struct store *db, int64_t goal, struct out *o, struct beter_err *err);
/* P0 (0-meting) .. Pn against the norm. */
int goal_progress(struct store *db, int64_t goal, struct out *o, struct beter_err *err);
/* Achieved team goals and their "zo werken wij" standard; team 0: all. */
int goal_standards(struct store *db, int64_t school, int64_t team, struct out *o, struct beter_err *err);

/* Results of a goal up to and including day: "P0 5 · P1 6 · P2 6.5" into
 * results, the latest score (the baseline when nothing is measured) and a
 * small trend (a spark line and an arrow) into trend. */
int goal_results(struct store *db, int64_t goal, int day, struct strbuf *results, double *latest, struct strbuf *trend,
		 struct beter_err *err);
/* The trend of a series on the 1-10 scale: "▄▅▆ ↑". */
void goal_trend(const double *v, int n, struct strbuf *sb);
/* The results up to a day in every form, with one query: line and spark as
 * goal_results' results and trend; as data json an array of {"label": "P0",
 * "date": null or "YYYY-MM-DD", "score": N} (P0 the 0-meting), csv
 * "P0=5;P1=5.5", word "up", "down", "flat" (the last two results) or NULL;
 * a NULL strbuf is not filled. */
struct goal_results {
	struct strbuf *line, *spark, *json, *csv;
	double latest;
	const char *word;
};
int goal_results_read(struct store *db, int64_t goal, int day, struct goal_results *r, struct beter_err *err);

#endif
