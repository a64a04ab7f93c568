/* board_period.c - the jaarbord's periods: the improvement periods of the
 * school (beter period) shown on every team's board beside its own themes. */
#include "beter/board.h"

#include "beter/i18n.h"
#include "beter/out.h"
#include "beter/store.h"
#include <string.h>

#include "beter/i18n.h"
#include "beter/out.h"
#include "beter/store.h"
#include "board_int.h"

/* the status of a period as of ?2: closed by its verbindingssessie, a
 * candidate without dates, planned before its first day, else running */
#define STATUS_SQL                                                                                                \
	"CASE WHEN p.closed <= ?2 THEN 'closed' WHEN p.from_date IS NULL THEN 'candidate' WHEN p.from_date > ?2 " \
	"THEN 'planned' ELSE 'running' END"

/*
 * The periods of the team's school as they stood on the as-of day (added
 * by then), dated ones by their first day, then the candidates. The columns
 * after the team: kind ('period'), id, text (the theme), period_start,
 * period_end, status, tiv (the TIV's name) and added.
 */
int board_period_rows(struct store *db, int64_t team, const char *team_name, const char *asofd, struct out *o,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT p.id, p.theme, p.from_date, p.to_date, " STATUS_SQL ", "
				    "(SELECT name FROM team WHERE id = p.tiv_id), p.added FROM period p "
				    "WHERE p.school_id = (SELECT school_id FROM team WHERE id = ?1) AND p.added <= ?2 "
				    "ORDER BY p.from_date IS NULL, p.from_date, p.id", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_text(st, 2, asofd);
	while (store_next(db, st, &rc, N_("reading the periods"), err)) {
		if (team_name)
			out_text(o, team_name);
		out_text(o, board_word(o, N_("period")));
		out_int(o, store_col_int(st, 0));
		for (int i = 1; i <= 3; i++)
			out_text(o, store_col(st, i));
		out_text(o, board_word(o, store_col(st, 4)));
		out_text(o, store_col(st, 5));
		out_text(o, store_col(st, 6));
		out_row_end(o);
	}
	store_finalize(st);
	return rc;
}

/* the status of a team's own theme as of asofd (its dates or none) */
const char *board_theme_status(const char *start, const char *end, const char *asofd)
{
	if (!start || !end)
		return N_("candidate");
	if (strcmp(asofd, start) < 0)
		return N_("planned");
	return strcmp(asofd, end) <= 0 ? N_("running") : N_("ended");
}
