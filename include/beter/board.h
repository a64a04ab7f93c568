/* board.h - a team's improvement board (verbeterbord) and its weekly session
 * (bordsessie).
 *
 * The board's sections, in the book's order, are listed in board_sections.
 * Nothing on a board is deleted: items and actions carry the day they were
 * added and the day they were removed, actions the day they were done, goals
 * the day their status changed and results their date, so the board can be
 * shown as it stood at the end of any week.
 *
 * Days are day numbers of date.h.
 */
#ifndef BETER_BOARD_H
#define BETER_BOARD_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

struct board_section {
	const char *key;   /* JSON key and CSV section: "uitkomst_leerlingarena" */
	const char *title; /* "Uitkomst leerlingarena" */
};
/* Every section in the book's order, ending with a NULL key. */
extern const struct board_section board_sections[];

/* Sections that hold plain text items (board_item_add). */
int board_text_section(const char *section);

/* Add a text item to a section of a team's board: ambitie, inspiratieverhaal,
 * teamafspraken, jaarbord, uitkomst_leerlingarena, parkeren or successen.
 * day is the day it is put on the board. (The arena work adds its outcome
 * here with section "uitkomst_leerlingarena".) */
int board_item_add(struct store *db, int64_t team_id, const char *section, const char *text, int day, int64_t *id,
		   struct beter_err *err);

/* The same with the optional parts of some sections. */
struct board_item_new {
	const char *section;
	const char *text;
	int period_start, period_end; /* jaarbord: the theme's period (both or neither) */
	int has_period;
	int on_date;                  /* perioderitmiek: the planned session's day */
	int64_t person;               /* perioderitmiek: its session leader */
	int64_t goal;                 /* successen: the goal it belongs to (0: none) */
	int64_t session;              /* successen: the session it was told in (0: none) */
	int day;
};
int board_item_add_ex(struct store *db, int64_t team_id, const struct board_item_new *n, int64_t *id,
		      struct beter_err *err);

/* Ambition or inspiration story: the current text is replaced (the old one is
 * marked removed on day). */
int board_item_set(struct store *db, int64_t team_id, const char *section, const char *text, int day,
		   struct beter_err *err);

/* Take an item of a section of the school's boards off (it keeps its history). */
int board_item_rm(struct store *db, int64_t school, const char *section, int64_t id, int day, struct beter_err *err);
/* The items of one section of a team's board as of day. */
int board_item_list(struct store *db, int64_t team_id, const char *section, int day, struct out *o,
		    struct beter_err *err);

/* ---- actions ---- */

struct board_action_new {
	int team_action;        /* 0: in class (one teacher), 1: for the team */
	const char *what;
	int due;
	int64_t goal;           /* 0: none */
	const int64_t *who;     /* people */
	int nwho;
	int day;
};
int board_action_add(struct store *db, int64_t team_id, const struct board_action_new *a, int64_t *id,
		     struct beter_err *err);
/* Mark an open action of the school done on day (session 0: outside a session). */
int board_action_done(struct store *db, int64_t school, int64_t id, int day, int64_t session, struct beter_err *err);
int board_action_rm(struct store *db, int64_t school, int64_t id, int day, struct beter_err *err);
/* Actions of a team (all that are not removed); open: only open ones;
 * overdue: only open ones whose due day is before day. */
int board_action_list(struct store *db, int64_t team_id, int open, int overdue, int day, struct out *o,
		      struct beter_err *err);

/* "open", "done" or "overdue" for an action as of day (done: 0 if not done). */
const char *board_action_state(int due, int done, int is_done, int day);

/* ---- sessions ---- */

struct board_checkin {
	int64_t person;
	int score;
};
struct board_measure {
	int64_t goal;
	double score;
};

/* One weekly session, recorded in the book's standard order: check-in,
 * successes, progress on goals, actions done, the session's programme. */
struct board_session_new {
	int64_t team;
	int date;
	int64_t leader;
	char *topic, *note;
	struct board_checkin *checkins;
	int ncheckins;
	char **successes;
	int nsuccesses;
	struct board_measure *measures;
	int nmeasures;
	int64_t *done;
	int ndone;
};
void board_session_init(struct board_session_new *s);
void board_session_release(struct board_session_new *s);
void board_session_checkin(struct board_session_new *s, int64_t person, int score);
void board_session_success(struct board_session_new *s, const char *text);
void board_session_measure(struct board_session_new *s, int64_t goal, double score);
void board_session_done(struct board_session_new *s, int64_t action);

