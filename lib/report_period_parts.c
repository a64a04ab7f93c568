/* report_period_parts.c - the period section's arenas, lesson designs,
 * visits, retrospectives and verbindingssessie. */
#include "report_period.h"

#include <string.h>

#include "beter/date.h"
#include "beter/design.h"
#include "beter/out.h"
#include "beter/visit.h"

/* The pupil arenas held in the period (the team's and the school's), with
 * their outcome when it was recorded by the report's last day. */
int period_part_arenas(struct pctx *p)
{
	static const char *const keys[] = { "arena", "date", "team", "theme", "pupil_group", "outcome" };
	const char *labels[] = { PW(PW_ARENA), PW(PW_DATE), PW(PW_TEAM), PW(PW_THEME), PW(PW_PUPIL_GROUP),
				 PW(PW_OUTCOME) };
	struct rep_table *t = rep_table_add(p->s, "arenas", PW(PW_ARENAS), 6, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(p->b->db,
				"SELECT a.id, a.day, tm.name, a.theme, a.pupil_group, a.outcome, a.outcome_day <= ?6 "
				"FROM arena a LEFT JOIN team tm ON tm.id = a.team_id WHERE a.school_id = ?1 AND (?2 = 0 OR "
				"a.team_id = ?2 OR a.team_id IS NULL) AND a.day BETWEEN ?3 AND ?4 ORDER BY a.day, a.id", &st,
				p->b->err)))
		return rc;
	pctx_bind(p, st);
	store_bind_text(st, 6, p->b->to);
	while (store_next(p->b->db, st, &rc, N_("reading arenas"), p->b->err)) {
		rep_cell(t, rv_int(store_col_int(st, 0)));
		rep_cell(t, col_text(st, 1));
		rep_cell(t, col_null(st, 2) ? rv_unknown(S(p->b->ro->lang, S_WHOLE_SCHOOL)) : col_text(st, 2));
		rep_cell(t, col_text(st, 3));
		rep_cell(t, col_text(st, 4));
		rep_cell(t, store_col_int(st, 6) ? col_text(st, 5) : rv_null());
	}
	store_finalize(st);
	return rc;
}

/* The lesson designs of the period (DESIGN_PERIOD_SQL: the one given, else
 * the one that holds the first lesson day) up to the report's last day, that
 * day, their steps and the visits of the period that observed them. */
int period_part_designs(struct pctx *p)
{
	static const char *const keys[] = { "design", "date", "team", "goal", "subject", "class", "steps", "visits" };
	const char *labels[] = { PW(PW_DESIGN), PW(PW_DATE), PW(PW_TEAM), PW(PW_GOAL), PW(PW_SUBJECT), PW(PW_CLASS),
				 PW(PW_STEPS), PW(PW_VISITED_IN) };
	struct rep_table *t = rep_table_add(p->s, "designs", PW(PW_DESIGNS_TABLE), 8, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(p->b->db,
				"SELECT d.id, coalesce((SELECT min(x.date) FROM design_day x WHERE x.design_id = d.id), "
				"d.created) AS day, tm.name, d.goal_id, d.subject, d.class_group, (SELECT count(*) FROM "
				"design_step s WHERE s.design_id = d.id), (SELECT count(*) FROM visit v WHERE v.design_id = "
				"d.id AND v.recorded IS NOT NULL AND v.date BETWEEN ?3 AND ?4) FROM design d JOIN team tm ON "
				"tm.id = d.team_id WHERE d.school_id = ?1 AND (?2 = 0 OR d.team_id = ?2) AND "
				DESIGN_PERIOD_SQL " = ?5 AND coalesce((SELECT min(x.date) FROM design_day x WHERE x.design_id = "
				"d.id), d.created) <= ?4 ORDER BY day, d.id", &st, p->b->err)))
		return rc;
	pctx_bind(p, st);
	while (store_next(p->b->db, st, &rc, N_("reading the lesson designs"), p->b->err)) {
		rep_cell(t, rv_int(store_col_int(st, 0)));
		rep_cell(t, col_text(st, 1));
		rep_cell(t, col_text(st, 2));
		rep_cell(t, col_null(st, 3) ? rv_null() : rv_int(store_col_int(st, 3)));
		rep_cell(t, col_text(st, 4));
		rep_cell(t, col_text(st, 5));
		rep_cell(t, rv_int(store_col_int(st, 6)));
		rep_cell(t, rv_int(store_col_int(st, 7)));
		p->designs++;
	}
	store_finalize(st);
	return rc;
}

/* Lesson visits in the period: how many, and the share of the team members
 * visited (as 'beter visit coverage' counts them; never per teacher). */
