/* design_show.c - reading lesson designs: the list, the steps, and one
 * design with what visits saw per step and the pupils' feedback tied to it
 * (the survey's own figures, under its suppression decision). */
#include "beter/design.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/survey.h"
#include "beter/util.h"

#define N(a) (sizeof(a) / sizeof(*(a)))

/* the authors' codes and the days of design d.id, comma-separated */
#define AUTHORS_SQL                                                                                          \
	"(SELECT group_concat(code, ',') FROM (SELECT p.code FROM design_author a JOIN person p ON p.id = "     \
	"a.person_id WHERE a.design_id = d.id ORDER BY p.code))"
#define DAYS_SQL                                                                                             \
	"(SELECT group_concat(date, ',') FROM (SELECT date FROM design_day WHERE design_id = d.id ORDER BY date))"

static const struct out_col list_cols[] = {
	{ N_("id"), OUT_T_INT, 0 },	       { N_("team"), OUT_T_TEXT, 0 },    { N_("goal"), OUT_T_INT, 0 },
	{ N_("authors"), OUT_T_TEXT, 0 },  { N_("group"), OUT_T_TEXT, 0 },   { N_("subject"), OUT_T_TEXT, 0 },
	{ N_("dates"), OUT_T_TEXT, 0 },    { N_("period"), OUT_T_INT, 0 },   { N_("steps"), OUT_T_INT, 0 },
	{ N_("visits"), OUT_T_INT, 0 },    { N_("copy_of"), OUT_T_INT, 0 },
};

int design_list(struct store *db, int64_t school, const struct design_filter *f, struct out *o,
		struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT d.id, t.name, d.goal_id, " AUTHORS_SQL ", d.class_group, d.subject, " DAYS_SQL
				    ", " DESIGN_PERIOD_SQL ", (SELECT count(*) FROM design_step s WHERE "
				    "s.design_id = d.id), (SELECT count(*) FROM visit v WHERE v.design_id = d.id), "
				    "d.copy_of FROM design d JOIN team t ON t.id = d.team_id WHERE d.school_id = ?1 AND "
				    "(?2 = 0 OR d.team_id = ?2) AND (?3 = 0 OR d.goal_id = ?3) AND (?4 = 0 OR EXISTS "
				    "(SELECT 1 FROM design_author a WHERE a.design_id = d.id AND a.person_id = ?4)) AND "
				    "(?5 = 0 OR " DESIGN_PERIOD_SQL " = ?5) ORDER BY d.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, f->team);
	store_bind_int(st, 3, f->goal);
	store_bind_int(st, 4, f->author);
	store_bind_int(st, 5, f->period);
	out_list(o, list_cols, N(list_cols));
	while (store_next(db, st, &rc, N_("reading designs"), err)) {
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		store_out_int(o, st, 2);
		out_text_list(o, store_col_text(st, 3), ',');
		out_text(o, store_col(st, 4));
		out_text(o, store_col(st, 5));
		out_text_list(o, store_col_text(st, 6), ',');
		store_out_int(o, st, 7);
		out_int(o, store_col_int(st, 8));
		out_int(o, store_col_int(st, 9));
		store_out_int(o, st, 10);
		out_row_end(o);
	}
	store_finalize(st);
	out_end(o);
	return rc;
}

static const struct out_col step_cols[] = {
	{ N_("step"), OUT_T_INT, 0 }, { N_("min"), OUT_T_INT, 0 }, { N_("wat"), OUT_T_TEXT, 0 },
	{ N_("hoe"), OUT_T_TEXT, 0 }, { N_("effect"), OUT_T_TEXT, 0 },
};

int design_step_list(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT pos, minutes, wat, hoe, effect FROM design_step WHERE design_id = ?1 "
				    "ORDER BY pos", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	return store_rows(db, st, o, step_cols, N(step_cols), 1, N_("reading the steps"), err);
}

/* ---- one design ---- */

