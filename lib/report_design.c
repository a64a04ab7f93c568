/* report_design.c - the report's section on gezamenlijk lesontwerp (GL):
 * per goal of the scope, the lesson designs made for it, the steps that
 * visits observed and the share of observations in which the gewenst
 * effect was reached. */
#include "report_int.h"

#include "beter/store.h"

/* The section's words (in the report's language where they are used). */
enum { D_TITLE, D_DESIGNS, D_OBSERVED, D_REACHED, D_SHARE, D_TABLE, D_GOAL, D_TEXT, D_TEAM, D_STEPS,
       D_VISITS, D_NONE_GOAL, D_RULE, D_COUNT };
static const char *const words[D_COUNT] = {
	[D_TITLE] = N_("Joint lesson design"),
	[D_DESIGNS] = N_("Lesson designs"),
	[D_OBSERVED] = N_("Lesson steps observed"),
	[D_REACHED] = N_("Intended effect reached"),
	[D_SHARE] = N_("Share reached"),
	[D_TABLE] = N_("Per goal"),
	[D_GOAL] = N_("Goal"),
	[D_TEXT] = N_("Text"),
	[D_TEAM] = N_("Team"),
	[D_STEPS] = N_("Steps"),
	[D_VISITS] = N_("Visits"),
	[D_NONE_GOAL] = N_("(no goal)"),
	[D_RULE] = N_("A lesson design counts when it was made in the period, or has a lesson day or a visit in it; observed are "
		     "the steps recorded in a visit of the period (ja, deels or nee); reached is 'ja'."),
};
#define W(id) RT(words[id])

/* the scope's designs of the period: ?1 school, ?2 team (0 all), ?3 from, ?4 to */
#define DESIGN_SCOPE                                                                                             \
	" d.school_id = ?1 AND (?2 = 0 OR d.team_id = ?2) AND (d.created BETWEEN ?3 AND ?4 OR EXISTS "            \
	"(SELECT 1 FROM design_day x WHERE x.design_id = d.id AND x.date BETWEEN ?3 AND ?4) OR EXISTS (SELECT 1 "  \
	"FROM visit v WHERE v.design_id = d.id AND v.date BETWEEN ?3 AND ?4)) "
/* the observed steps of design ds.id in recorded visits of the period */
#define OBS_SQL(cond)                                                                                            \
	"(SELECT count(*) FROM visit_step vs JOIN visit v ON v.id = vs.visit_id WHERE v.design_id = ds.id AND "    \
	"v.date BETWEEN ?3 AND ?4" cond ")"

int report_section_design(struct bctx *b)
{
	static const char *const keys[] = { "goal", "team", "text", "designs", "steps", "visits", "steps_observed",
					    "reached", "share_reached" };
	const char *labels[] = { W(D_GOAL), W(D_TEAM), W(D_TEXT), W(D_DESIGNS), W(D_STEPS), W(D_VISITS),
				 W(D_OBSERVED), W(D_REACHED), W(D_SHARE) };
	struct rep_section *s = rep_section_add(b->r, "design", W(D_TITLE));
	struct rep_table *t;
	struct store_stmt *st;
	int64_t designs = 0, observed = 0, reached = 0;
	int rc;

	t = rep_table_add(s, "per_goal", W(D_TABLE), 9, keys, labels);
	if ((rc = store_prepare(b->db,
				"WITH ds AS (SELECT d.id, d.team_id, d.goal_id FROM design d WHERE" DESIGN_SCOPE ") "
				"SELECT ds.goal_id, tm.name, g.text, count(*), sum((SELECT count(*) FROM design_step s WHERE "
				"s.design_id = ds.id)), sum((SELECT count(*) FROM visit v WHERE v.design_id = ds.id AND "
				"v.recorded IS NOT NULL AND v.date BETWEEN ?3 AND ?4)), sum(" OBS_SQL("") "), sum("
				OBS_SQL(" AND vs.reached = 'ja'") ") FROM ds JOIN team tm ON tm.id = ds.team_id LEFT JOIN "
				"goal g ON g.id = ds.goal_id GROUP BY ds.team_id, ds.goal_id, tm.name, g.text ORDER BY tm.name, "
				"ds.goal_id IS NULL, ds.goal_id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading the lesson designs"), b->err)) {
		int64_t n = store_col_int(st, 6), ja = store_col_int(st, 7);
		rep_cell(t, col_null(st, 0) ? rv_null() : rv_int(store_col_int(st, 0)));
		rep_cell(t, col_text(st, 1));
		rep_cell(t, col_null(st, 0) ? rv_text(W(D_NONE_GOAL)) : col_text(st, 2));
		rep_cell(t, rv_int(store_col_int(st, 3)));
		rep_cell(t, rv_int(store_col_int(st, 4)));
		rep_cell(t, rv_int(store_col_int(st, 5)));
		rep_cell(t, rv_int(n));
		rep_cell(t, rv_int(ja));
		rep_cell(t, n ? rv_share((double)ja / (double)n) : rv_null());
		designs += store_col_int(st, 3);
		observed += n;
		reached += ja;
	}
	store_finalize(st);
	if (rc)
		return rc;
	rep_figure_add(s, "designs", W(D_DESIGNS), rv_int(designs));
	rep_figure_add(s, "steps_observed", W(D_OBSERVED), rv_int(observed));
	rep_figure_add(s, "reached", W(D_REACHED), rv_int(reached));
	rep_figure_add(s, "share_reached", W(D_SHARE), observed ? rv_share((double)reached / (double)observed) : rv_null());
	rep_section_note(s, W(D_RULE));
	if (!designs)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
