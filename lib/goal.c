#include "goal_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/i18n.h"

/* the longest text a goal, candidate, activity or talk may hold */
#define TEXT_MAX 4000

const char *const goal_activity_kinds[] = { "bijblijven", "anderen", "experimenteren", "reflectie", "samenwerking",
					    NULL };

int goal_activity_kind_valid(const char *kind)
{
	for (const char *const *k = goal_activity_kinds; kind && *k; k++)
		if (!strcmp(kind, *k))
			return 1;
	return 0;
}

const char *goal_matrix_level(int score)
{
	return score >= GOAL_MATRIX_HIGH ? N_("high") : N_("low");
}

const char *goal_quadrant(int impact, int feasibility)
{
	int hi = impact >= GOAL_MATRIX_HIGH, hf = feasibility >= GOAL_MATRIX_HIGH;
	if (hi)
		return hf ? N_("high impact, high feasibility") : N_("high impact, low feasibility");
	return hf ? N_("low impact, high feasibility") : N_("low impact, low feasibility");
}

/* ---- candidates and the impact matrix ---- */

int goal_candidate_add(struct store *db, int64_t team, const char *text, int impact, int feasibility, int day,
		       int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(text, _("candidate"), 1, TEXT_MAX, err)))
		return rc;
	if (impact < GOAL_MATRIX_MIN || impact > GOAL_MATRIX_MAX)
		return beter_err_set(err, BETER_DATAERR, _("--impact: %d is outside 1-5"), impact);
	if (feasibility < GOAL_MATRIX_MIN || feasibility > GOAL_MATRIX_MAX)
		return beter_err_set(err, BETER_DATAERR, _("--feasibility: %d is outside 1-5"), feasibility);
	if ((rc = store_prepare(db, "INSERT INTO goal_candidate(uid, team_id, text, impact, feasibility, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, team);
	store_bind_text(st, 3, text);
	store_bind_int(st, 4, impact);
	store_bind_int(st, 5, feasibility);
	store_bind_day(st, 6, day);
	if ((rc = store_step_done(db, st, N_("adding the candidate"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int goal_candidate_set_arena(struct store *db, int64_t candidate, int64_t arena, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "UPDATE goal_candidate SET arena_id = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, candidate);
	store_bind_int(st, 2, arena);
	return store_step_done(db, st, N_("linking the candidate to the arena"), err);
}

static const struct out_col cand_cols[] = {
	{ N_("id"), OUT_T_INT },		   { N_("text"), OUT_T_TEXT },		{ N_("impact"), OUT_T_INT },
	{ N_("feasibility"), OUT_T_INT },	   { N_("impact_level"), OUT_T_TEXT },	{ N_("feasibility_level"), OUT_T_TEXT },
	{ N_("quadrant"), OUT_T_TEXT },	   { N_("goal"), OUT_T_INT },		{ N_("added"), OUT_T_DATE },
	{ N_("arena"), OUT_T_INT },
};

static const char cand_sql[] =
	"SELECT c.id, c.text, c.impact, c.feasibility, (SELECT min(g.id) FROM goal g WHERE g.candidate_id = c.id), "
	"c.added, c.arena_id FROM goal_candidate c WHERE c.team_id = ?1 "
	"ORDER BY c.impact >= 3 DESC, c.feasibility >= 3 DESC, c.impact + c.feasibility DESC, c.id";

int goal_candidate_list(struct store *db, int64_t team, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, cand_sql, &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	out_list(o, cand_cols, sizeof(cand_cols) / sizeof(*cand_cols));
	while (store_next(db, st, &rc, N_("listing candidates"), err)) {
		int imp = (int)store_col_int(st, 2), fea = (int)store_col_int(st, 3);
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		out_int(o, imp);
		out_int(o, fea);
		out_text(o, goal_word(o, goal_matrix_level(imp)));
		out_text(o, goal_word(o, goal_matrix_level(fea)));
		out_text(o, goal_word(o, goal_quadrant(imp, fea)));
		store_out_int(o, st, 4);
		out_text(o, store_col(st, 5));
		store_out_int(o, st, 6);
		out_row_end(o);
	}
	out_end(o);
	store_finalize(st);
	return rc;
}

static const struct out_col grid_cols[] = {
	{ N_("impact_on_pupils"), OUT_T_TEXT },
	{ N_("low_feasibility"), OUT_T_TEXT },
	{ N_("high_feasibility"), OUT_T_TEXT },
};

int goal_matrix(struct store *db, int64_t team, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf cell[2][2] = { { STRBUF_INIT, STRBUF_INIT }, { STRBUF_INIT, STRBUF_INIT } };
	int rc;

	if (o->fmt != OUT_TABLE)
		return goal_candidate_list(db, team, o, err);
	if ((rc = store_prepare(db, cand_sql, &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	while (store_next(db, st, &rc, N_("reading candidates"), err)) {
		int hi = (int)store_col_int(st, 2) >= GOAL_MATRIX_HIGH;
		int hf = (int)store_col_int(st, 3) >= GOAL_MATRIX_HIGH;
		struct strbuf *sb = &cell[hi][hf];
		strbuf_addf(sb, "%s#%lld %s (%d/%d)", sb->len ? "; " : "", (long long)store_col_int(st, 0),
			    store_col(st, 1), (int)store_col_int(st, 2), (int)store_col_int(st, 3));
	}
	store_finalize(st);
	if (!rc) {
		out_list(o, grid_cols, 3);
		for (int hi = 1; hi >= 0; hi--) {
			out_text(o, hi ? _("high (3-5)") : _("low (1-2)"));
			for (int hf = 0; hf < 2; hf++)
				out_text(o, cell[hi][hf].len ? strbuf_str(&cell[hi][hf]) : NULL);
			out_row_end(o);
		}
		out_end(o);
	}
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			strbuf_release(&cell[i][j]);
	return rc;
}

/* ---- goals ---- */

static int check_score(double v, const char *what, struct beter_err *err)
{
	if (!(v >= GOAL_SCORE_MIN && v <= GOAL_SCORE_MAX)) {
		char buf[32];
		out_format_real(buf, sizeof(buf), v);
		return beter_err_set(err, BETER_DATAERR, _("%s: %s is outside 1-10"), what, buf);
	}
	return 0;
}

int goal_add(struct store *db, int64_t school, const struct goal_new *g, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(g->text, "--text", 1, TEXT_MAX, err)) || (rc = text_check(g->pupils, "--pupils", 0, TEXT_MAX, err)) ||
	    (rc = text_check(g->problem, "--problem", 0, TEXT_MAX, err)) || (rc = text_check(g->facts, "--facts", 0, TEXT_MAX, err)) ||
	    (rc = text_check(g->causes, "--causes", 0, TEXT_MAX, err)))
		return rc;
	if (g->weeks < GOAL_WEEKS_MIN || g->weeks > GOAL_WEEKS_MAX)
		return beter_err_set(err, BETER_DATAERR, _("--weeks: %d is outside 4-8"), g->weeks);
	if ((rc = check_score(g->norm, "--norm", err)) || (rc = check_score(g->baseline, "--baseline", err)))
		return rc;
	if (g->norm <= g->baseline)
		return beter_err_set(err, BETER_DATAERR, _("--norm: %g is not above the 0-meting (--baseline %g); the norm is "
				     "the score the team wants to reach"), g->norm, g->baseline);
	if (g->candidate) {
		int64_t t, made = 0;
		if ((rc = store_prepare(db, "SELECT team_id, (SELECT min(id) FROM goal WHERE candidate_id = c.id) FROM "
					    "goal_candidate c WHERE id = ?1", &st, err)))
			return rc;
		store_bind_int(st, 1, g->candidate);
		t = store_next(db, st, &rc, N_("finding the candidate"), err) ? store_col_int(st, 0) : 0;
		if (t)
			made = store_col_int(st, 1);
		store_finalize(st);
		if (rc)
			return rc;
		if (t != g->team)
			return beter_err_set(err, BETER_FAIL,
					     _("--from-candidate: the team has no candidate with number %lld "
					     "(see 'beter goal candidate list')"), (long long)g->candidate);
		if (made)
			return beter_err_set(err, BETER_DATAERR, _("--from-candidate: candidate %lld became goal %lld already "
					     "(see 'beter goal show %lld')"), (long long)g->candidate, (long long)made,
					     (long long)made);
	}
	if ((rc = store_prepare(db, "INSERT INTO goal(uid, school_id, team_id, candidate_id, text, pupils, weeks, norm, "
				    "baseline, problem, facts, causes, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, g->team);
	if (g->candidate)
		store_bind_int(st, 4, g->candidate);
	store_bind_text(st, 5, g->text);
	store_bind_text(st, 6, g->pupils && *g->pupils ? g->pupils : NULL);
	store_bind_int(st, 7, g->weeks);
	store_bind_real(st, 8, g->norm);
	store_bind_real(st, 9, g->baseline);
	store_bind_text(st, 10, g->problem && *g->problem ? g->problem : NULL);
	store_bind_text(st, 11, g->facts && *g->facts ? g->facts : NULL);
	store_bind_text(st, 12, g->causes && *g->causes ? g->causes : NULL);
	store_bind_day(st, 13, g->day);
	if ((rc = store_step_done(db, st, N_("adding the goal"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int goal_personal_add(struct store *db, int64_t school, int64_t person_id, const char *text, int day, int64_t *id,
		      struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(text, "--text", 1, TEXT_MAX, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO goal(uid, school_id, person_id, text, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, person_id);
	store_bind_text(st, 4, text);
	store_bind_day(st, 5, day);
	if ((rc = store_step_done(db, st, N_("adding the personal goal"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int goal_find(struct store *db, int64_t school, int64_t number, struct goal_info *g, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, y, m, d;

	if ((rc = store_prepare(db, "SELECT id, ifnull(team_id, 0), ifnull(person_id, 0), status, added FROM goal "
				    "WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, number);
	store_bind_int(st, 2, school);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		memset(g, 0, sizeof(*g));
		g->id = store_col_int(st, 0);
		g->team = store_col_int(st, 1);
		g->person = store_col_int(st, 2);
		snprintf(g->status, sizeof(g->status), "%s", store_col(st, 3));
		if (sscanf(store_col_text(st, 4), "%d-%d-%d", &y, &m, &d) == 3)
			g->added = date_from_ymd(y, m, d);
	}
	store_finalize(st);
	if (rc == STORE_ROW)
		return 0;
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("finding the goal"));
	return beter_err_set(err, BETER_FAIL, _("no goal with number %lld (see 'beter goal list')"), (long long)number);
}

int goal_need(struct store *db, int64_t goal, int team, int active, struct goal_info *g, struct beter_err *err)
{
	int64_t school = 0;
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT school_id FROM goal WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	if (store_next(db, st, &rc, N_("finding the goal"), err))
		school = store_col_int(st, 0);
	store_finalize(st);
	if (rc || (rc = goal_find(db, school, goal, g, err)))
		return rc;
	if (team == 1 && !g->team)
		return beter_err_set(err, BETER_FAIL, _("goal %lld is a personal goal; this is for team goals"),
				     (long long)goal);
	if (team == -1 && !g->person)
		return beter_err_set(err, BETER_FAIL, _("goal %lld is a team goal; this is for personal goals"),
				     (long long)goal);
	if (active && strcmp(g->status, "active"))
		return beter_err_set(err, BETER_FAIL, _("goal %lld is %s, no longer active"), (long long)goal,
				     _(g->status));
	return 0;
}

int goal_measure(struct store *db, int64_t goal, double score, int day, int64_t session, int64_t *id,
		 struct beter_err *err)
{
	struct goal_info g;
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = check_score(score, "--score", err)) || (rc = goal_need(db, goal, 1, 1, &g, err)) ||
	    (rc = date_not_future(day, "--date", err)))
		return rc;
	if (day < g.added) {
		char buf[11];
		date_format(g.added, buf);
		return beter_err_set(err, BETER_DATAERR, _("--date: goal %lld was set on %s; a result cannot be earlier"),
				     (long long)goal, buf);
	}
	if ((rc = store_prepare(db, "INSERT INTO goal_measure(uid, goal_id, session_id, date, score) "
				    "VALUES (?1, ?2, ?3, ?4, ?5)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, goal);
	if (session)
		store_bind_int(st, 3, session);
	store_bind_day(st, 4, day);
	store_bind_real(st, 5, score);
	if ((rc = store_step_done(db, st, N_("adding the result"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

static int close_goal(struct store *db, int64_t goal, const char *status, const char *col, const char *text,
		      const char *what, int day, struct beter_err *err)
{
	struct goal_info g;
	struct store_stmt *st;
	char sql[160];
	int rc;

	/* a team goal's standard and any goal's reason to drop it are required */
	if ((rc = goal_need(db, goal, 0, 1, &g, err)) || (rc = text_check(text, what, g.team != 0 || !strcmp(col, "reason"), TEXT_MAX, err)))
		return rc;
	if (day < g.added)
		return beter_err_set(err, BETER_DATAERR, _("--date: goal %lld was set later than that"), (long long)goal);
	snprintf(sql, sizeof(sql), "UPDATE goal SET status = ?2, closed = ?3, %s = ?4 WHERE id = ?1", col);
	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	store_bind_text(st, 2, status);
	store_bind_day(st, 3, day);
	store_bind_text(st, 4, text && *text ? text : NULL);
	return store_step_done(db, st, N_("closing the goal"), err);
}

int goal_achieve(struct store *db, int64_t goal, const char *standard, int day, struct beter_err *err)
{
	return close_goal(db, goal, N_("achieved"), "standard", standard, "--standard", day, err);
}

int goal_drop(struct store *db, int64_t goal, const char *reason, int day, struct beter_err *err)
{
	return close_goal(db, goal, N_("dropped"), "reason", reason, "--reason", day, err);
}

int goal_activity_add(struct store *db, int64_t goal, const char *kind, const char *text, int day, int64_t *id,
		      struct beter_err *err)
{
	struct goal_info g;
	struct store_stmt *st;
	char uid[33];
	int rc;

	if (!goal_activity_kind_valid(kind))
		return beter_err_set(err, BETER_DATAERR,
				     _("--kind: unknown kind of learning activity '%s' (use bijblijven, anderen, "
				     "experimenteren, reflectie or samenwerking)"), kind ? kind : "");
	if ((rc = text_check(text, _("activity"), 1, TEXT_MAX, err)) || (rc = goal_need(db, goal, -1, 0, &g, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO goal_activity(uid, goal_id, kind, text, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, goal);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, text);
	store_bind_day(st, 5, day);
	if ((rc = store_step_done(db, st, N_("adding the activity"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int goal_activity_done(struct store *db, int64_t goal, int64_t activity, int day, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "UPDATE goal_activity SET done = ?3 WHERE id = ?2 AND goal_id = ?1 AND done IS NULL",
				&st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	store_bind_int(st, 2, activity);
	store_bind_day(st, 3, day);
	if ((rc = store_step_done(db, st, N_("marking the activity done"), err)))
		return rc;
	if (store_changes(db) == 0)
		return beter_err_set(err, BETER_FAIL, _("goal %lld has no open learning activity %lld (see 'beter goal show %lld')"),
				     (long long)goal, (long long)activity, (long long)goal);
	return 0;
}

int goal_talk_add(struct store *db, int64_t goal, int day, const char *note, int64_t *id, struct beter_err *err)
{
	struct goal_info g;
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(note, "--note", 1, TEXT_MAX, err)) || (rc = goal_need(db, goal, -1, 0, &g, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO goal_talk(uid, goal_id, date, note) VALUES (?1, ?2, ?3, ?4)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, goal);
	store_bind_day(st, 3, day);
	store_bind_text(st, 4, note);
	if ((rc = store_step_done(db, st, N_("adding the progress conversation"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

/* ---- results and trend ---- */

void goal_trend(const double *v, int n, struct strbuf *sb)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	int from = n > 8 ? n - 8 : 0;

	for (int i = from; i < n; i++) {
		int b = (int)lround((v[i] - 1.0) / 9.0 * 7.0);
		strbuf_adds(sb, bars[b < 0 ? 0 : b > 7 ? 7 : b]);
	}
	if (n >= 2)
		strbuf_adds(sb, v[n - 1] > v[n - 2] ? " ↑" : v[n - 1] < v[n - 2] ? " ↓" : " →");
}

/*
 * A goal's results up to a day, read with one query (the baseline as P0, then
 * each measurement): the line, the latest score and the spark line of
 * goal_results, and the results as data with the trend as a word (board
 * show); each strbuf may be NULL.
 */
int goal_results_read(struct store *db, int64_t goal, int day, struct goal_results *r, struct beter_err *err)
{
	struct store_stmt *st;
	double *v = NULL;
	int n = 0, a = 0, rc;
	char buf[32], d[11];

	date_format(day, d);
	if ((rc = store_prepare(db, "SELECT NULL, baseline FROM goal WHERE id = ?1 AND baseline IS NOT NULL UNION ALL "
				    "SELECT * FROM (SELECT date, score FROM goal_measure WHERE goal_id = ?1 AND date <= ?2 "
				    "ORDER BY date, id)", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	store_bind_text(st, 2, d);
	if (r->json)
		strbuf_addc(r->json, '[');
	while (store_next(db, st, &rc, N_("reading results"), err)) {
		const char *date = store_col(st, 0);
		if (n == a)
			v = xrealloc(v, sizeof(*v) * (size_t)(a = a ? a * 2 : 8));
		v[n] = store_col_real(st, 1);
		out_format_real(buf, sizeof(buf), v[n]);
		if (r->line)
			strbuf_addf(r->line, "%sP%d %s", n ? " · " : "", n, buf);
		if (r->json) {
			strbuf_addf(r->json, "%s{\"label\": \"P%d\", \"date\": ", n ? ", " : "", n);
			if (date)
				strbuf_addf(r->json, "\"%s\"", date);
			else
				strbuf_adds(r->json, "null");
			strbuf_addf(r->json, ", \"score\": %s}", buf);
		}
		if (r->csv)
			strbuf_addf(r->csv, "%sP%d=%s", n ? ";" : "", n, buf);
		n++;
	}
	if (r->json)
		strbuf_addc(r->json, ']');
	store_finalize(st);
	if (!rc) {
		r->latest = n ? v[n - 1] : NAN;
		if (r->spark)
			goal_trend(v, n, r->spark);
		r->word = n < 2 ? NULL : v[n - 1] > v[n - 2] ? "up" : v[n - 1] < v[n - 2] ? "down" : "flat";
	}
	free(v);
	return rc;
}

int goal_results(struct store *db, int64_t goal, int day, struct strbuf *results, double *latest, struct strbuf *trend,
		 struct beter_err *err)
{
	struct goal_results r = { .line = results, .spark = trend };
	int rc = goal_results_read(db, goal, day, &r, err);

	if (!rc && latest)
		*latest = r.latest;
	return rc;
}
