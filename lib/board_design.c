/* board_design.c - the board's werksessie area for gezamenlijk lesontwerp:
 * the team's lesson designs of the current period. */
#include "beter/board.h"

#include "beter/i18n.h"
#include "beter/out.h"
#include "beter/store.h"
#include "board_int.h"

/* a design's first day from four weeks before the week (?3) on */
#define DAY_SQL "(SELECT min(x.date) FROM design_day x WHERE x.design_id = d.id AND x.date >= date(?3, '-28 days'))"

/*
 * The lesson designs of a team (who, for which group, for which goal) as
 * they stood on the as-of day: made by then, and given from four weeks
 * before the week on (recent and planned lessons) or with no day yet. A row
 * per design, by its first day in that stretch; the columns after the team
 * are id, date, who (the authors' codes), pupils (the group), goal and text
 * (the doel).
 */
int board_design_rows(struct store *db, int64_t team, const char *team_name, const char *fromd, const char *asofd,
		      struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	/* the day spelled out where it is tested: an output name is no column in
	 * WHERE or in an expression of ORDER BY */
	if ((rc = store_prepare(db, "SELECT d.id, " DAY_SQL " AS day, (SELECT group_concat(code, ' ') FROM (SELECT "
				    "p.code FROM design_author a JOIN person p ON p.id = a.person_id WHERE a.design_id = "
				    "d.id ORDER BY p.code)), d.class_group, d.goal_id, d.doel FROM design d WHERE "
				    "d.team_id = ?1 AND d.created <= ?2 AND (" DAY_SQL " IS NOT NULL OR NOT EXISTS (SELECT 1 "
				    "FROM design_day x WHERE x.design_id = d.id)) ORDER BY " DAY_SQL " IS NULL, day, d.id",
				    &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_text(st, 2, asofd);
	store_bind_text(st, 3, fromd);
	while (store_next(db, st, &rc, N_("reading the lesson designs"), err)) {
		if (team_name)
			out_text(o, team_name);
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_text(o, store_col(st, 3));
		store_out_int(o, st, 4);
		out_text(o, store_col(st, 5));
		out_row_end(o);
	}
	store_finalize(st);
	return rc;
}
