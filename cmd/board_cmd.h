/* board_cmd.h - what cmd/board.c shares with cmd/board_session.c. */
#ifndef BETER_BOARD_CMD_H
#define BETER_BOARD_CMD_H

#include "beter/board.h"
#include "cmd.h"

/* The session options beyond the book's first steps, read into x: --action
 * "CODE[,CODE...]|what|due", --not-done N="reason", --visit-done N,
 * --visit-missed N, --agenda "topic=minutes". */
struct board_extra_opts {
	const struct opt_list *actions, *notdone, *vdone, *vmissed, *agenda;
};
int board_cmd_extra(struct ctx *c, int64_t school, const struct board_extra_opts *e, struct board_session_extra *x);

/* board session add --edit: the session in the standard order with the
 * book's questions, in $VISUAL/$EDITOR; what was written fills the option
 * lists (owned by the caller's arena: the strings live in *keep). */
struct board_edit {
	char *date, *leader, *topic, *note;
	struct opt_list checkins, successes, measures, done, actions, notdone, vdone, vmissed, agenda;
	char *text; /* the edited text the lists point into */
};
int board_cmd_edit(struct ctx *c, const char *team_name, int day, struct board_edit *ed, char **path);
void board_edit_release(struct board_edit *ed);
/* After the session was stored (rc 0) or not: removes the editor's file on
 * success, else keeps it and says where. Frees and clears *pathp. */
int board_edit_done(struct ctx *c, char **pathp, int rc);

/* the subcommands of 'beter board' (cmd/board.c), for its help (cmd/board_help.c) */
extern const struct subcmd board_subs[];

#endif
