/* goal_show.c - listing goals, one goal with its results, actions or
 * learning activities and talks, and the standards of achieved goals. */
#include "goal_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/i18n.h"

/* ---- listing ---- */

static const struct out_col list_cols[] = {
	{ N_("id"), OUT_T_INT },	   { N_("type"), OUT_T_TEXT },	{ N_("team"), OUT_T_TEXT },	  { N_("person"), OUT_T_TEXT },
	{ N_("text"), OUT_T_TEXT },	   { N_("pupils"), OUT_T_TEXT },	{ N_("weeks"), OUT_T_INT },	  { N_("norm"), OUT_T_REAL },
	{ N_("baseline"), OUT_T_REAL }, { N_("latest"), OUT_T_REAL },	{ N_("status"), OUT_T_TEXT }, { N_("added"), OUT_T_DATE },
};
#define NLIST_COLS (sizeof(list_cols) / sizeof(*list_cols))

static const char list_sql[] =
	"SELECT g.id, CASE WHEN g.team_id IS NULL THEN 'personal' ELSE 'team' END, t.name, p.code, g.text, g.pupils, "
	"g.weeks, g.norm, g.baseline, (SELECT m.score FROM goal_measure m WHERE m.goal_id = g.id "
	"ORDER BY m.date DESC, m.id DESC LIMIT 1), g.status, g.added FROM goal g "
	"LEFT JOIN team t ON t.id = g.team_id LEFT JOIN person p ON p.id = g.person_id ";

/* A goal's type or status as the output shows it (goal_word). */
static const char *goal_value(const struct out *o, const char *s)
{
	static const char *const words[] = { N_("team"), N_("personal"), N_("active"), N_("achieved"), N_("dropped") };

	for (size_t i = 0; s && i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(s, words[i]))
			return goal_word(o, words[i]);
	return s;
}

static void list_row(struct out *o, struct store_stmt *st)
{
	out_int(o, store_col_int(st, 0));
	out_text(o, goal_value(o, store_col(st, 1)));
	for (int i = 2; i <= 5; i++)
		out_text(o, store_col(st, i));
	store_out_int(o, st, 6);
	store_out_real(o, st, 7);
	store_out_real(o, st, 8);
	store_out_real(o, st, 9);
	out_text(o, goal_value(o, store_col(st, 10)));
	out_text(o, store_col(st, 11));
	out_row_end(o);
}

static int run_list(struct store *db, struct store_stmt *st, struct out *o, struct beter_err *err)
{
	int rc;
	out_list(o, list_cols, NLIST_COLS);
	while (store_next(db, st, &rc, N_("listing goals"), err))
		list_row(o, st);
	out_end(o);
	store_finalize(st);
	return rc;
}

int goal_list(struct store *db, int64_t school, const struct goal_filter *f, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE g.school_id = ?1 AND (?2 = 0 OR g.team_id = ?2) AND (?3 = 0 OR g.person_id = ?3) "
			  "AND (?4 IS NULL OR g.status = ?4) AND (?5 = 0 OR EXISTS (SELECT 1 FROM period pd WHERE pd.id = ?5 "
			  "AND g.added BETWEEN pd.from_date AND pd.to_date))%s ORDER BY g.team_id IS NULL, t.name, p.code, g.id",
		    list_sql,
		    f->personal > 0 ? " AND g.person_id IS NOT NULL" : f->personal < 0 ? " AND g.team_id IS NOT NULL" : "");
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	if (f->status && strcmp(f->status, "active") && strcmp(f->status, "achieved") && strcmp(f->status, "dropped")) {
		store_finalize(st);
		return beter_err_set(err, BETER_DATAERR, _("--status: unknown status '%s' (use active, achieved or dropped)"),
				     f->status);
	}
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, f->team);
	store_bind_int(st, 3, f->person);
	store_bind_text(st, 4, f->status);
	store_bind_int(st, 5, f->period);
	return run_list(db, st, o, err);
}

int goal_personal_list(struct store *db, int64_t person_id, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE g.person_id = ?1 ORDER BY g.added, g.id", list_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, person_id);
	return run_list(db, st, o, err);
}

/* ---- one goal ---- */

