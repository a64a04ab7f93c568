/* board_int.h - helpers the board files share (not part of the library's interface). */
#ifndef BETER_BOARD_INT_H
#define BETER_BOARD_INT_H

#include <stdint.h>

#include "beter/err.h"

struct store;
struct store_stmt;

#define BOARD_TEXT_MAX 4000
#define N(a) (sizeof(a) / sizeof(*(a)))

/* who does an action: the persons' codes, space separated */
#define WHO_SQL                                                                                                   \
	"(SELECT group_concat(code, ' ') FROM (SELECT p.code FROM board_action_who w JOIN person p ON p.id = "     \
	"w.person_id WHERE w.action_id = a.id ORDER BY p.code))"

/* Step a write and finalize it; a date before the item's is named as such. */
int board_step_done(struct store *db, struct store_stmt *st, const char *what, struct beter_err *err);

/* the team goal `goal` belongs to team_id and is active */
int board_team_goal(struct store *db, int64_t team_id, int64_t goal, const char *what, struct beter_err *err);

/* person is a member of team_id; else BETER_DATAERR naming both */
int board_team_member(struct store *db, int64_t team_id, int64_t person, const char *what, struct beter_err *err);

/* the action's team, its added day and whether it is done; BETER_FAIL if absent */
int board_find_action(struct store *db, int64_t school, int64_t id, int64_t *team, int *added, int *done,
		      struct beter_err *err);

/* A status word (open, overdue, done, up, planned...) or a text of the
 * standard order as a cell: translated in a table a person reads, English in
 * JSON, CSV and when captured, so that those never change with the language.
 * NULL stays NULL. */
struct out;
const char *board_word(const struct out *o, const char *word);

/* The werksessie / GL area: a team's lesson designs (lib/board_design.c);
 * team_name NULL: no team column. */
struct out;
int board_design_rows(struct store *db, int64_t team, const char *team_name, const char *fromd, const char *asofd,
		      struct out *o, struct beter_err *err);

/* The jaarbord's periods: the school's improvement periods as of asofd
 * (lib/board_period.c); team_name NULL: no team column. */
int board_period_rows(struct store *db, int64_t team, const char *team_name, const char *asofd, struct out *o,
		      struct beter_err *err);
/* A team's own theme as of asofd: candidate, planned, running or ended. */
const char *board_theme_status(const char *start, const char *end, const char *asofd);

#endif
