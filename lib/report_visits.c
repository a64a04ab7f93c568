/* report_visits.c - the report's section on lesson visits. */
#include "report_int.h"

#include "beter/date.h"
#include "beter/out.h"
#include "beter/visit.h"

/* Coverage of one team (or every teacher team) by visit_coverage(). */
static int coverage(struct bctx *b, int64_t team, struct visit_coverage *cov)
{
	struct visit_filter f;
	struct out_capture c;
	struct out o;
	int rc;

	visit_filter_init(&f);
	f.team = team;
	f.from = b->ro->from;
	f.to = b->ro->to;
	f.today = b->ro->to;
	out_capture_init(&o, &c);
	rc = visit_coverage(b->db, b->ro->school, &f, &o, cov, b->err);
	out_release(&o);
	out_capture_release(&c);
	return rc;
}

/* Per team: the teacher teams of the school, or the one team. */
static int visits_teams(struct bctx *b, struct rep_section *s)
{
	static const char *const keys[] = { "team", "team_members", "visited", "coverage", "feedback_held", "missed" };
	const char *labels[] = { L(S_TEAM), L(S_VIS_TEACHERS), L(S_VIS_VISITED), L(S_VIS_COVERAGE), L(S_VIS_FEEDBACK),
				 L(S_VIS_MISSED_SHORT) };
	struct rep_table *tc = rep_table_add(s, "coverage", L(S_VIS_TEAM_TABLE), 6, keys, labels);
	struct store_stmt *st;
	int rc, r2 = 0;

	if ((rc = store_prepare(b->db, "SELECT tm.id, tm.name FROM team tm WHERE" TEAM_SCOPE
				       "AND (?2 <> 0 OR tm.kind = 'leraren') ORDER BY lower(tm.name), tm.id", &st, b->err)))
		return rc;
	store_bind_int(st, 1, b->ro->school);
	store_bind_int(st, 2, b->ro->team);
	while (!r2 && store_next(b->db, st, &rc, N_("listing teams"), b->err)) {
		struct visit_coverage tcov;
		if ((r2 = coverage(b, store_col_int(st, 0), &tcov)))
			break;
		rep_cell(tc, col_text(st, 1));
		rep_cell(tc, rv_int(tcov.teachers));
		rep_cell(tc, rv_int(tcov.visited));
		rep_cell(tc, tcov.teachers ? rv_share((double)tcov.visited / tcov.teachers) : rv_null());
		rep_cell(tc, rv_int(tcov.feedback));
		rep_cell(tc, rv_int(tcov.missed));
	}
	store_finalize(st);
	return rc ? rc : r2;
}

/* Feedback talks due at the end of the period (the rule of visit_status_of). */
static int visits_due(struct bctx *b, struct rep_section *s, struct rep_table **out)
{
	static const char *const keys[] = { "visit", "date", "team", "teacher", "observer", "days_ago" };
	const char *labels[] = { L(S_VISIT), L(S_DATE), L(S_TEAM), L(S_TEACHER), L(S_OBSERVER), L(S_DAYS_AGO) };
	struct rep_table *td = rep_table_add(s, "feedback_due", L(S_VIS_DUE_TABLE), 6, keys, labels);
	struct store_stmt *st;
	int rc;

	*out = td;
	if ((rc = store_prepare(b->db,
				"SELECT v.id, v.date, tm.name, t.name, o.name FROM visit v JOIN person t ON t.id = v.teacher_id "
				"JOIN person o ON o.id = v.observer_id LEFT JOIN team tm ON tm.id = v.team_id "
				"WHERE v.school_id = ?1 AND (?2 = 0 OR v.team_id = ?2) AND v.date <= ?4 AND ?3 <= ?4 "
				"AND v.recorded IS NOT NULL AND v.recorded <= ?4 "
				"AND (v.feedback_date IS NULL OR v.feedback_date > ?4) ORDER BY v.date, v.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading visits"), b->err)) {
		int day;
		if (date_parse(store_col(st, 1), &day, "date", NULL) ||
		    visit_status_of(1, 0, day, b->ro->to, VISIT_FEEDBACK_DAYS) != VISIT_FEEDBACK_DUE)
			continue;
		rep_cell(td, rv_int(store_col_int(st, 0)));
		rep_cell(td, col_text(st, 1));
		rep_cell(td, col_text(st, 2));
		rep_cell(td, col_text(st, 3));
		rep_cell(td, col_text(st, 4));
		rep_cell(td, rv_int(b->ro->to - day));
	}
	store_finalize(st);
	return rc;
}

/* Lesson visits: how many teachers of the scope were visited in the period
 * and had their feedback talk (never per teacher: no ranking), the planned
 * visits missed (their day passed without a record, or a board session said
 * so, as 'visit coverage' counts them), and the visits whose feedback talk
 * is due at the end of the period. */
int report_section_visits(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "visits", L(S_SEC_VISITS));
	struct visit_coverage cov;
	struct rep_table *td;
	int64_t recorded;
	int rc;

	if ((rc = coverage(b, b->ro->team, &cov)) ||
	    (rc = rep_count(b, "SELECT count(*) FROM visit v WHERE v.school_id = ?1 AND (?2 = 0 OR v.team_id = ?2) "
			       "AND v.recorded IS NOT NULL AND v.date BETWEEN ?3 AND ?4", &recorded, _("counting visits"))))
		return rc;
	rep_figure_add(s, "visits", L(S_VIS_RECORDED), rv_int(recorded));
	rep_figure_add(s, "team_members", L(S_VIS_TEACHERS), rv_int(cov.teachers));
	rep_figure_add(s, "visited", L(S_VIS_VISITED), rv_int(cov.visited));
	rep_figure_add(s, "coverage", L(S_VIS_COVERAGE), cov.teachers ? rv_share((double)cov.visited / cov.teachers) : rv_null());
	rep_figure_add(s, "feedback_held", L(S_VIS_FEEDBACK), rv_int(cov.feedback));
	rep_figure_add(s, "feedback_due", L(S_VIS_DUE), rv_int(0));
	rep_figure_add(s, "missed", L(S_VIS_MISSED), rv_int(cov.missed));
	if ((rc = visits_teams(b, s)) || (rc = visits_due(b, s, &td)))
		return rc;
	s->figs[5].v = rv_int((int64_t)td->nrows);
	rep_section_note(s, L(S_VIS_RULE));
	if (!recorded && !td->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