static const struct out_col design_cols[] = {
	{ N_("id"), OUT_T_INT, 0 },		{ N_("team"), OUT_T_TEXT, 0 },	{ N_("goal"), OUT_T_INT, 0 },
	{ N_("goal_text"), OUT_T_TEXT, 0 }, { N_("authors"), OUT_T_TEXT, 0 },	{ N_("group"), OUT_T_TEXT, 0 },
	{ N_("subject"), OUT_T_TEXT, 0 },	{ N_("dates"), OUT_T_TEXT, 0 },	{ N_("period"), OUT_T_INT, 0 },
	{ N_("period_theme"), OUT_T_TEXT, 0 }, { N_("doel"), OUT_T_TEXT, 0 },	{ N_("zichtbaar"), OUT_T_TEXT, 0 },
	{ N_("activiteiten"), OUT_T_TEXT, 0 }, { N_("check"), OUT_T_TEXT, 0 },	{ N_("als_dan"), OUT_T_TEXT, 0 },
	{ N_("copy_of"), OUT_T_INT, 0 },	{ N_("copies"), OUT_T_TEXT, 0 },	{ N_("created"), OUT_T_TEXT, 0 },
};
static const struct out_col reach_cols[] = {
	{ N_("step"), OUT_T_INT, 0 },   { N_("min"), OUT_T_INT, 0 },	  { N_("wat"), OUT_T_TEXT, 0 },
	{ N_("hoe"), OUT_T_TEXT, 0 },   { N_("effect"), OUT_T_TEXT, 0 },  { N_("visits"), OUT_T_INT, 0 },
	{ N_("ja"), OUT_T_INT, 0 },	    { N_("deels"), OUT_T_INT, 0 },	  { N_("nee"), OUT_T_INT, 0 },
	{ N_("reached_share"), OUT_T_REAL, 2 },
};
static const struct out_col visit_cols[] = {
	{ N_("visit"), OUT_T_INT, 0 },  { N_("date"), OUT_T_TEXT, 0 },	  { N_("observer"), OUT_T_TEXT, 0 },
	{ N_("teacher"), OUT_T_TEXT, 0 }, { N_("step"), OUT_T_INT, 0 },	  { N_("reached"), OUT_T_TEXT, 0 },
	{ N_("seen"), OUT_T_TEXT, 0 },
};
static const struct out_col question_cols[] = {
	{ N_("question"), OUT_T_INT, 0 },
	{ N_("text"), OUT_T_TEXT, 0 },
};
static const struct out_col feedback_cols[] = {
	{ N_("survey"), OUT_T_INT, 0 }, { N_("wave"), OUT_T_TEXT, 0 },	  { N_("respondents"), OUT_T_INT, 0 },
	{ N_("min_n"), OUT_T_INT, 0 },  { N_("scale"), OUT_T_TEXT, 0 },	  { N_("title"), OUT_T_TEXT, 0 },
	{ N_("n"), OUT_T_INT, 0 },	    { N_("mean"), OUT_T_REAL, 2 },	  { N_("suppressed"), OUT_T_BOOL, 0 },
};
/* every column of every section, for CSV */
static const struct out_col all_cols[] = {
	{ N_("id"), OUT_T_INT, 0 },		 { N_("team"), OUT_T_TEXT, 0 },	   { N_("goal"), OUT_T_INT, 0 },
	{ N_("goal_text"), OUT_T_TEXT, 0 },	 { N_("authors"), OUT_T_TEXT, 0 },	   { N_("group"), OUT_T_TEXT, 0 },
	{ N_("subject"), OUT_T_TEXT, 0 },	 { N_("dates"), OUT_T_TEXT, 0 },	   { N_("doel"), OUT_T_TEXT, 0 },
	{ N_("zichtbaar"), OUT_T_TEXT, 0 },	 { N_("activiteiten"), OUT_T_TEXT, 0 }, { N_("check"), OUT_T_TEXT, 0 },
	{ N_("als_dan"), OUT_T_TEXT, 0 },	 { N_("copy_of"), OUT_T_INT, 0 },	   { N_("copies"), OUT_T_TEXT, 0 },
	{ N_("created"), OUT_T_TEXT, 0 },	 { N_("step"), OUT_T_INT, 0 },	   { N_("min"), OUT_T_INT, 0 },
	{ N_("wat"), OUT_T_TEXT, 0 },	 { N_("hoe"), OUT_T_TEXT, 0 },	   { N_("effect"), OUT_T_TEXT, 0 },
	{ N_("visits"), OUT_T_INT, 0 },	 { N_("ja"), OUT_T_INT, 0 },	   { N_("deels"), OUT_T_INT, 0 },
	{ N_("nee"), OUT_T_INT, 0 },	 { N_("reached_share"), OUT_T_REAL, 2 }, { N_("visit"), OUT_T_INT, 0 },
	{ N_("date"), OUT_T_TEXT, 0 },	 { N_("observer"), OUT_T_TEXT, 0 },	   { N_("teacher"), OUT_T_TEXT, 0 },
	{ N_("reached"), OUT_T_TEXT, 0 },	 { N_("seen"), OUT_T_TEXT, 0 },	   { N_("question"), OUT_T_INT, 0 },
	{ N_("text"), OUT_T_TEXT, 0 },	 { N_("survey"), OUT_T_INT, 0 },	   { N_("wave"), OUT_T_TEXT, 0 },
	{ N_("respondents"), OUT_T_INT, 0 }, { N_("min_n"), OUT_T_INT, 0 },	   { N_("scale"), OUT_T_TEXT, 0 },
	{ N_("title"), OUT_T_TEXT, 0 },	 { N_("n"), OUT_T_INT, 0 },		   { N_("mean"), OUT_T_REAL, 2 },
	{ N_("suppressed"), OUT_T_BOOL, 0 }, { N_("period"), OUT_T_INT, 0 },	   { N_("period_theme"), OUT_T_TEXT, 0 },
};

