/* visit_list.c - listing and showing visits, and the coverage of a school year or round. */
#include "beter/visit.h"

#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/framework.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

/* ---- listing ---- */

void visit_filter_init(struct visit_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->from = 1;
	f->to = 0;
	f->status = -1;
	f->today = date_today();
	f->feedback_days = VISIT_FEEDBACK_DAYS;
}

static const char visit_sql[] =
	"SELECT v.id, v.date, v.time, o.code, t.code, t.name, tm.name, r.name, v.class_group, v.subject, "
	"v.lesson_goal, " VISIT_FOCUS_SQL("v") ", fw.key, v.recorded IS NOT NULL, v.feedback_date IS NOT NULL, v.recorded, "
	"v.feedback_date, v.seen, v.effect, v.agreed, v.cancelled IS NOT NULL, "
	"EXISTS (SELECT 1 FROM visit rv WHERE rv.replaces_id = v.id AND rv.cancelled IS NULL), "
	VISIT_WORD_SQL("v.id", "?20") " "
	"FROM visit v JOIN person o ON o.id = v.observer_id JOIN person t ON t.id = v.teacher_id "
	"LEFT JOIN team tm ON tm.id = v.team_id LEFT JOIN visit_round r ON r.id = v.round_id "
	"LEFT JOIN visit_framework fw ON fw.id = v.framework_id ";

static const struct out_col list_cols[] = {
	{ N_("id"), OUT_T_INT },	      { N_("date"), OUT_T_DATE },	  { N_("time"), OUT_T_TEXT },   { N_("observer"), OUT_T_TEXT },
	{ N_("teacher"), OUT_T_TEXT },    { N_("team"), OUT_T_TEXT },	  { N_("round"), OUT_T_TEXT },  { N_("group"), OUT_T_TEXT },
	{ N_("focus"), OUT_T_TEXT },      { N_("status"), OUT_T_TEXT },	  { N_("feedback_date"), OUT_T_DATE },
};
#define NLIST_COLS (sizeof(list_cols) / sizeof(*list_cols))

/* A status as the output shows it: translated in a Dutch table, html or md
 * page; JSON, CSV and TSV keep the English value. */
static const char *word(const struct out *o, const char *s)
{
	return o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(s) : s;
}

static const char *status_word(const struct out *o, int status)
{
	return word(o, visit_status_name(status));
}

/* ?20 of visit_sql: the day the status is for (the sessions' words up to it) */
static void bind_today(struct store_stmt *st, const struct visit_filter *f)
{
	char today[11];

	date_format(f->today, today);
	store_bind_text(st, 20, today);
}

static int row_status(struct store_stmt *st, const struct visit_filter *f)
{
	struct visit_facts v = { 0 };

	date_parse(store_col_text(st, 1), &v.day, "date", NULL);
	v.recorded = (int)store_col_int(st, 13);
	v.feedback_held = (int)store_col_int(st, 14);
	v.cancelled = (int)store_col_int(st, 20);
	v.replaced = (int)store_col_int(st, 21);
	v.word = visit_word_of(st, 22);
	return visit_status_at(&v, f->today, f->feedback_days);
}

