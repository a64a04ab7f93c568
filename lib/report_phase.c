/* report_phase.c - the report's section on phases and conditions. */
#include "report_int.h"

#include <math.h>
#include <string.h>

#include "beter/phase.h"

/* Ambition as people read it: yes or no for a team, "2/3" (teacher teams
 * with an ambition of all) for the school. */
static struct rv ambition_value(struct bctx *b, const struct phase_conditions *pc)
{
	if (pc->ambition < 0)
		return rv_unknown(L(S_UNKNOWN));
	/* a school: the share of its teacher teams with an ambition (a number
	 * in JSON, a percentage for people) */
	if (pc->teams)
		return rv_share((double)pc->ambition_teams / (double)pc->teams);
	return rv_text(pc->ambition ? L(S_YES) : L(S_NO));
}

/* The trajectories with their current phase and step. */
static int phase_trajectories(struct bctx *b, struct rep_section *s)
{
	static const char *const keys[] = { "team", "model", "phase", "step", "phase_started", "days_in_phase",
					    "checklist" };
	const char *labels[] = { L(S_TEAM), L(S_MODEL), L(S_PHASE), L(S_STEP), L(S_PHASE_STARTED),
				 L(S_DAYS_IN_PHASE), L(S_CHECKLIST) };
	struct rep_table *t = rep_table_add(s, "trajectories", L(S_TRAJECTORIES), 7, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT tm.name, t.model_name, p.name, p.ord || '/' || "
				"(SELECT count(*) FROM trajectory_phase q WHERE q.trajectory_id = t.id), p.started, "
				"CAST(julianday(?5) - julianday(p.started) AS INTEGER), "
				"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id AND i.done IS NOT "
				"NULL) || '/' || (SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id) "
				"FROM trajectory t LEFT JOIN trajectory_phase p ON p.trajectory_id = t.id AND "
				"p.status = 'active' LEFT JOIN team tm ON tm.id = t.team_id WHERE" TRAJ_SCOPE
				"ORDER BY t.team_id IS NOT NULL, lower(tm.name), t.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	store_bind_text(st, 5, b->today);
	while (store_next(b->db, st, &rc, N_("reading trajectories"), b->err)) {
		rep_cell(t, col_null(st, 0) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 0));
		rep_cell(t, col_text(st, 1));
		rep_cell(t, col_text(st, 2));
		rep_cell(t, col_text(st, 3));
		rep_cell(t, col_text(st, 4));
		rep_cell(t, col_null(st, 5) ? rv_null() : rv_int(store_col_int(st, 5)));
		rep_cell(t, col_text(st, 6));
	}
	store_finalize(st);
	if (!rc && !t->nrows)
		rep_section_empty(s, L(S_NO_TRAJECTORY));
	return rc;
}

/* The checklists of the current phases. */
static int phase_checklist(struct bctx *b, struct rep_section *s)
{
	static const char *const keys[] = { "team", "phase", "item", "activity", "done" };
	const char *labels[] = { L(S_TEAM), L(S_PHASE), L(S_CHECK_ITEM), L(S_ACTIVITY), L(S_DONE_ON) };
	struct rep_table *t = rep_table_add(s, "checklist", L(S_CHECKLIST_TITLE), 5, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT tm.name, p.name, i.key, i.text, i.done FROM trajectory t "
				"JOIN trajectory_phase p ON p.trajectory_id = t.id AND p.status = 'active' "
				"JOIN trajectory_item i ON i.phase_id = p.id LEFT JOIN team tm ON tm.id = t.team_id "
				"WHERE" TRAJ_SCOPE "ORDER BY t.team_id IS NOT NULL, lower(tm.name), t.id, i.ord", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading checklists"), b->err)) {
		rep_cell(t, col_null(st, 0) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 0));
		for (int i = 1; i < 5; i++)
			rep_cell(t, col_text(st, i));
	}
	store_finalize(st);
	return rc;
}

/* The phases closed in the period and their retrospectives. */
static int phase_retrospectives(struct bctx *b, struct rep_section *s)
{
	static const char *const keys[] = { "team", "phase", "closed", "went_well", "improve", "no_retro_reason" };
	const char *labels[] = { L(S_TEAM), L(S_PHASE), L(S_CLOSED), L(S_WENT_WELL), L(S_IMPROVE), L(S_NO_RETRO) };
	struct rep_table *t = rep_table_add(s, "retrospectives", L(S_CLOSED_TITLE), 6, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT tm.name, p.name, p.closed, p.went_well, p.improve, p.no_retro_reason "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"LEFT JOIN team tm ON tm.id = t.team_id WHERE" TRAJ_SCOPE
				"AND p.status = 'closed' AND p.closed BETWEEN ?3 AND ?4 "
				"ORDER BY p.closed, t.id, p.ord", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading retrospectives"), b->err)) {
		rep_cell(t, col_null(st, 0) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 0));
		for (int i = 1; i < 6; i++)
			rep_cell(t, col_text(st, i));
	}
	store_finalize(st);
	return rc;
}