static int show_design(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT d.id, t.name, d.goal_id, g.text, " AUTHORS_SQL ", d.class_group, d.subject, "
				    DAYS_SQL ", d.doel, d.zichtbaar, d.activiteiten, d.check_how, d.als_dan, d.copy_of, "
				    "(SELECT group_concat(id, ',') FROM (SELECT c.id FROM design c WHERE c.copy_of = d.id "
				    "ORDER BY c.id)), d.created, pe.id, pe.theme FROM design d JOIN team t ON t.id = "
				    "d.team_id LEFT JOIN goal g ON g.id = d.goal_id LEFT JOIN period pe ON pe.id = "
				    DESIGN_PERIOD_SQL " WHERE d.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	out_record(o, design_cols, N(design_cols));
	if (store_next(db, st, &rc, N_("reading the design"), err)) {
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		store_out_int(o, st, 2);
		out_text(o, store_col(st, 3));
		out_text_list(o, store_col_text(st, 4), ',');
		for (int i = 5; i <= 6; i++)
			out_text(o, store_col(st, i));
		out_text_list(o, store_col_text(st, 7), ',');
		store_out_int(o, st, 16);
		out_text(o, store_col(st, 17));
		for (int i = 8; i <= 12; i++)
			out_text(o, store_col(st, i));
		store_out_int(o, st, 13);
		out_text_list(o, store_col_text(st, 14), ',');
		out_text(o, store_col(st, 15));
	}
	store_finalize(st);
	out_end(o);
	return rc;
}

static int show_steps(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT s.pos, s.minutes, s.wat, s.hoe, s.effect, count(vs.id), "
				    "coalesce(sum(vs.reached = 'ja'), 0), coalesce(sum(vs.reached = 'deels'), 0), "
				    "coalesce(sum(vs.reached = 'nee'), 0) FROM design_step s LEFT JOIN visit_step vs ON "
				    "vs.step_id = s.id WHERE s.design_id = ?1 GROUP BY s.id ORDER BY s.pos", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	out_list(o, reach_cols, N(reach_cols));
	while (store_next(db, st, &rc, N_("reading the steps"), err)) {
		int64_t n = store_col_int(st, 5);
		out_int(o, store_col_int(st, 0));
		store_out_int(o, st, 1);
		for (int i = 2; i <= 4; i++)
			out_text(o, store_col(st, i));
		for (int i = 5; i <= 8; i++)
			out_int(o, store_col_int(st, i));
		out_real(o, n ? round(1000.0 * (double)store_col_int(st, 6) / (double)n) / 1000.0 : NAN);
		out_row_end(o);
	}
	store_finalize(st);
	out_end(o);
	return rc;
}

static int show_visits(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT v.id, v.date, ob.code, te.code, s.pos, vs.reached, vs.seen FROM visit v "
				    "JOIN person ob ON ob.id = v.observer_id JOIN person te ON te.id = v.teacher_id "
				    "LEFT JOIN visit_step vs ON vs.visit_id = v.id LEFT JOIN design_step s ON s.id = "
				    "vs.step_id WHERE v.design_id = ?1 ORDER BY v.date, v.id, s.pos", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	return store_rows(db, st, o, visit_cols, N(visit_cols), 1, N_("reading the visits"), err);
}

