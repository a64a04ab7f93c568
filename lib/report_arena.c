/* report_arena.c - the report's section on pupil arenas. */
#include "report_int.h"

#include "beter/arena.h"

/* Pupil arenas held or concluded in the period (the team's own and those of
 * the whole school), their outcomes and the three groups' top 3 side by side. */
int report_section_arena(struct bctx *b)
{
	static const char *const akeys[] = { "arena", "date", "team", "theme", "pupil_group", "outcome", "outcome_date" };
	static const char *const tkeys[] = { "arena", "rank", "leerlingen", "leraren", "mt" };
	const char *alabels[] = { L(S_ARENA), L(S_DATE), L(S_TEAM), L(S_THEME), L(S_PUPIL_GROUP), L(S_OUTCOME),
				  L(S_DATE) };
	const char *tlabels[] = { L(S_ARENA), L(S_RANK), L(S_G_PUPILS), L(S_G_TEACHERS), L(S_G_MT) };
	struct rep_section *s = rep_section_add(b->r, "arena", L(S_SEC_ARENA));
	struct rep_table *ta, *tt;
	struct store_stmt *st;
	int64_t held = 0, outcomes = 0;
	int rc;

	rep_figure_add(s, "arenas", L(S_AR_HELD), rv_int(0));
	rep_figure_add(s, "outcomes", L(S_AR_OUTCOMES), rv_int(0));
	ta = rep_table_add(s, "arenas", L(S_AR_TABLE), 7, akeys, alabels);
	tt = rep_table_add(s, "top3", L(S_AR_TOP), 5, tkeys, tlabels);
	if ((rc = store_prepare(b->db,
				"SELECT a.id, a.day, tm.name, a.theme, a.pupil_group, a.outcome, a.outcome_day, "
				"a.day BETWEEN ?3 AND ?4, a.outcome_day BETWEEN ?3 AND ?4 FROM arena a "
				"LEFT JOIN team tm ON tm.id = a.team_id WHERE a.school_id = ?1 AND (?2 = 0 OR a.team_id = ?2 "
				"OR a.team_id IS NULL) AND (a.day BETWEEN ?3 AND ?4 OR a.outcome_day BETWEEN ?3 AND ?4) "
				"ORDER BY a.day, a.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while (store_next(b->db, st, &rc, N_("reading arenas"), b->err)) {
		int64_t id = store_col_int(st, 0);
		int has_outcome = (int)store_col_int(st, 8);
		struct arena_toplist lists[ARENA_NGROUPS];
		held += (int)store_col_int(st, 7);
		outcomes += has_outcome;
		rep_cell(ta, rv_int(id));
		rep_cell(ta, col_text(st, 1));
		rep_cell(ta, col_null(st, 2) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 2));
		rep_cell(ta, col_text(st, 3));
		rep_cell(ta, col_text(st, 4));
		/* an outcome recorded after the period is not shown */
		rep_cell(ta, has_outcome ? col_text(st, 5) : rv_null());
		rep_cell(ta, has_outcome ? col_text(st, 6) : rv_null());
		for (int g = 0; g < ARENA_NGROUPS; g++)
			if ((rc = arena_toplist_load(b->db, id, g, 3, &lists[g], b->err))) {
				while (g-- > 0)
					arena_toplist_release(&lists[g]);
				store_finalize(st);
				return rc;
			}
		for (size_t i = 0; i < 3; i++) {
			if (i >= lists[0].n && i >= lists[1].n && i >= lists[2].n)
				break;
			rep_cell(tt, rv_int(id));
			rep_cell(tt, rv_int((int64_t)i + 1));
			for (int g = 0; g < ARENA_NGROUPS; g++) {
				if (i >= lists[g].n) {
					rep_cell(tt, rv_null());
					continue;
				}
				struct strbuf cell = STRBUF_INIT;
				strbuf_addf(&cell, "%s (%lld)", lists[g].items[i].text, (long long)lists[g].items[i].votes);
				rep_cell(tt, rv_text(strbuf_str(&cell)));
				strbuf_release(&cell);
			}
		}
		for (int g = 0; g < ARENA_NGROUPS; g++)
			arena_toplist_release(&lists[g]);
	}
	store_finalize(st);
	if (rc)
		return rc;
	s->figs[0].v = rv_int(held);
	s->figs[1].v = rv_int(outcomes);
	if (!ta->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