static int bind_filter(struct store *db, const char *tail, int64_t school, const struct visit_filter *f,
		       struct store_stmt **st, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	char from[11], to[11];
	int rc;

	strbuf_addf(&sql, "%s WHERE v.school_id = ?1 AND (?2 = 0 OR v.teacher_id = ?2) AND (?3 = 0 OR v.observer_id = ?3) "
			  "AND (?4 = 0 OR v.team_id = ?4) AND (?5 IS NULL OR r.name = ?5) AND (?6 IS NULL OR v.date >= ?6) "
			  "AND (?7 IS NULL OR v.date <= ?7) %s", visit_sql, tail);
	rc = store_prepare(db, strbuf_str(&sql), st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(*st, 1, school);
	store_bind_int(*st, 2, f->teacher);
	store_bind_int(*st, 3, f->observer);
	store_bind_int(*st, 4, f->team);
	store_bind_text(*st, 5, f->round);
	bind_today(*st, f);
	if (f->from <= f->to) {
		date_format(f->from, from);
		date_format(f->to, to);
		store_bind_text(*st, 6, from);
		store_bind_text(*st, 7, to);
	}
	return 0;
}

int visit_list(struct store *db, int64_t school, const struct visit_filter *f, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;
	int64_t rid;

	if (f->round && (rc = visit_round_find(db, school, f->round, &rid, err)))
		return rc;
	if ((rc = bind_filter(db, "ORDER BY v.date, v.time IS NOT NULL, v.time, v.id", school, f, &st, err)))
		return rc;
	/* not the row writer: the status is worked out per row, and filters them */
	out_list(o, list_cols, NLIST_COLS);
	while (store_next(db, st, &rc, N_("listing visits"), err)) {
		int status = row_status(st, f);
		if (f->status >= 0 && status != f->status)
			continue;
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_text(o, store_col(st, 3));
		out_text(o, store_col(st, 4));
		out_text(o, store_col(st, 6));
		out_text(o, store_col(st, 7));
		out_text(o, store_col(st, 8));
		out_text(o, store_col(st, 11));
		out_text(o, status_word(o, status));
		out_text(o, store_col(st, 16));
		out_row_end(o);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}

static const struct out_col show_cols[] = {
	{ N_("id"), OUT_T_INT },	       { N_("date"), OUT_T_DATE },	      { N_("time"), OUT_T_TEXT },
	{ N_("observer"), OUT_T_TEXT },    { N_("teacher"), OUT_T_TEXT },     { N_("teacher_name"), OUT_T_TEXT },
	{ N_("team"), OUT_T_TEXT },	       { N_("round"), OUT_T_TEXT },	      { N_("group"), OUT_T_TEXT },
	{ N_("subject"), OUT_T_TEXT },     { N_("lesson_goal"), OUT_T_TEXT }, { N_("focus"), OUT_T_TEXT },
	{ N_("framework"), OUT_T_TEXT },   { N_("status"), OUT_T_TEXT },      { N_("recorded"), OUT_T_DATE },
	{ N_("feedback_date"), OUT_T_DATE }, { N_("seen"), OUT_T_TEXT },	{ N_("effect"), OUT_T_TEXT },
	{ N_("agreed"), OUT_T_TEXT },      { N_("design"), OUT_T_INT },
};
#define NSHOW_COLS (sizeof(show_cols) / sizeof(*show_cols))
static const struct out_col score_cols[] = {
	{ N_("domain"), OUT_T_TEXT }, { N_("item_id"), OUT_T_TEXT }, { N_("item"), OUT_T_TEXT }, { N_("score"), OUT_T_INT },
	{ N_("label"), OUT_T_TEXT },
};
static const struct out_col vstep_cols[] = {
	{ N_("step"), OUT_T_INT }, { N_("wat"), OUT_T_TEXT }, { N_("gewenst_effect"), OUT_T_TEXT }, { N_("reached"), OUT_T_TEXT },
	{ N_("step_seen"), OUT_T_TEXT },
};
static const struct out_col vpoint_cols[] = {
	{ N_("point_id"), OUT_T_INT }, { N_("point"), OUT_T_TEXT }, { N_("relation"), OUT_T_TEXT }, { N_("point_status"), OUT_T_TEXT },
};

/* the visit itself, with its status as of f->today */
static int show_visit(struct store *db, int64_t id, const struct visit_filter *f, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE v.id = ?1", visit_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, id);
	bind_today(st, f);
	out_section(o, "visit", _("Visit"));
	if (store_next(db, st, &rc, N_("reading the visit"), err)) {
		out_record(o, show_cols, NSHOW_COLS);
		out_int(o, store_col_int(st, 0));
		for (int i = 1; i <= 11; i++)
			out_text(o, store_col(st, i));
		out_text(o, store_col(st, 12));
		out_text(o, status_word(o, row_status(st, f)));
		for (int i = 15; i <= 19; i++)
			out_text(o, store_col(st, i));
		int64_t design = store_int_bind(db, "SELECT design_id FROM visit WHERE id = ?1", id, 0);
		if (design)
			out_int(o, design);
		else
			out_null(o);
		out_end(o);
	} else if (!rc) {
		rc = beter_err_set(err, BETER_FAIL, _("no visit with number %lld (see 'beter visit list')"), (long long)id);
	}
	store_finalize(st);
	return rc;
}

/* the scores, in the framework's order */
static int show_scores(struct store *db, int64_t id, const struct framework *fw, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	out_section(o, "scores", _("Scores"));
	out_list(o, score_cols, 5);
	if (!fw) {
		out_end(o);
		return 0;
	}
	if ((rc = store_prepare(db, "SELECT item, score FROM visit_score WHERE visit_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	int *score = xcalloc(fw->nitems ? fw->nitems : 1, sizeof(int));
	unsigned char *has = xcalloc(fw->nitems ? fw->nitems : 1, 1);
	while (store_next(db, st, &rc, N_("reading the scores"), err)) {
		const struct fw_item *it = framework_item(fw, store_col_text(st, 0));
		if (it) {
			score[it - fw->items] = (int)store_col_int(st, 1);
			has[it - fw->items] = 1;
		}
	}
	store_finalize(st);
	for (size_t i = 0; i < fw->nitems && !rc; i++) {
		if (!has[i])
			continue;
		out_text(o, fw->domains[fw->items[i].domain].title);
		out_text(o, fw->items[i].id);
		out_text(o, fw->items[i].text);
		out_int(o, score[i]);
		out_text(o, framework_label(fw, score[i]));
		out_row_end(o);
	}
	free(score);
	free(has);
	if (!rc)
		out_end(o);
	return rc;
}

int visit_show(struct store *db, int64_t id, const struct visit_filter *f, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct framework fw;
	int64_t fwid = 0;
	int rc, have_fw = 0;
	struct out_col all[NSHOW_COLS + 24];
	size_t nall = 0;

	if ((rc = store_prepare(db, "SELECT framework_id FROM visit WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (!store_next(db, st, &rc, N_("reading the visit"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no visit with number %lld (see 'beter visit list')"),
					       (long long)id);
	}
	fwid = store_col_int(st, 0);
	store_finalize(st);
	if (fwid) {
		if ((rc = framework_load(db, fwid, &fw, err)))
			return rc;
		have_fw = 1;
	}
	for (size_t i = 0; i < NSHOW_COLS; i++)
		all[nall++] = show_cols[i];
	for (size_t i = 0; i < 5; i++)
		if (strcmp(score_cols[i].name, "domain"))
			all[nall++] = score_cols[i];
	all[nall++] = score_cols[0];
	for (size_t i = 0; i < 4; i++)
		all[nall++] = vpoint_cols[i];
	for (size_t i = 0; i < 5; i++)
		if (strcmp(vstep_cols[i].name, "step"))
			all[nall++] = vstep_cols[i];
	all[nall++] = vstep_cols[0];

	out_doc_begin(o, all, nall);
	if (!(rc = show_visit(db, id, f, o, err)) && !(rc = show_scores(db, id, have_fw ? &fw : NULL, o, err)) &&
	    !(rc = store_prepare(db, "SELECT g.id, g.text, CASE l.made WHEN 1 THEN ?2 ELSE ?3 END, "
				     "CASE WHEN g.status = 'active' THEN ?4 ELSE ?5 END FROM visit_devpoint l "
				     "JOIN goal g ON g.id = l.goal_id WHERE l.visit_id = ?1 ORDER BY l.made, 1",
				 &st, err))) {
		/* the relation and the point's status: words of a Dutch table too */
		store_bind_int(st, 1, id);
		store_bind_text(st, 2, word(o, N_("agreed")));
		store_bind_text(st, 3, word(o, N_("focus")));
		store_bind_text(st, 4, word(o, N_("open")));
		store_bind_text(st, 5, word(o, N_("closed")));
		out_section(o, "points", _("Development points"));
		rc = store_rows(db, st, o, vpoint_cols, 4, 1, N_("reading the development points"), err);
	}
	/* a lesson from a design: per step, was the gewenst effect seen (see design.h) */
	if (!rc && !(rc = store_prepare(db, "SELECT s.pos, s.wat, s.effect, vs.reached, vs.seen FROM visit v JOIN "
					     "design_step s ON s.design_id = v.design_id LEFT JOIN visit_step vs ON "
					     "vs.visit_id = v.id AND vs.step_id = s.id WHERE v.id = ?1 ORDER BY s.pos",
				     &st, err))) {
		store_bind_int(st, 1, id);
		out_section(o, "steps", _("Steps of the lesson design"));
		rc = store_rows(db, st, o, vstep_cols, 5, 1, N_("reading the steps"), err);
	}
	if (!rc)
		out_doc_end(o);
	if (have_fw)
		framework_release(&fw);
	return rc;
}

/* ---- coverage ---- */

static const struct out_col cov_cols[] = {
	{ N_("teacher"), OUT_T_TEXT }, { N_("name"), OUT_T_TEXT },	    { N_("team"), OUT_T_TEXT },
	{ N_("planned"), OUT_T_INT },  { N_("missed"), OUT_T_INT },	    { N_("done"), OUT_T_INT },
	{ N_("observers"), OUT_T_TEXT },
	{ N_("visited"), OUT_T_BOOL }, { N_("feedback_held"), OUT_T_BOOL }, { N_("last_visit"), OUT_T_DATE },
};

int visit_coverage(struct store *db, int64_t school, const struct visit_filter *f, struct out *o,
		   struct visit_coverage *cov, struct beter_err *err)
{
	struct store_stmt *st;
	char from[11], to[11];
	int64_t round = 0;
	int rc;

	memset(cov, 0, sizeof(*cov));
	if (f->round && (rc = visit_round_find(db, school, f->round, &round, err)))
		return rc;
	cov->from = f->from;
	cov->to = f->to;
	if (!f->round && f->from > f->to) { /* neither: the school year of today, for cron */
		int y = date_school_year(f->today);
		cov->from = date_from_ymd(y, 8, 1);
		cov->to = date_from_ymd(y + 1, 7, 31);
	}
	if ((rc = store_prepare(db,
				"WITH scope(pid) AS ("
				"  SELECT m.person_id FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.school_id = ?1 "
				"  AND CASE WHEN ?2 <> 0 THEN t.id = ?2 WHEN ?3 <> 0 THEN t.id IN "
				"    (SELECT team_id FROM visit WHERE round_id = ?3) ELSE t.kind = 'leraren' END "
				"  UNION SELECT teacher_id FROM visit WHERE ?3 <> 0 AND ?2 = 0 AND round_id = ?3), "
				"vw AS (SELECT *, " VISIT_WORD_SQL("visit.id", "?6") " AS w FROM visit WHERE school_id = ?1 "
				"  AND cancelled IS NULL AND (?3 = 0 OR round_id = ?3) AND (?4 IS NULL OR date >= ?4) "
				"  AND (?5 IS NULL OR date <= ?5)), "
				/* the statuses of visit_status_at: took place (recorded, or held as a
				 * session said once its day came), missed (a session said so, or its
				 * day passed without a record or a word) and not made up for, planned */
				"vs AS (SELECT *, recorded IS NOT NULL OR (w = 1 AND date <= ?6) AS took, "
				"  recorded IS NULL AND (w = 0 OR (w IS NULL AND date < ?6)) AND NOT EXISTS (SELECT 1 FROM visit r "
				"    WHERE r.replaces_id = vw.id AND r.cancelled IS NULL) AS miss, "
				"  recorded IS NULL AND ((w IS NULL AND date >= ?6) OR (w = 1 AND date > ?6)) AS plan FROM vw) "
				"SELECT p.code, p.name, "
				" (SELECT group_concat(name, '|') FROM (SELECT t.name FROM team_member m JOIN team t ON "
				"   t.id = m.team_id WHERE m.person_id = p.id AND t.kind = 'leraren' ORDER BY t.name)), "
				" (SELECT count(*) FROM vs WHERE vs.teacher_id = p.id AND vs.plan), "
				" (SELECT count(*) FROM vs WHERE vs.teacher_id = p.id AND vs.took), "
				" (SELECT group_concat(code, '|') FROM (SELECT DISTINCT o.code FROM vs JOIN person o ON "
				"   o.id = vs.observer_id WHERE vs.teacher_id = p.id AND vs.took ORDER BY o.code)), "
				" EXISTS (SELECT 1 FROM vs WHERE vs.teacher_id = p.id AND vs.feedback_date IS NOT NULL), "
				" (SELECT max(date) FROM vs WHERE vs.teacher_id = p.id AND vs.took), "
				" (SELECT count(*) FROM vs WHERE vs.teacher_id = p.id AND vs.miss) "
				"FROM person p WHERE p.id IN (SELECT pid FROM scope) ORDER BY p.code",
				&st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, f->team);
	store_bind_int(st, 3, round);
	if (cov->from <= cov->to) {
		date_format(cov->from, from);
		date_format(cov->to, to);
		store_bind_text(st, 4, from);
		store_bind_text(st, 5, to);
	}
	{
		char today[11];
		date_format(f->today, today);
		store_bind_text(st, 6, today);
	}
	/* not the row writer: visited is worked out per row, and the rows are counted */
	out_list(o, cov_cols, sizeof(cov_cols) / sizeof(*cov_cols));
	while (store_next(db, st, &rc, N_("computing coverage"), err)) {
		int64_t done = store_col_int(st, 4);
		int fb = (int)store_col_int(st, 6);
		for (int i = 0; i < 3; i++)
			out_text(o, store_col(st, i));
		out_int(o, store_col_int(st, 3));
		out_int(o, store_col_int(st, 8));
		out_int(o, done);
		out_text(o, store_col(st, 5));
		out_bool(o, done > 0);
		out_bool(o, fb);
		out_text(o, store_col(st, 7));
		out_row_end(o);
		cov->teachers++;
		cov->visited += done > 0;
		cov->feedback += fb;
		cov->missed += (int)store_col_int(st, 8);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}
