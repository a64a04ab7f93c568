/* visit.h - lesson visits (lesbezoek) and feedback talks (nagesprek).
 *
 * A visit is planned (observer, teacher, date), then recorded (what the
 * teacher did and what pupils did in response: facts, no judgement; scores on
 * the items of an observation framework), then closed by the feedback talk
 * (what was agreed, new development points). Rounds group visits; the duo
 * planner pairs a team so that everyone visits and is visited once.
 */
#ifndef BETER_VISIT_H
#define BETER_VISIT_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/util.h"

struct store;
struct store_stmt;
struct design_reach;

#define VISIT_FEEDBACK_DAYS 7
#define VISIT_TEXT_MAX 4000

enum visit_status { VISIT_PLANNED, VISIT_DONE, VISIT_FEEDBACK_DUE, VISIT_CLOSED, VISIT_MISSED,
		   VISIT_CANCELLED, /* called off: neither missed nor done */
		   VISIT_REPLACED,  /* missed, and made up for by another visit */
		   VISIT_HELD       /* took place, as a board session said; not recorded yet */ };

const char *visit_status_name(int status);
/* "planned", "done", "feedback-due", "closed", "missed", "cancelled",
 * "replaced", "held"; -1 if unknown. */
int visit_status_parse(const char *s);
/* The status of a visit on day today: planned until recorded, missed when
 * its day has passed without a record; done once recorded; feedback-due when
 * recorded and today is more than feedback_days after the visit date with no
 * feedback talk; closed once the talk is held. */
int visit_status_of(int recorded, int feedback_held, int visit_day, int today, int feedback_days);

/* What the board sessions said of a visit (board session --visit-done,
 * --visit-missed): the word of the latest session up to the day asked. */
enum { VISIT_WORD_NONE, VISIT_WORD_HELD, VISIT_WORD_MISSED };
/* An SQL expression: the latest word on visit V (an expression giving its id)
 * of the sessions on or before day ASOF (an expression giving a date): NULL
 * (none), 1 (held) or 0 (missed); visit_word_of turns it into VISIT_WORD_*. */
#define VISIT_WORD_SQL(v, asof)                                                                                \
	"(SELECT sv.happened FROM board_session_visit sv JOIN board_session bs ON bs.id = sv.session_id "   \
	"WHERE sv.visit_id = " v " AND bs.date <= " asof " ORDER BY bs.date DESC, bs.id DESC LIMIT 1)"
int visit_word_of(struct store_stmt *st, int col);
/* An SQL expression: the focuses of visit V (a table alias) as "goal:2,item:uitleg.1,points", or NULL. */
#define VISIT_FOCUS_SQL(v)                                                                                      \
	"CASE " v ".focus WHEN 'goal' THEN 'goal:' || " v ".focus_goal_id WHEN 'item' THEN 'item:' || " v        \
	".focus_item ELSE " v ".focus END || coalesce((SELECT ',' || group_concat(CASE f.kind WHEN 'goal' THEN "   \
	"'goal:' || f.goal_id WHEN 'item' THEN 'item:' || f.item ELSE f.kind END, ',') FROM visit_focus f "        \
	"WHERE f.visit_id = " v ".id), '')"
/* What decides a visit's status. */
struct visit_facts {
	int day;           /* the visit's date */
	int recorded;      /* observations recorded (by today) */
	int feedback_held; /* the feedback talk held (by today) */
	int cancelled;
	int replaced;      /* a make-up visit (not cancelled) takes its place */
	int word;          /* VISIT_WORD_*: the latest board session's (by today) */
};
/* The status on day today: cancelled; else recorded wins (done, feedback-due,
 * closed as visit_status_of says), whatever a session said before or after;
 * else missed when the latest session said so, even before its day (replaced
 * once made up for); else held when a session said it took place and its
 * day has come (planned before it), so that it is not missed while its
 * observations are still to be written; else as visit_status_of. */
int visit_status_at(const struct visit_facts *v, int today, int feedback_days);

/* The duo planner: a derangement of n people (n >= 2): target[i] is whom i
 * visits, nobody visits themself, everyone is visited once. prev (n*n, may be
 * NULL) marks pairs of the previous round (prev[i*n+j]: i visited j), which
 * are avoided where possible. Deterministic. Returns how many pairs repeat. */
int visit_plan_pairs(int n, const unsigned char *prev, int *target);

