/* design.h - gezamenlijk lesontwerp (GL): a team's lesson designs.
 *
 * A design belongs to a team and usually serves one of its goals; its
 * authors (a duo or more) are members of the team. It holds the group and
 * subject it is for, the day(s) it is given, the four bouwstenen of the
 * leerKRACHT book (doel and how it is made visible, activiteiten, check,
 * als-dan) and the lesontwerpformulier: ordered steps (tijd, lesactiviteit
 * (wat), aanpak (hoe), gewenst effect) and the questions pupils are asked
 * after the lesson. A copy is a new version that names the design it was
 * copied from. Visits to a lesson given from a design record per step
 * whether the gewenst effect was seen (ja, deels, nee) and what was seen; a
 * lesfeedback survey wave can be tied to a design, and its scale means are
 * shown under the survey's suppression decision.
 */
#ifndef BETER_DESIGN_H
#define BETER_DESIGN_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/util.h"

struct store;

#define DESIGN_TEXT_MAX 4000
#define DESIGN_STEPS_MAX 50
#define DESIGN_QUESTIONS_MAX 20
#define DESIGN_DAYS_MAX 20

/* ---- what a design holds, from options, the editor's text or JSON ---- */

struct design_step_in {
	int minutes; /* 0: not given */
	char *wat, *hoe, *effect;
};

struct design_in {
	char *group, *subject, *doel, *zichtbaar, *activiteiten, *check, *als_dan;
	int *days;
	size_t ndays;
	struct design_step_in *steps;
	size_t nsteps;
	char **questions;
	size_t nquestions;
};
void design_in_release(struct design_in *d);

/* Set a text field: trimmed, blank leaves it NULL, at most DESIGN_TEXT_MAX
 * bytes of UTF-8 (max when less); what names it in messages. */
int design_text(char **dst, const char *src, const char *what, size_t max, struct beter_err *err);
/* Add a day (a date as YYYY-MM-DD, 'today'); a day given twice is kept once. */
int design_in_day(struct design_in *d, const char *s, const char *what, struct beter_err *err);
/* Add a step or a question, checked; what names the source in messages. */
int design_in_step(struct design_in *d, const char *minutes, const char *wat, const char *hoe, const char *effect,
		   const char *what, struct beter_err *err);
int design_in_question(struct design_in *d, const char *text, const char *what, struct beter_err *err);

/* {"group", "subject", "dates": [...], "doel", "zichtbaar", "activiteiten",
 * "check", "als_dan", "steps": [{"min", "wat", "hoe", "effect"}],
 * "questions": [...]}; every field optional. BETER_DATAERR naming
 * "FILE: field 'steps[2].effect'" on a fault. */
int design_in_parse_json(const char *name, const char *text, size_t len, struct design_in *d, struct beter_err *err);
/* The editor's text: '#' lines dropped; sections "groep:", "vak:", "datum:"
 * (one day per line or comma-separated), "doel:", "zichtbaar:",
 * "activiteiten:", "check:", "als-dan:", "stappen:" (one step a line:
 * MINUTEN | WAT | HOE | GEWENST EFFECT) and "vragen:" (one question a line).
 * A line that is only a word and a colon must be a section. An empty text
 * gives BETER_FAIL ("aborting"); a fault BETER_DATAERR "NAME:LINE: FIELD: ...". */
int design_in_parse_text(const char *name, const char *text, struct design_in *d, struct beter_err *err);
/* The template, in Dutch, with the bouwstenen's and the form's prompts as
 * '#' lines; header (may be NULL) is its first line; cur (may be NULL) fills it. */
void design_template(const char *header, const struct design_in *cur, struct strbuf *sb);

/* ---- designs ---- */

/*
 * The period a design belongs to (design d of the query): the one given
 * with --period, else the period of its school that holds its first day
 * (NULL: none). Goals and arenas find theirs by their day the same way.
 */
#define DESIGN_PERIOD_SQL                                                                                    \
	"coalesce(d.period_id, (SELECT pd.id FROM period pd WHERE pd.school_id = d.school_id AND (SELECT "    \
	"min(x.date) FROM design_day x WHERE x.design_id = d.id) BETWEEN pd.from_date AND pd.to_date))"