int period_part_visits(struct pctx *p)
{
	struct visit_coverage cov;
	struct visit_filter f;
	struct out_capture c;
	struct store_stmt *st;
	struct out o;
	int rc;

	visit_filter_init(&f);
	f.team = p->b->ro->team;
	if (date_parse(p->from, &f.from, "from", NULL) || date_parse(p->end, &f.to, "to", NULL))
		return beter_err_set(p->b->err, BETER_DATAERR, _("period %lld: its dates are not dates"), (long long)p->id);
	f.today = f.to;
	out_capture_init(&o, &c);
	rc = visit_coverage(p->b->db, p->b->ro->school, &f, &o, &cov, p->b->err);
	out_release(&o);
	out_capture_release(&c);
	if (rc || (rc = store_prepare(p->b->db, "SELECT count(*) FROM visit v WHERE v.school_id = ?1 AND (?2 = 0 OR "
						"v.team_id = ?2) AND v.recorded IS NOT NULL AND v.date BETWEEN ?3 AND ?4",
				      &st, p->b->err)))
		return rc;
	pctx_bind(p, st);
	if (store_next(p->b->db, st, &rc, N_("counting visits"), p->b->err))
		p->visits = store_col_int(st, 0);
	store_finalize(st);
	if (rc)
		return rc;
	p->cov.teachers = cov.teachers;
	p->cov.visited = cov.visited;
	p->cov.feedback = cov.feedback;
	return 0;
}

/* goal_reached as period retro takes it (ja, deels, nee): the same value in
 * the JSON of every command, a word in the report's language elsewhere */
static struct rv reached(const struct pctx *p, const char *r)
{
	if (!strcmp(r, "ja"))
		return rv_enum("ja", PW(PW_YES));
	if (!strcmp(r, "deels"))
		return rv_enum("deels", PW(PW_PARTLY));
	return rv_enum("nee", PW(PW_NO));
}

/* Each team's retrospective on the period, held by the report's last day. */
static int retros(struct pctx *p)
{
	static const char *const keys[] = { "team", "date", "went_well", "improve", "goal_reached", "ambition" };
	const char *labels[] = { PW(PW_TEAM), PW(PW_DATE), PW(PW_WENT_WELL), PW(PW_IMPROVE), PW(PW_REACHED),
				 PW(PW_AMBITION) };
	struct rep_table *t = rep_table_add(p->s, "retrospectives", PW(PW_RETRO_TABLE), 6, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(p->b->db,
				"SELECT tm.name, r.day, r.went_well, r.improve, r.goal_reached, r.ambition FROM period_retro "
				"r JOIN team tm ON tm.id = r.team_id WHERE r.period_id = ?5 AND (?2 = 0 OR r.team_id = ?2) "
				"AND r.day <= ?6 ORDER BY lower(tm.name), tm.id", &st, p->b->err)))
		return rc;
	pctx_bind(p, st);
	store_bind_text(st, 6, p->b->to);
	while (store_next(p->b->db, st, &rc, N_("reading the retrospectives"), p->b->err)) {
		rep_cell(t, col_text(st, 0));
		rep_cell(t, col_text(st, 1));
		rep_cell(t, col_text(st, 2));
		rep_cell(t, col_text(st, 3));
		rep_cell(t, reached(p, store_col(st, 4)));
		rep_cell(t, col_text(st, 5));
		p->retros++;
	}
	store_finalize(st);
	return rc;
}

/* The standards the verbindingssessie recorded, with the goal they came from. */
static int standards(struct pctx *p)
{
	static const char *const keys[] = { "standard", "goal", "team" };
	const char *labels[] = { PW(PW_STANDARD), PW(PW_GOAL), PW(PW_TEAM) };
	struct rep_table *t = rep_table_add(p->s, "standards", PW(PW_STD_TABLE), 3, keys, labels);
	struct store_stmt *st;
	int rc;

	if (!*p->closed)
		return 0;
	if ((rc = store_prepare(p->b->db,
				"SELECT s.text, s.goal_id, tm.name FROM period_standard s LEFT JOIN goal g ON g.id = "
				"s.goal_id LEFT JOIN team tm ON tm.id = g.team_id WHERE s.period_id = ?5 ORDER BY s.id", &st,
				p->b->err)))
		return rc;
	pctx_bind(p, st);
	while (store_next(p->b->db, st, &rc, N_("reading the standards"), p->b->err)) {
		rep_cell(t, col_text(st, 0));
		rep_cell(t, col_null(st, 1) ? rv_null() : rv_int(store_col_int(st, 1)));
		rep_cell(t, col_text(st, 2));
		p->standards++;
	}
	store_finalize(st);
	return rc;
}

/* The retrospectives, then the verbindingssessie that closed the period:
 * its day, the successes shared, the look-ahead and the next period. */
int period_part_close(struct pctx *p)
{
	static const char *const keys[] = { "date", "successes", "story", "next_period", "next_theme" };
	const char *labels[] = { PW(PW_DATE), PW(PW_SUCCESSES), PW(PW_STORY), PW(PW_NEXT), PW(PW_NEXT_THEME) };
	struct rep_table *t;
	int rc;

	if ((rc = retros(p)) || (rc = standards(p)))
		return rc;
	t = rep_table_add(p->s, "connect", PW(PW_CONNECT_TABLE), 5, keys, labels);
	if (!*p->closed)
		return 0;
	rep_cell(t, rv_text(p->closed));
	rep_cell(t, rv_text(p->successes));
	rep_cell(t, rv_text(p->story));
	rep_cell(t, p->next ? rv_int(p->next) : rv_null());
	rep_cell(t, rv_text(p->next_theme));
	return 0;
}