/* What is observed: from options, the editor template or JSON. */
struct visit_score_in {
	char *item;
	int value;
	long line; /* the line of the text it came from, 0 when not from a text */
};
struct visit_obs {
	char *seen, *effect;
	struct visit_score_in *scores;
	size_t nscores;
	char *from; /* the JSON file the scores came from (for messages), or NULL */
	struct design_reach *reached; /* per step of the visit's design (see design.h) */
	size_t nreached;
};
void visit_obs_release(struct visit_obs *obs);
/* "ITEM=VALUE" (what names the source in messages, e.g. "--score"). */
int visit_obs_add_score(struct visit_obs *obs, const char *spec, const char *what, struct beter_err *err);
/* The text from the editor: '#' lines dropped, sections "gezien:" (or
 * "seen:"), "effect:" and "scores:" (ITEM=VALUE lines). A line that is only
 * a word and a colon must be one of these headers (BETER_DATAERR naming the
 * nearest one otherwise). An empty text gives BETER_FAIL with an "aborting"
 * message. name (the file, may be NULL) starts messages as "NAME:LINE: " and
 * is kept in obs->from, so that visit_record names the line of a bad score. */
int visit_obs_parse_text(const char *name, const char *text, struct visit_obs *obs, struct beter_err *err);
/* What visit id records now (seen, effect, scores), to fill the template
 * when it is written again; empty when it is not recorded. */
int visit_obs_load(struct store *db, int64_t id, struct visit_obs *obs, struct beter_err *err);
/* {"seen": TEXT, "effect": TEXT, "scores": {"ITEM": VALUE, ...}, "reached":
 * {"STEP": "ja|deels|nee" or {"reached": ..., "seen": TEXT}, ...}}. */
int visit_obs_parse_json(const char *name, const char *text, size_t len, struct visit_obs *obs, struct beter_err *err);
/* The editor template, in Dutch: a header describing the visit (line, may be NULL), the
 * feedback model's prompts and the framework's items, as '#' lines. cur (may
 * be NULL) fills the sections with what is recorded already. */
int visit_template(struct store *db, int64_t school, const char *header, const char *framework_key,
		   const struct visit_obs *cur, struct strbuf *sb, struct beter_err *err);

struct visit_new {
	int64_t observer, teacher; /* person ids */
	int64_t team;              /* 0: the teacher's teacher team when they have exactly one */
	const char *round;         /* NULL or a round name (created when new) */
	int day;
	int time;                  /* minutes after midnight, -1 none */
	const char *group, *subject, *lesson_goal;
	const char *focus;         /* NULL, "goal:N", "item:ID" or "points" */
	const char *framework;     /* NULL: none until scored (then the default) */
	int64_t design;            /* 0: none; else a lesson given from this design (design.h) */
};
/* Plan a visit (or the first step of recording one). */
int visit_add(struct store *db, int64_t school, const struct visit_new *v, int64_t *id, struct beter_err *err);
/* BETER_FAIL "no visit with number N" when absent from the school. */
int visit_find(struct store *db, int64_t school, int64_t number, struct beter_err *err);
/* Whether visit id may be recorded: BETER_DATAERR "visit N was recorded on
 * DATE; give --replace to write it again" when it is recorded already and
 * replace is 0. Ask before the editor opens. */
int visit_may_record(struct store *db, int64_t id, int replace, struct beter_err *err);
/* Write what was observed on day (the visit must not be in the future; see
 * visit_may_record for a visit recorded already). Scores are checked against
 * the visit's framework (framework_key or the default when it has none); the
 * given scores replace all earlier ones. */
int visit_record(struct store *db, int64_t school, int64_t id, const struct visit_obs *obs, const char *framework_key,
		 int day, int replace, struct beter_err *err);
/* The feedback talk: on day, what was agreed, new development points. */
int visit_feedback(struct store *db, int64_t id, int day, const char *agreed, char *const *points, int npoints,
		   struct beter_err *err);

struct visit_filter {
	int64_t teacher, observer, team; /* 0: any */
	const char *round;               /* NULL: any */
	int from, to;                    /* day range; from > to: any */
	int status;                      /* -1: any */
	int today, feedback_days;
};
void visit_filter_init(struct visit_filter *f);
int visit_list(struct store *db, int64_t school, const struct visit_filter *f, struct out *o, struct beter_err *err);
int visit_show(struct store *db, int64_t id, const struct visit_filter *f, struct out *o, struct beter_err *err);

/* How a round is planned: duos that visit each other (an odd team has one
 * trio), a rotation (i visits i+k, see visit_plan_pairs), or one observer
 * who visits every member of the team. */