struct design_new {
	int64_t team, goal;        /* goal 0: none */
	int64_t period;            /* 0: the period that holds its first day */
	const int64_t *authors;    /* person ids */
	size_t nauthors;
	const struct design_in *in;
};
/* Check the authors (members of the team, at least one, no one twice) and
 * the goal (a goal of the team), then add it. BETER_DATAERR names the option. */
int design_add(struct store *db, int64_t school, const struct design_new *d, int64_t *id, struct beter_err *err);
/* BETER_FAIL "no design with number N" when absent from the school. */
int design_find(struct store *db, int64_t school, int64_t number, struct beter_err *err);
/* Append a step (its number in *pos) or a question. */
int design_step_add(struct store *db, int64_t design, const struct design_step_in *s, int *pos,
		    struct beter_err *err);
int design_question_add(struct store *db, int64_t design, const char *text, int *pos, struct beter_err *err);
/* What design id holds now (BETER_FAIL when there is none). */
int design_load(struct store *db, int64_t id, struct design_in *in, struct beter_err *err);
/* A new version of design id holding in (the same team, goal and authors),
 * that names id as the design it was copied from. period: the period it
 * belongs to; 0: id's --period when the copy's first day is id's, else the
 * period that holds its first day. */
int design_copy_as(struct store *db, int64_t school, int64_t id, const struct design_in *in, int64_t period,
		   int64_t *copy, struct beter_err *err);
/* A new version of design id: the same team, goal, authors, bouwstenen,
 * steps and questions, for group (NULL: the same) on days (none: the same). */
int design_copy(struct store *db, int64_t school, int64_t id, const char *group, const int *days, size_t ndays,
		int64_t *copy, struct beter_err *err);

struct design_filter {
	int64_t team, goal, author, period; /* 0: any */
};
int design_list(struct store *db, int64_t school, const struct design_filter *f, struct out *o,
		struct beter_err *err);
int design_step_list(struct store *db, int64_t id, struct out *o, struct beter_err *err);
/* One design as a document: the design, its authors' versions, the steps
 * with how often their effect was reached in visits, the visits, the
 * questions and the scale means of the lesfeedback waves tied to it. */
int design_show(struct store *db, int64_t id, struct out *o, struct beter_err *err);

/* ---- visits to a lesson given from a design ---- */

enum { DESIGN_JA, DESIGN_DEELS, DESIGN_NEE };
const char *design_reached_name(int r);
int design_reached_parse(const char *s); /* ja, deels, nee (and yes, partly, no); -1 if unknown */

struct design_reach {
	int step;    /* the step's number in the design */
	int reached; /* DESIGN_JA, ... */
	char *seen;  /* what was seen, or NULL */
	long line;   /* the line of the text it came from, 0 when not from a text */
};
/* "N=ja|deels|nee[:TEXT]" appended to *r (a step given twice is refused). */
int design_reach_parse(const char *spec, const char *what, struct design_reach **r, size_t *n, struct beter_err *err);
void design_reach_release(struct design_reach *r, size_t n);

/* The design of a visit to teacher: the teacher is one of its authors or a
 * member of its team (BETER_DATAERR naming --teacher otherwise). */
int design_visit_ok(struct store *db, int64_t design, int64_t teacher, struct beter_err *err);
/* Write the steps observed in visit id (what is given replaces what was):
 * every step must be a step of the visit's design. from names the source
 * ("--reached" or a file) in messages. */
int design_visit_record(struct store *db, int64_t visit, const struct design_reach *r, size_t n, const char *from,
			struct beter_err *err);
/* The editor's section for the steps of a visit to a lesson from design:
 * "stappen:", the prompts and the design's steps as '#' lines, then cur's
 * lines ("2=deels: ..."), appended to sb. */
int design_visit_template(struct store *db, int64_t design, const struct design_reach *cur, size_t ncur,
			  struct strbuf *sb, struct beter_err *err);
/* The steps recorded for visit, appended to *r. */
int design_visit_load(struct store *db, int64_t visit, struct design_reach **r, size_t *n, struct beter_err *err);
/* Tie survey id (an instrument of kind 'lesson') to design; the survey's
 * team must be the design's. */
int design_survey_link(struct store *db, int64_t survey, int64_t design, struct beter_err *err);

#endif