static const struct out_col goal_cols[] = {
	{ N_("id"), OUT_T_INT },	     { N_("type"), OUT_T_TEXT },	  { N_("team"), OUT_T_TEXT },	{ N_("person"), OUT_T_TEXT },
	{ N_("text"), OUT_T_TEXT },	     { N_("pupils"), OUT_T_TEXT },	  { N_("weeks"), OUT_T_INT },	{ N_("norm"), OUT_T_REAL },
	{ N_("baseline"), OUT_T_REAL },  { N_("latest"), OUT_T_REAL },	  { N_("trend"), OUT_T_TEXT },	{ N_("status"), OUT_T_TEXT },
	{ N_("added"), OUT_T_DATE },     { N_("until"), OUT_T_DATE },	  { N_("closed"), OUT_T_DATE },	{ N_("standard"), OUT_T_TEXT },
	{ N_("reason"), OUT_T_TEXT },    { N_("candidate"), OUT_T_INT },  { N_("problem"), OUT_T_TEXT },	{ N_("facts"), OUT_T_TEXT },
	{ N_("causes"), OUT_T_TEXT },
};
static const struct out_col res_cols[] = {
	{ N_("p"), OUT_T_TEXT }, { N_("date"), OUT_T_DATE }, { N_("score"), OUT_T_REAL }, { N_("norm"), OUT_T_REAL }, { N_("to_norm"), OUT_T_REAL },
};
static const struct out_col act_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("kind"), OUT_T_TEXT }, { N_("what"), OUT_T_TEXT }, { N_("who"), OUT_T_TEXT },
	{ N_("due"), OUT_T_DATE }, { N_("done"), OUT_T_DATE },
};
static const struct out_col la_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("kind"), OUT_T_TEXT }, { N_("text"), OUT_T_TEXT }, { N_("added"), OUT_T_DATE }, { N_("done"), OUT_T_DATE },
};
static const struct out_col talk_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("date"), OUT_T_DATE }, { N_("note"), OUT_T_TEXT },
};
static const struct out_col show_all[] = {
	{ N_("id"), OUT_T_INT },	     { N_("type"), OUT_T_TEXT },	  { N_("team"), OUT_T_TEXT },	{ N_("person"), OUT_T_TEXT },
	{ N_("text"), OUT_T_TEXT },	     { N_("pupils"), OUT_T_TEXT },	  { N_("weeks"), OUT_T_INT },	{ N_("norm"), OUT_T_REAL },
	{ N_("baseline"), OUT_T_REAL },  { N_("latest"), OUT_T_REAL },	  { N_("trend"), OUT_T_TEXT },	{ N_("status"), OUT_T_TEXT },
	{ N_("added"), OUT_T_DATE },     { N_("until"), OUT_T_DATE },	  { N_("closed"), OUT_T_DATE },	{ N_("standard"), OUT_T_TEXT },
	{ N_("reason"), OUT_T_TEXT },    { N_("candidate"), OUT_T_INT },  { N_("problem"), OUT_T_TEXT },	{ N_("facts"), OUT_T_TEXT },
	{ N_("causes"), OUT_T_TEXT },    { N_("p"), OUT_T_TEXT },	  { N_("date"), OUT_T_DATE },	{ N_("score"), OUT_T_REAL },
	{ N_("to_norm"), OUT_T_REAL },   { N_("kind"), OUT_T_TEXT },	  { N_("what"), OUT_T_TEXT },	{ N_("who"), OUT_T_TEXT },
	{ N_("due"), OUT_T_DATE },	     { N_("done"), OUT_T_DATE },	  { N_("note"), OUT_T_TEXT },
};
#define N(a) (sizeof(a) / sizeof(*(a)))