/* One row of the conditions: a team, or the school (PHASE_SCHOOL). */
static int condition_row(struct bctx *b, struct rep_table *t, int64_t team, const char *name)
{
	struct phase_conditions tc;
	int rc;

	if ((rc = phase_conditions(b->db, b->ro->school, team, b->ro->from, b->ro->to, &tc, b->err)))
		return rc;
	rep_cell(t, team ? rv_text(name) : rv_unknown(name));
	rep_cell(t, ambition_value(b, &tc));
	rep_cell(t, isnan(tc.rhythm) ? rv_unknown(L(S_UNKNOWN)) : rv_share(tc.rhythm));
	rep_cell(t, rv_share(tc.retrospective));
	rep_cell(t, rv_int(tc.closed));
	return 0;
}

/* The conditions per team (a school report: every team, then the school). */
static int phase_conditions_table(struct bctx *b, struct rep_section *s)
{
	static const char *const keys[] = { "team", "ambition", "rhythm", "retrospective", "phases_closed" };
	const char *labels[] = { L(S_TEAM), L(S_AMBITION), L(S_RHYTHM), L(S_RETRO_SHARE), L(S_PHASES_CLOSED) };
	struct rep_table *t = rep_table_add(s, "conditions", L(S_CONDITIONS_TITLE), 5, keys, labels);
	struct store_stmt *st;
	int rc, r2 = 0;

	if ((rc = store_prepare(b->db, "SELECT id, name FROM team WHERE school_id = ?1 AND ((?2 = 0 AND "
				       "(kind = 'leraren' OR EXISTS (SELECT 1 FROM board_session bs WHERE bs.team_id = team.id) "
				       "OR EXISTS (SELECT 1 FROM board_item bi WHERE bi.team_id = team.id) "
				       "OR EXISTS (SELECT 1 FROM trajectory tr WHERE tr.team_id = team.id))) OR id = ?2) "
				       "ORDER BY lower(name), id", &st, b->err)))
		return rc;
	store_bind_int(st, 1, b->ro->school);
	store_bind_int(st, 2, b->ro->team);
	while (!r2 && store_next(b->db, st, &rc, N_("listing teams"), b->err))
		r2 = condition_row(b, t, store_col_int(st, 0), store_col(st, 1));
	store_finalize(st);
	if (rc || r2)
		return rc ? rc : r2;
	return b->ro->team ? 0 : condition_row(b, t, PHASE_SCHOOL, L(S_WHOLE_SCHOOL));
}

/* Phase and conditions: the trajectories, the checklist of each current
 * phase, the phases closed in the period with their retrospectives, and the
 * three conditions. */
int report_section_phase(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "phase", L(S_SEC_PHASE));
	struct phase_conditions pc;
	int64_t active;
	int rc;

	if ((rc = phase_conditions(b->db, b->ro->school, b->ro->team, b->ro->from, b->ro->to, &pc, b->err)) ||
	    (rc = rep_count(b, "SELECT count(*) FROM trajectory t WHERE t.status = 'active' AND" TRAJ_SCOPE, &active,
			    _("counting trajectories"))))
		return rc;
	rep_figure_add(s, "active_trajectories", L(S_ACTIVE_TRAJ), rv_int(active));
	rep_figure_add(s, "retrospective", L(S_RETRO_SHARE), rv_share(pc.retrospective));
	rep_figure_add(s, "phases_closed", L(S_PHASES_CLOSED), rv_int(pc.closed));
	rep_figure_add(s, "ambition", b->ro->team ? L(S_AMBITION) : L(S_TEAMS_AMBITION), ambition_value(b, &pc));
	if (!b->ro->team && pc.teams) {
		rep_figure_add(s, "teams_with_ambition", L(S_TEAMS_WITH_AMBITION_N), rv_int(pc.ambition_teams));
		rep_figure_add(s, "teacher_teams", L(S_TEACHER_TEAMS_N), rv_int(pc.teams));
	}
	rep_figure_add(s, "rhythm", L(S_RHYTHM), isnan(pc.rhythm) ? rv_unknown(L(S_UNKNOWN)) : rv_share(pc.rhythm));
	rep_figure_add(s, "school_weeks", L(S_SCHOOL_WEEKS), rv_int(pc.rhythm_weeks));
	rep_figure_add(s, "weeks_with_session", L(S_WEEKS_WITH_SESSION), rv_int(pc.rhythm_sessions));
	rep_section_note(s, L(S_RHYTHM_RULE));
	if ((rc = phase_trajectories(b, s)) || (rc = phase_checklist(b, s)) || (rc = phase_retrospectives(b, s)))
		return rc;
	return phase_conditions_table(b, s);
}
