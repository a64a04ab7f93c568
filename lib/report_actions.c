/* report_actions.c - the report's section on actions. */
#include "report_int.h"

#include <string.h>

/* Actions in class and team actions: open (not done by the end of the
 * period), overdue (open and due before the period's last day) and done in
 * the period. */
int report_section_actions(struct bctx *b)
{
	static const char *const keys[] = { "team", "action", "kind", "what", "who", "due", "state" };
	const char *labels[] = { L(S_TEAM), L(S_ACTION), L(S_KIND), L(S_WHAT), L(S_WHO), L(S_DUE), L(S_STATUS) };
	struct rep_section *s = rep_section_add(b->r, "actions", L(S_SEC_ACTIONS));
	struct rep_table *t;
	struct store_stmt *st;
	int64_t open = 0, overdue = 0, done = 0;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT count(*) FILTER (WHERE a.done IS NULL OR a.done > ?4), "
				"count(*) FILTER (WHERE (a.done IS NULL OR a.done > ?4) AND a.due < ?4), "
				"count(*) FILTER (WHERE a.done BETWEEN ?3 AND ?4) "
				"FROM board_action a JOIN team tm ON tm.id = a.team_id WHERE" TEAM_SCOPE
				"AND a.added <= ?4 AND (a.removed IS NULL OR a.removed > ?4)", &st, b->err)))
		return rc;
	bind_scope(b, st);
	if (store_next(b->db, st, &rc, N_("counting actions"), b->err)) {
		open = store_col_int(st, 0);
		overdue = store_col_int(st, 1);
		done = store_col_int(st, 2);
	}
	store_finalize(st);
	if (rc)
		return rc;
	rep_figure_add(s, "open", L(S_ACT_OPEN), rv_int(open));
	rep_figure_add(s, "overdue", L(S_ACT_OVERDUE), rv_int(overdue));
	rep_figure_add(s, "done", L(S_ACT_DONE), rv_int(done));
	t = rep_table_add(s, "open_actions", L(S_ACT_TABLE), 7, keys, labels);
	if ((rc = store_prepare(b->db,
				"SELECT tm.name, a.id, a.kind, a.what, (SELECT group_concat(name, ', ') FROM (SELECT p.name "
				"FROM board_action_who w JOIN person p ON p.id = w.person_id WHERE w.action_id = a.id "
				"ORDER BY p.name)), a.due, a.due < ?4 FROM board_action a JOIN team tm ON tm.id = a.team_id "
				"WHERE" TEAM_SCOPE "AND a.added <= ?4 AND (a.removed IS NULL OR a.removed > ?4) "
				"AND (a.done IS NULL OR a.done > ?4) ORDER BY a.due, lower(tm.name), a.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading actions"), b->err)) {
		rep_cell(t, col_text(st, 0));
		rep_cell(t, rv_int(store_col_int(st, 1)));
		rep_cell(t, rv_text(strcmp(store_col(st, 2), "team") ? L(S_KIND_CLASS)
										     : L(S_KIND_TEAM)));
		rep_cell(t, col_text(st, 3));
		rep_cell(t, col_text(st, 4));
		rep_cell(t, col_text(st, 5));
		rep_cell(t, rv_text((int)store_col_int(st, 6) ? L(S_OVERDUE) : L(S_OPEN)));
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!open && !done)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