static int show_questions(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT pos, text FROM design_question WHERE design_id = ?1 ORDER BY pos", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	return store_rows(db, st, o, question_cols, N(question_cols), 1, N_("reading the questions"), err);
}

/* a captured count as an integer cell (null when not a number) */
static void cell_int(struct out *o, const struct out_cell *c)
{
	double d = out_cell_num(c);
	if (isnan(d))
		out_null(o);
	else
		out_int(o, (int64_t)d);
}

/* The scale means of one wave as 'beter survey report N' prints them: the
 * rows of the whole survey ("totaal"), through the same suppression
 * decision, so that nothing the survey's report hides shows here. */
static int feedback_wave(struct store *db, int64_t survey, struct out *o, struct beter_err *err)
{
	static const char *const names[] = { "group", "scale", "title", "n", "mean", "suppressed" };
	struct out_capture cap;
	struct out co;
	int idx[N(names)], rc;

	out_capture_init(&co, &cap);
	rc = survey_report(db, survey, SURVEY_BY_SCALE, 0, NULL, &co, err);
	out_release(&co);
	const struct out_block *head = out_capture_block(&cap, "survey"), *res = out_capture_block(&cap, "results");
	if (!rc && (!head || !res))
		rc = beter_err_set(err, BETER_IOERR, _("reading the figures of survey %lld"), (long long)survey);
	if (rc) {
		out_capture_release(&cap);
		return rc;
	}
	out_block_cols(res, names, idx, N(names));
	for (size_t r = 0; r < res->nrows; r++) {
		const char *g = out_cell_text(out_block_cell(res, r, idx[0]));
		int hidden = out_cell_true(out_block_cell(res, r, idx[5]));
		if (!g || strcmp(g, "totaal"))
			continue;
		out_int(o, survey);
		out_text(o, out_cell_text(out_block_cell(head, 0, out_block_col(head, "wave"))));
		cell_int(o, out_block_cell(head, 0, out_block_col(head, "respondents")));
		cell_int(o, out_block_cell(head, 0, out_block_col(head, "min_n")));
		out_text(o, out_cell_text(out_block_cell(res, r, idx[1])));
		out_text(o, out_cell_text(out_block_cell(res, r, idx[2])));
		cell_int(o, out_block_cell(res, r, idx[3]));
		out_real(o, hidden ? NAN : out_cell_num(out_block_cell(res, r, idx[4])));
		out_bool(o, hidden);
		out_row_end(o);
	}
	out_capture_release(&cap);
	return 0;
}

static int show_feedback(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0;
	int rc;

	if ((rc = store_prepare(db, "SELECT id FROM survey WHERE design_id = ?1 ORDER BY id", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading the surveys"), err)) {
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		ids[n++] = store_col_int(st, 0);
	}
	store_finalize(st);
	out_list(o, feedback_cols, N(feedback_cols));
	for (size_t i = 0; i < n && !rc; i++)
		rc = feedback_wave(db, ids[i], o, err);
	out_end(o);
	free(ids);
	return rc;
}

int design_show(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	int rc, began;

	if ((rc = store_read_begin(db, &began, err)))
		return rc;
	out_doc_begin(o, all_cols, N(all_cols));
	out_section(o, "design", _("Lesson design"));
	if ((rc = show_design(db, id, o, err)))
		goto out;
	out_section(o, "steps", _("Steps (lesontwerpformulier) and their effect in visits"));
	if ((rc = show_steps(db, id, o, err)))
		goto out;
	out_section(o, "visits", _("Visits"));
	if ((rc = show_visits(db, id, o, err)))
		goto out;
	out_section(o, "questions", _("Feedback questions to the pupils"));
	if ((rc = show_questions(db, id, o, err)))
		goto out;
	out_section(o, "feedback", _("Pupils' feedback (lesfeedback waves tied to the design)"));
	if ((rc = show_feedback(db, id, o, err)))
		goto out;
	out_doc_end(o);
out:
	store_read_end(db, began);
	return rc;
}