enum { VISIT_PLAN_DUO, VISIT_PLAN_ROTATION, VISIT_PLAN_OBSERVER };
/* "duo" (also for NULL), "rotation", "observer"; -1 if unknown. */
int visit_plan_mode_parse(const char *s);
/* Duos of n >= 2 people by position: target[i] is i's partner (and i is
 * theirs); with n odd the last three visit in a ring. Avoids duos of the
 * previous round (prev, as for visit_plan_pairs) where it can; returns how
 * many visits repeat one. */
int visit_plan_duos(int n, const unsigned char *prev, int *target);

/* Plan a round for a team; days spread over the school days of the round
 * (the calendar's days off skipped). Planning a round again replaces its
 * visits of the team that were not recorded (nor cancelled). *repeats: pairs
 * repeating the previous round. */
struct visit_plan_opts {
	int mode;               /* VISIT_PLAN_DUO, _ROTATION or _OBSERVER */
	int64_t observer;       /* VISIT_PLAN_OBSERVER: who visits */
	int64_t team;
	const char *round;
	int from, to;            /* days; from > to: default (today + 4 weeks, or the round's) */
	const char *framework;   /* NULL: none */
	int today;
};
int visit_plan(struct store *db, int64_t school, const struct visit_plan_opts *p, int *nplanned, int *repeats,
	       struct beter_err *err);

/* Per teacher in scope (the teams of the round, --team, or every teacher
 * team): visits planned, missed and done (that took place: recorded, or held
 * as a board session said), by whom, feedback held; statuses as
 * visit_status_at gives them on f->today (a replaced or cancelled visit
 * counts nowhere). With neither a round nor a day range, the visits of the
 * school year of f->today (1 August - 31 July) count. */
struct visit_coverage {
	int teachers, visited, feedback;
	int missed;   /* visits missed (see visit_status_at), not made up for */
	int from, to; /* the days counted; from > to: all (of the round) */
};
int visit_coverage(struct store *db, int64_t school, const struct visit_filter *f, struct out *o,
		   struct visit_coverage *cov, struct beter_err *err);

/* Mean framework scores per item and per domain over the recorded visits of
 * a whole round or a whole school year, of one team or of the school; never
 * per teacher, observer or period, so that no two selections differ by the
 * visits of a few teachers. A mean is suppressed (the counts of scores and
 * teachers are shown, the mean is null, suppressed is true) when it rests on
 * fewer than VISIT_SCORES_MIN_TEACHERS different teachers, or when the shown
 * means of the school year (every round and the year, every team and the
 * school), added and subtracted in any way, would give away the scores of
 * fewer than that many teachers: the decision is taken once for the year's
 * whole table (see lib/visit_scores.c). A domain's mean is suppressed when
 * one of its items' is. A visit of a round belongs to the school year its
 * round starts in; one without a round to the year of its date. */
#define VISIT_SCORES_MIN_TEACHERS 3
struct visit_scores_sel {
	int64_t team;      /* 0: the whole school */
	const char *round; /* NULL: the whole school year */
	int year;          /* the school year starting 1 August of this year;
			      set from the round when one is given */
};
int visit_scores(struct store *db, int64_t school, struct visit_scores_sel *s, struct out *o, struct beter_err *err);
/* The suppression steps, all on by default; tests turn one off to show that
 * it is needed. */
enum { VISIT_SCORES_PRIMARY = 1, VISIT_SCORES_AUDIT = 2 };
extern unsigned visit_scores_steps;

/* Plans that change (lib/visit_change.c). A visit that took place (is
 * recorded) or was cancelled is neither cancelled nor moved again:
 * BETER_DATAERR. A cancelled visit is neither missed nor done in coverage. */
int visit_cancel(struct store *db, int64_t school, int64_t id, const char *reason, struct beter_err *err);
/* To day (a weekday), and to time (minutes; -1 keeps it). */
int visit_move(struct store *db, int64_t school, int64_t id, int day, int time, struct beter_err *err);
/* A make-up visit: missed must be missed on today (planned, its day passed
 * without a record, not cancelled) and not made up for already; id then
 * takes its place: the missed one no longer counts as missed. */
int visit_may_replace(struct store *db, int64_t school, int64_t missed, int today, struct beter_err *err);
int visit_set_replaces(struct store *db, int64_t school, int64_t id, int64_t missed, int today,
		       struct beter_err *err);

/* Another focus for visit id (goal:N, item:ID or points), besides the one
 * visit_add stored; BETER_DATAERR when the visit has it already. */
int visit_focus_add(struct store *db, int64_t school, int64_t id, const char *spec, struct beter_err *err);

/* Find a round by name; BETER_FAIL when there is none. */
int visit_round_find(struct store *db, int64_t school, const char *name, int64_t *id, struct beter_err *err);

#endif