/* Read a session from a JSON document (path "-": stdin); the team may come
 * from team_name when the document has none. Codes, team and numbers are
 * resolved: unknown ones give BETER_FAIL, bad values BETER_DATAERR naming
 * "FILE: field 'x'". */
int board_session_read(struct store *db, int64_t school, const char *path, const char *team_name,
		       struct board_session_new *s, struct beter_err *err);
/* Write the session (in the caller's transaction). */
int board_session_add(struct store *db, int64_t school, const struct board_session_new *s, int64_t *id,
		      struct beter_err *err);
int board_session_list(struct store *db, int64_t team_id, struct out *o, struct beter_err *err);
int board_session_show(struct store *db, int64_t school, int64_t id, struct out *o, struct beter_err *err);

/* ---- what a session records besides (lib/board_session_extra.c) ---- */

/* The standard order's five steps: key, title and the book's question. */
#define BOARD_STEPS 5
struct board_step {
	const char *key, *title, *question; /* title and question: N_() */
};
extern const struct board_step board_steps[BOARD_STEPS];

struct board_new_action {   /* --action "CODE[,CODE...]|what|due" */
	char *what;
	int due;
	int64_t *who;
	int nwho;
	int team_action;        /* more than one person, or "team:" */
};
struct board_missed {       /* --not-done N="reason" */
	int64_t action;
	char *reason;
};
struct board_visit {        /* --visit-done N, --visit-missed N */
	int64_t visit;
	int happened;
};
struct board_agenda_item {  /* --agenda "topic=minutes" */
	char *topic;
	int minutes;
};
struct board_session_extra {
	struct board_new_action *actions;
	int nactions;
	struct board_missed *missed;
	int nmissed;
	struct board_visit *visits;
	int nvisits;
	struct board_agenda_item *agenda;
	int nagenda;
};
void board_extra_release(struct board_session_extra *x);
/* Write them for session sid of team on day (in the session's transaction). */
int board_session_extra_add(struct store *db, int64_t school, int64_t team, int64_t sid, int day,
			    const struct board_session_extra *x, struct beter_err *err);
/* The sections they add to a session's show (after "4. Acties gedaan"). */
int board_session_extra_actions(struct store *db, int64_t sid, struct out *o, struct beter_err *err);
int board_session_extra_programme(struct store *db, int64_t sid, struct out *o, struct beter_err *err);
/* The board's check-in (the latest session's scores per person, with the
 * trend against the session before, and a last row for the team's mean)
 * and werksessie (the programme set in the latest session) sections, keys
 * "checkin" and "werksessie" (lib/board_checkin.c): rows of the columns
 * below as of day asof, with the team's name first when team_name is given
 * (else without the first column). */
#define BOARD_STEPS_NCOLS 4
extern const struct out_col board_steps_cols[BOARD_STEPS_NCOLS];
/* The standard order of the session ("standaardvolgorde"): step, title and
 * the book's question, for the board and its weekly export. */
int board_steps_rows(const char *team_name, struct out *o);
#define BOARD_CHECKIN_NCOLS 6
#define BOARD_WERKSESSIE_NCOLS 5
extern const struct out_col board_checkin_cols[BOARD_CHECKIN_NCOLS];
extern const struct out_col board_werksessie_cols[BOARD_WERKSESSIE_NCOLS];
int board_checkin_rows(struct store *db, int64_t team, const char *team_name, int asof, struct out *o,
		       struct beter_err *err);
int board_werksessie_rows(struct store *db, int64_t team, const char *team_name, int asof, struct out *o,
			  struct beter_err *err);

/* ---- the whole board ---- */

/* The board of a team (team_id), or of every team of the school that has a
 * board (team_id 0), as it stood at the end of the week from..to: as of the
 * day to, or today if that comes first (a future week shows the board as it
 * stands today, with the visits planned from that week on). One document with a section per
 * board section; with_team adds a team column to every row. */
int board_render(struct store *db, int64_t school, int64_t team_id, int from, int to, int with_team, struct out *o,
		 struct beter_err *err);

#endif
