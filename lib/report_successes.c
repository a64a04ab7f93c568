/* report_successes.c - the report's section on successes and standards. */
#include "report_int.h"

/* Successes put on the board in the period and the 'zo werken wij'
 * standards of the goals achieved by the end of the period. */
int report_section_successes(struct bctx *b)
{
	static const char *const skeys[] = { "team", "date", "success", "goal" };
	static const char *const wkeys[] = { "team", "goal", "standard", "achieved" };
	const char *slabels[] = { L(S_TEAM), L(S_DATE), L(S_SUCCESS), L(S_GOAL) };
	const char *wlabels[] = { L(S_TEAM), L(S_GOAL), L(S_STANDARD), L(S_ACHIEVED_ON) };
	struct rep_section *s = rep_section_add(b->r, "successes", L(S_SEC_SUCCESSES));
	struct rep_table *ts, *tw;
	struct store_stmt *st;
	int rc;

	rep_figure_add(s, "successes", L(S_SUCC_COUNT), rv_int(0));
	rep_figure_add(s, "standards", L(S_STD_COUNT), rv_int(0));
	ts = rep_table_add(s, "successes", L(S_SUCC_TABLE), 4, skeys, slabels);
	tw = rep_table_add(s, "standards", L(S_STD_TABLE), 4, wkeys, wlabels);
	if ((rc = store_prepare(b->db,
				"SELECT tm.name, i.added, i.text, i.goal_id FROM board_item i JOIN team tm ON tm.id = i.team_id "
				"WHERE" TEAM_SCOPE "AND i.section = 'successen' AND i.added BETWEEN ?3 AND ?4 "
				"ORDER BY i.added, lower(tm.name), i.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading successes"), b->err)) {
		rep_cell(ts, col_text(st, 0));
		rep_cell(ts, col_text(st, 1));
		rep_cell(ts, col_text(st, 2));
		rep_cell(ts, col_null(st, 3) ? rv_null() : rv_int(store_col_int(st, 3)));
	}
	store_finalize(st);
	if (rc)
		return rc;
	if ((rc = store_prepare(b->db,
				"SELECT tm.name, g.id, g.standard, g.closed FROM goal g JOIN team tm ON tm.id = g.team_id "
				"WHERE" TEAM_SCOPE "AND g.status = 'achieved' AND g.closed <= ?4 AND ?3 <= ?4 "
				"ORDER BY g.closed, lower(tm.name), g.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading standards"), b->err)) {
		rep_cell(tw, col_text(st, 0));
		rep_cell(tw, rv_int(store_col_int(st, 1)));
		rep_cell(tw, col_text(st, 2));
		rep_cell(tw, col_text(st, 3));
	}
	store_finalize(st);
	if (rc)
		return rc;
	s->figs[0].v = rv_int((int64_t)ts->nrows);
	s->figs[1].v = rv_int((int64_t)tw->nrows);
	if (!ts->nrows && !tw->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