/* P0 .. Pn rows of a team goal */
static int results_rows(struct store *db, int64_t goal, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, n = 0;
	char p[16];

	if ((rc = store_prepare(db, "SELECT added, baseline, norm FROM goal WHERE id = ?1 UNION ALL "
				    "SELECT * FROM (SELECT m.date, m.score, g.norm FROM goal_measure m JOIN goal g "
				    "ON g.id = m.goal_id WHERE m.goal_id = ?1 ORDER BY m.date, m.id)", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	out_list(o, res_cols, N(res_cols));
	while (store_next(db, st, &rc, N_("reading results"), err)) {
		snprintf(p, sizeof(p), "P%d", n++);
		out_text(o, p);
		out_text(o, store_col(st, 0));
		out_real(o, store_col_real(st, 1));
		out_real(o, store_col_real(st, 2));
		out_real(o, round((store_col_real(st, 2) - store_col_real(st, 1)) * 100) / 100);
		out_row_end(o);
	}
	out_end(o);
	store_finalize(st);
	return rc;
}

int goal_progress(struct store *db, int64_t goal, struct out *o, struct beter_err *err)
{
	struct goal_info g;
	int rc;
	if ((rc = goal_need(db, goal, 1, 0, &g, err)))
		return rc;
	return results_rows(db, goal, o, err);
}

/* The goal's record: st is at its row. */
static void goal_record(struct out *o, struct store_stmt *st, int team, double latest, const char *trend)
{
	int y, m, d;

	out_record(o, goal_cols, N(goal_cols));
	out_int(o, store_col_int(st, 0));
	out_text(o, goal_value(o, store_col(st, 1)));
	for (int i = 2; i <= 5; i++)
		out_text(o, store_col(st, i));
	store_out_int(o, st, 6);
	store_out_real(o, st, 7);
	store_out_real(o, st, 8);
	if (team)
		out_real(o, latest);
	else
		out_null(o);
	out_text(o, team ? trend : NULL);
	out_text(o, goal_value(o, store_col(st, 9)));
	out_text(o, store_col(st, 10));
	if (team && sscanf(store_col_text(st, 10), "%d-%d-%d", &y, &m, &d) == 3) {
		char until[11];
		date_format(date_from_ymd(y, m, d) + 7 * (int)store_col_int(st, 6), until);
		out_text(o, until);
	} else {
		out_null(o);
	}
	for (int i = 11; i <= 13; i++)
		out_text(o, store_col(st, i));
	store_out_int(o, st, 14);
	for (int i = 15; i <= 17; i++)
		out_text(o, store_col(st, i));
	out_end(o);
}

/* A team goal's results and actions. */
static int team_parts(struct store *db, int64_t goal, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	out_section(o, "resultaten", _("Results"));
	if ((rc = results_rows(db, goal, o, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT a.id, a.kind, a.what, (SELECT group_concat(code, ' ') FROM "
				    "(SELECT p.code FROM board_action_who w JOIN person p ON p.id = w.person_id "
				    "WHERE w.action_id = a.id ORDER BY p.code)), a.due, a.done FROM board_action a "
				    "WHERE a.goal_id = ?1 AND a.removed IS NULL ORDER BY a.due, a.id", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	out_section(o, "acties", _("Actions"));
	return store_rows(db, st, o, act_cols, N(act_cols), 1, N_("showing the goal"), err);
}

/* A personal goal's learning activities and talks. */
static int personal_parts(struct store *db, int64_t goal, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, kind, text, added, done FROM goal_activity WHERE goal_id = ?1 "
				    "ORDER BY added, id", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	out_section(o, "leeractiviteiten", _("Learning activities"));
	if ((rc = store_rows(db, st, o, la_cols, N(la_cols), 1, N_("reading activities"), err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT id, date, note FROM goal_talk WHERE goal_id = ?1 ORDER BY date, id",
				&st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	out_section(o, "voortgangsgesprekken", _("Progress conversations"));
	return store_rows(db, st, o, talk_cols, N(talk_cols), 1, N_("showing the goal"), err);
}

int goal_show(struct store *db, int64_t goal, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf trend = STRBUF_INIT;
	double latest;
	int rc, team;

	if ((rc = store_prepare(db, "SELECT g.id, CASE WHEN g.team_id IS NULL THEN 'personal' ELSE 'team' END, t.name, "
				    "p.code, g.text, g.pupils, g.weeks, g.norm, g.baseline, g.status, g.added, g.closed, "
				    "g.standard, g.reason, g.candidate_id, g.problem, g.facts, g.causes FROM goal g "
				    "LEFT JOIN team t ON t.id = g.team_id LEFT JOIN person p ON p.id = g.person_id "
				    "WHERE g.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	if (!store_next(db, st, &rc, N_("showing the goal"), err)) {
		store_finalize(st);
		return rc ? rc
			  : beter_err_set(err, BETER_FAIL, _("no goal with number %lld (see 'beter goal list')"),
					  (long long)goal);
	}
	team = !store_col_null(st, 2);
	if ((rc = goal_results(db, goal, date_from_ymd(9999, 12, 31), NULL, &latest, &trend, err))) {
		store_finalize(st);
		strbuf_release(&trend);
		return rc;
	}
	out_doc_begin(o, show_all, N(show_all));
	out_section(o, "doel", team ? _("Goal") : _("Development point"));
	goal_record(o, st, team, latest, strbuf_str(&trend));
	store_finalize(st);
	strbuf_release(&trend);
	if ((rc = team ? team_parts(db, goal, o, err) : personal_parts(db, goal, o, err)))
		return rc;
	out_doc_end(o);
	return 0;
}

static const struct out_col std_cols[] = {
	{ N_("goal"), OUT_T_INT }, { N_("team"), OUT_T_TEXT }, { N_("goal_text"), OUT_T_TEXT }, { N_("standard"), OUT_T_TEXT },
	{ N_("achieved"), OUT_T_DATE },
};

int goal_standards(struct store *db, int64_t school, int64_t team, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT g.id, t.name, g.text, g.standard, g.closed FROM goal g JOIN team t ON "
				    "t.id = g.team_id WHERE g.school_id = ?1 AND (?2 = 0 OR g.team_id = ?2) AND "
				    "g.status = 'achieved' ORDER BY t.name, g.closed, g.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	return store_rows(db, st, o, std_cols, N(std_cols), 1, N_("listing standards"), err);
}
