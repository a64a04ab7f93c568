#include "beter/board.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/goal.h"
#include "beter/jsonin.h"
#include "beter/person.h"
#include "beter/store.h"
#include "beter/team.h"
#include "beter/util.h"

#define TEXT_MAX 4000
#include "beter/visit.h"

const struct board_section board_sections[] = {
	{ "ambitie", "Ambitie" },
	{ "inspiratieverhaal", "Inspiratieverhaal" },
	{ "teamafspraken", "Teamafspraken" },
	{ "jaarbord", "Jaarbord" },
	{ "uitkomst_leerlingarena", "Uitkomst leerlingarena" },
	{ "parkeren", "Parkeren" },
	{ "doelen", "Doelen" },
	{ "acties_in_de_klas", "Acties in de klas" },
	{ "andere_acties", "Andere acties" },
	{ "successen", "Successen" },
	{ "perioderitmiek", "Perioderitmiek" },
	{ "lesbezoekplanning", "Lesbezoekplanning" },
	{ NULL, NULL },
};

static const char *const text_sections[] = { "ambitie",		       "inspiratieverhaal", "teamafspraken", "jaarbord",
					     "uitkomst_leerlingarena", "parkeren",	    "successen",     NULL };

int board_text_section(const char *section)
{
	for (const char *const *s = text_sections; section && *s; s++)
		if (!strcmp(section, *s))
			return 1;
	return 0;
}

/* ---- small helpers ---- */

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *what, struct beter_err *err)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, "%s: a date is earlier than the day the item was added", what);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, what);
	return 0;
}

/* the team goal `goal` belongs to team_id and is active */
static int team_goal(sqlite3 *db, int64_t team_id, int64_t goal, const char *what, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT status FROM goal WHERE id = ?1 AND team_id = ?2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, goal);
	sqlite3_bind_int64(st, 2, team_id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!found)
		return beter_err_set(err, BETER_FAIL, "%s: the team has no goal with number %lld (see 'beter goal list')",
				     what, (long long)goal);
	return 0;
}

/* person is a member of team_id; else BETER_DATAERR naming both */
static int team_member(sqlite3 *db, int64_t team_id, int64_t person, const char *what, struct beter_err *err)
{
	sqlite3_stmt *st;
	char code[64] = "?", team[256] = "?";
	int rc, member = 0;

	if ((rc = store_prepare(db, "SELECT p.code, t.name, EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id "
				    "AND m.person_id = p.id) FROM person p, team t WHERE p.id = ?1 AND t.id = ?2",
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, team_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(code, sizeof(code), "%s", store_col(st, 0));
		snprintf(team, sizeof(team), "%s", store_col(st, 1));
		member = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (member)
		return 0;
	return beter_err_set(err, BETER_DATAERR, "%s: %s is not in the team '%s' (see 'beter team show \"%s\"')", what,
			     code, team, team);
}

/* ---- items ---- */

int board_item_add_ex(sqlite3 *db, int64_t team_id, const struct board_item_new *n, int64_t *id,
		      struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33];
	int rc, rhythm = n->section && !strcmp(n->section, "perioderitmiek");

	if (!board_text_section(n->section) && !rhythm)
		return beter_err_set(err, BETER_DATAERR, "'%s' is not a board section for text items",
				     n->section ? n->section : "");
	if ((rc = text_check(n->text, rhythm ? "--topic" : "text", !rhythm, TEXT_MAX, err)))
		return rc;
	if (rhythm && !n->person)
		return beter_err_set(err, BETER_DATAERR, "a planned session needs a session leader (--leader)");
	if (rhythm && (rc = team_member(db, team_id, n->person, "--leader", err)))
		return rc;
	if (n->has_period && n->period_end < n->period_start)
		return beter_err_set(err, BETER_DATAERR, "--end: the period ends before it starts");
	if (n->goal && (rc = team_goal(db, team_id, n->goal, "--goal", err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO board_item(uid, team_id, section, text, period_start, period_end, "
				    "on_date, person_id, goal_id, session_id, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, team_id);
	store_bind_text(st, 3, n->section);
	store_bind_text(st, 4, n->text ? n->text : "");
	if (n->has_period) {
		store_bind_day(st, 5, n->period_start);
		store_bind_day(st, 6, n->period_end);
	}
	if (rhythm)
		store_bind_day(st, 7, n->on_date);
	if (n->person)
		sqlite3_bind_int64(st, 8, n->person);
	if (n->goal)
		sqlite3_bind_int64(st, 9, n->goal);
	if (n->session)
		sqlite3_bind_int64(st, 10, n->session);
	store_bind_day(st, 11, n->day);
	if ((rc = step_done(db, st, "adding to the board", err)))
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int board_item_add(sqlite3 *db, int64_t team_id, const char *section, const char *text, int day, int64_t *id,
		   struct beter_err *err)
{
	struct board_item_new n;
	memset(&n, 0, sizeof(n));
	n.section = section;
	n.text = text;
	n.day = day;
	return board_item_add_ex(db, team_id, &n, id, err);
}

int board_item_set(sqlite3 *db, int64_t team_id, const char *section, const char *text, int day,
		   struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc, same;

	if ((rc = text_check(text, section, 1, TEXT_MAX, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT text = ?3 FROM board_item WHERE team_id = ?1 AND section = ?2 "
				    "AND removed IS NULL", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, team_id);
	store_bind_text(st, 2, section);
	store_bind_text(st, 3, text);
	same = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (same)
		return 0;
	if ((rc = store_prepare(db, "UPDATE board_item SET removed = ?3 WHERE team_id = ?1 AND section = ?2 "
				    "AND removed IS NULL", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, team_id);
	store_bind_text(st, 2, section);
	store_bind_day(st, 3, day);
	if ((rc = step_done(db, st, "--date", err)))
		return rc;
	return board_item_add(db, team_id, section, text, day, NULL, err);
}

static const char *section_title(const char *key)
{
	for (const struct board_section *s = board_sections; s->key; s++)
		if (!strcmp(s->key, key))
			return s->title;
	return key;
}

int board_item_rm(sqlite3 *db, int64_t school, const char *section, int64_t id, int day, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc, added = 0, found = 0;

	if ((rc = store_prepare(db, "SELECT i.added FROM board_item i JOIN team t ON t.id = i.team_id WHERE i.id = ?1 "
				    "AND i.section = ?2 AND t.school_id = ?3 AND i.removed IS NULL", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, section);
	sqlite3_bind_int64(st, 3, school);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		added = date_of(store_col(st, 0));
	}
	sqlite3_finalize(st);
	if (!found)
		return beter_err_set(err, BETER_FAIL, "no item %lld in the section '%s' of a board", (long long)id,
				     section_title(section));
	if (day < added)
		return beter_err_set(err, BETER_DATAERR, "--date: item %lld was only added later", (long long)id);
	if ((rc = store_prepare(db, "UPDATE board_item SET removed = ?2 WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	store_bind_day(st, 2, day);
	return step_done(db, st, "removing the item", err);
}

/* ---- actions ---- */

const char *board_action_state(int due, int done, int is_done, int day)
{
	if (is_done && done <= day)
		return "done";
	return due < day ? "overdue" : "open";
}

int board_action_add(sqlite3 *db, int64_t team_id, const struct board_action_new *a, int64_t *id,
		     struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33];
	int64_t aid;
	int rc;

	if ((rc = text_check(a->what, "--what", 1, TEXT_MAX, err)))
		return rc;
	if (a->nwho < 1)
		return beter_err_set(err, BETER_DATAERR, "--who: an action needs someone who does it");
	if (!a->team_action && a->nwho > 1)
		return beter_err_set(err, BETER_DATAERR,
				     "--who: an action in class is done by one teacher; use --team-action for several");
	if (a->goal && (rc = team_goal(db, team_id, a->goal, "--goal", err)))
		return rc;
	for (int i = 0; i < a->nwho; i++)
		if ((rc = team_member(db, team_id, a->who[i], "--who", err)))
			return rc;
	if ((rc = store_prepare(db, "INSERT INTO board_action(uid, team_id, kind, what, due, goal_id, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, team_id);
	store_bind_text(st, 3, a->team_action ? "team" : "klas");
	store_bind_text(st, 4, a->what);
	store_bind_day(st, 5, a->due);
	if (a->goal)
		sqlite3_bind_int64(st, 6, a->goal);
	store_bind_day(st, 7, a->day);
	if ((rc = step_done(db, st, "adding the action", err)))
		return rc;
	aid = sqlite3_last_insert_rowid(db);
	for (int i = 0; i < a->nwho; i++) {
		if ((rc = store_prepare(db, "INSERT OR IGNORE INTO board_action_who(action_id, person_id) VALUES (?1, ?2)",
					&st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, aid);
		sqlite3_bind_int64(st, 2, a->who[i]);
		if ((rc = step_done(db, st, "adding who does the action", err)))
			return rc;
	}
	if (id)
		*id = aid;
	return 0;
}

/* the action's team, its added day and whether it is done; BETER_FAIL if absent */
static int find_action(sqlite3 *db, int64_t school, int64_t id, int64_t *team, int *added, int *done,
		       struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if ((rc = store_prepare(db, "SELECT a.team_id, a.added, a.done IS NOT NULL FROM board_action a JOIN team t ON "
				    "t.id = a.team_id WHERE a.id = ?1 AND t.school_id = ?2 AND a.removed IS NULL",
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, school);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		*team = sqlite3_column_int64(st, 0);
		*added = date_of(store_col(st, 1));
		*done = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (!found)
		return beter_err_set(err, BETER_FAIL, "no action with number %lld (see 'beter board action list')",
				     (long long)id);
	return 0;
}

int board_action_done(sqlite3 *db, int64_t school, int64_t id, int day, int64_t session, struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t team;
	int rc, added = 0, done = 0;

	if ((rc = find_action(db, school, id, &team, &added, &done, err)))
		return rc;
	if (done)
		return beter_err_set(err, BETER_FAIL, "action %lld is already done", (long long)id);
	if ((rc = date_not_future(day, "--date", err)))
		return rc;
	if (day < added)
		return beter_err_set(err, BETER_DATAERR, "--date: action %lld was only added later", (long long)id);
	if ((rc = store_prepare(db, "UPDATE board_action SET done = ?2, done_session_id = ?3 WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	store_bind_day(st, 2, day);
	if (session)
		sqlite3_bind_int64(st, 3, session);
	return step_done(db, st, "marking the action done", err);
}

int board_action_rm(sqlite3 *db, int64_t school, int64_t id, int day, struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t team;
	int rc, added = 0, done = 0;

	if ((rc = find_action(db, school, id, &team, &added, &done, err)))
		return rc;
	if (day < added)
		return beter_err_set(err, BETER_DATAERR, "--date: action %lld was only added later", (long long)id);
	if ((rc = store_prepare(db, "UPDATE board_action SET removed = ?2 WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	store_bind_day(st, 2, day);
	return step_done(db, st, "removing the action", err);
}

#define WHO_SQL                                                                                                   \
	"(SELECT group_concat(code, ' ') FROM (SELECT p.code FROM board_action_who w JOIN person p ON p.id = "     \
	"w.person_id WHERE w.action_id = a.id ORDER BY p.code))"

static const struct out_col action_cols[] = {
	{ "id", OUT_T_INT },	 { "kind", OUT_T_TEXT },  { "what", OUT_T_TEXT }, { "who", OUT_T_TEXT },
	{ "due", OUT_T_TEXT },	 { "goal", OUT_T_INT },	  { "status", OUT_T_TEXT }, { "done", OUT_T_TEXT },
	{ "added", OUT_T_TEXT },
};
#define N(a) (sizeof(a) / sizeof(*(a)))

int board_action_list(sqlite3 *db, int64_t team_id, int open, int overdue, int day, struct out *o,
		      struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT a.id, a.kind, a.what, " WHO_SQL ", a.due, a.goal_id, a.done, a.added "
				    "FROM board_action a WHERE a.team_id = ?1 AND a.removed IS NULL "
				    "ORDER BY a.kind = 'team', a.due, a.id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, team_id);
	out_list(o, action_cols, N(action_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int is_done = sqlite3_column_type(st, 6) != SQLITE_NULL;
		const char *state = board_action_state(date_of(store_col(st, 4)), date_of(store_col(st, 6)), is_done, day);
		if ((open || overdue) && is_done)
			continue;
		if (overdue && strcmp(state, "overdue"))
			continue;
		out_int(o, sqlite3_column_int64(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_text_list(o, store_col(st, 3), ' ');
		out_text(o, store_col(st, 4));
		store_out_int(o, st, 5);
		out_text(o, state);
		out_text(o, store_col(st, 6));
		out_text(o, store_col(st, 7));
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing actions");
}

/* ---- the board as it stood in a week ---- */

/*
 * What the sections are read with. Several sections share a query, and a
 * board of every team runs each query once per team: `sql` and `stmt` keep
 * the statements prepared so far, reset and bound again for the next use,
 * and finalised when the board is done (view_release).
 */
#define VIEW_STMTS 12

struct view {
	sqlite3 *db;
	int64_t team;
	const char *team_name;
	const char *section;
	int from, asof;
	char fromd[11], asofd[11];
	int with_team;
	const char *sql[VIEW_STMTS];
	sqlite3_stmt *stmt[VIEW_STMTS];
};

static void view_release(struct view *v)
{
	for (int i = 0; i < VIEW_STMTS; i++)
		sqlite3_finalize(v->stmt[i]);
}

static void team_cell(const struct view *v, struct out *o)
{
	if (v->with_team)
		out_text(o, v->team_name);
}

/*
 * Prepare sql, or take it from the view's statements, with ?1 the team, ?2
 * the as-of day, ?3 the week's first day and ?4 the section bound. The
 * statement stays the view's: the caller resets it (view_done), never
 * finalises it.
 */
static int view_prepare(struct view *v, const char *sql, sqlite3_stmt **st, struct beter_err *err)
{
	int i = 0, rc;

	while (i < VIEW_STMTS && v->sql[i] && v->sql[i] != sql)
		i++;
	if (i < VIEW_STMTS && v->sql[i]) {
		*st = v->stmt[i];
	} else {
		if ((rc = store_prepare(v->db, sql, st, err)))
			return rc;
		if (i < VIEW_STMTS) {
			v->sql[i] = sql;
			v->stmt[i] = *st;
		}
	}
	sqlite3_bind_int64(*st, 1, v->team);
	store_bind_text(*st, 2, v->asofd);
	store_bind_text(*st, 3, v->fromd);
	store_bind_text(*st, 4, v->section);
	return 0;
}

/* done with a statement from view_prepare */
static void view_done(struct view *v, sqlite3_stmt *st)
{
	for (int i = 0; i < VIEW_STMTS; i++)
		if (v->stmt[i] == st) {
			sqlite3_reset(st);
			return;
		}
	sqlite3_finalize(st);
}

#define ITEM_LIVE "i.team_id = ?1 AND i.section = ?4 AND i.added <= ?2 AND (i.removed IS NULL OR i.removed > ?2)"

static const struct out_col text_cols[] = {
	{ "team", OUT_T_TEXT }, { "id", OUT_T_INT }, { "text", OUT_T_TEXT }, { "added", OUT_T_TEXT },
};

static int text_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT i.id, i.text, i.added FROM board_item i WHERE " ITEM_LIVE
				  " ORDER BY i.added, i.id", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_row_end(o);
	}
	view_done(v, st);
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading the board");
}

static const struct out_col arena_cols[] = {
	{ "team", OUT_T_TEXT }, { "id", OUT_T_INT }, { "text", OUT_T_TEXT }, { "added", OUT_T_TEXT }, { "arena", OUT_T_INT },
};

/* What the team put on the board itself, then the outcomes of its
 * leerlingarena's and of the school's (beter arena outcome), as of the day. */
static int arena_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT i.id, i.text, i.added, NULL FROM board_item i WHERE " ITEM_LIVE
				  " UNION ALL SELECT NULL, a.outcome, a.outcome_day, a.id FROM arena a "
				  "WHERE (a.team_id = ?1 OR (a.team_id IS NULL AND "
				  "a.school_id = (SELECT school_id FROM team WHERE id = ?1))) AND a.outcome_day <= ?2 "
				  "ORDER BY 3, 4, 1", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		team_cell(v, o);
		store_out_int(o, st, 0);
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		store_out_int(o, st, 3);
		out_row_end(o);
	}
	view_done(v, st);
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading the board");
}

static const struct out_col theme_cols[] = {
	{ "team", OUT_T_TEXT },		{ "id", OUT_T_INT },	      { "text", OUT_T_TEXT },
	{ "period_start", OUT_T_TEXT }, { "period_end", OUT_T_TEXT }, { "added", OUT_T_TEXT },
};

static int theme_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT i.id, i.text, i.period_start, i.period_end, i.added FROM board_item i WHERE "
				  ITEM_LIVE " ORDER BY i.period_start IS NULL, i.period_start, i.id", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		for (int i = 1; i <= 4; i++)
			out_text(o, store_col(st, i));
		out_row_end(o);
	}
	view_done(v, st);
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading the board");
}

static const struct out_col success_cols[] = {
	{ "team", OUT_T_TEXT }, { "id", OUT_T_INT }, { "text", OUT_T_TEXT }, { "goal", OUT_T_INT }, { "added", OUT_T_TEXT },
};

static int success_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT i.id, i.text, i.goal_id, i.added FROM board_item i WHERE " ITEM_LIVE
				  " ORDER BY i.added, i.id", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		out_text(o, store_col(st, 1));
		store_out_int(o, st, 2);
		out_text(o, store_col(st, 3));
		out_row_end(o);
	}
	view_done(v, st);
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading the board");
}

static const struct out_col rhythm_cols[] = {
	{ "team", OUT_T_TEXT },	  { "id", OUT_T_INT },	  { "date", OUT_T_TEXT },
	{ "leader", OUT_T_TEXT }, { "topic", OUT_T_TEXT }, { "added", OUT_T_TEXT },
};

static int rhythm_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT i.id, i.on_date, p.code, nullif(i.text, ''), i.added FROM board_item i "
				  "LEFT JOIN person p ON p.id = i.person_id WHERE " ITEM_LIVE
				  " ORDER BY i.on_date, i.id", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		for (int i = 1; i <= 4; i++)
			out_text(o, store_col(st, i));
		out_row_end(o);
	}
	view_done(v, st);
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading the board");
}

static const struct out_col goal_cols[] = {
	{ "team", OUT_T_TEXT },	   { "id", OUT_T_INT },	       { "text", OUT_T_TEXT },	  { "pupils", OUT_T_TEXT },
	{ "weeks", OUT_T_INT },	   { "norm", OUT_T_REAL },     { "baseline", OUT_T_REAL }, { "results", OUT_T_TEXT },
	{ "latest", OUT_T_REAL },  { "trend", OUT_T_TEXT },    { "status", OUT_T_TEXT },  { "added", OUT_T_TEXT },
	{ "until", OUT_T_TEXT },
};

static int goal_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct strbuf results = STRBUF_INIT, trend = STRBUF_INIT, rjson = STRBUF_INIT, rcsv = STRBUF_INIT;
	int rc, brc = 0;

	if ((rc = view_prepare(v, "SELECT g.id, g.text, g.pupils, g.weeks, g.norm, g.baseline, "
				  "CASE WHEN g.closed <= ?2 THEN g.status ELSE 'active' END, g.added FROM goal g "
				  "WHERE g.team_id = ?1 AND g.added <= ?2 AND (g.closed IS NULL OR g.closed >= ?3) "
				  "ORDER BY g.added, g.id", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double latest;
		char until[11];
		const char *word;
		strbuf_reset(&results);
		strbuf_reset(&trend);
		strbuf_reset(&rjson);
		strbuf_reset(&rcsv);
		if ((brc = goal_results(v->db, sqlite3_column_int64(st, 0), v->asof, &results, &latest, &trend, err)) ||
		    (brc = goal_results_data(v->db, sqlite3_column_int64(st, 0), v->asof, &rjson, &rcsv, &word, err)))
			break;
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_int(o, sqlite3_column_int64(st, 3));
		out_real(o, sqlite3_column_double(st, 4));
		out_real(o, sqlite3_column_double(st, 5));
		/* results and trend: data in JSON and CSV, a compact line in a table */
		out_rendered(o, strbuf_str(&rjson), strbuf_str(&rcsv), strbuf_str(&results));
		out_real(o, latest);
		if (word) {
			char q[16];
			snprintf(q, sizeof(q), "\"%s\"", word);
			out_rendered(o, q, word, strbuf_str(&trend));
		} else {
			out_rendered(o, NULL, NULL, trend.len ? strbuf_str(&trend) : NULL);
		}
		out_text(o, store_col(st, 6));
		out_text(o, store_col(st, 7));
		date_format(date_of(store_col(st, 7)) + 7 * sqlite3_column_int(st, 3), until);
		out_text(o, until);
		out_row_end(o);
	}
	view_done(v, st);
	strbuf_release(&results);
	strbuf_release(&trend);
	strbuf_release(&rjson);
	strbuf_release(&rcsv);
	if (brc)
		return brc;
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading goals");
}

static const struct out_col board_action_cols[] = {
	{ "team", OUT_T_TEXT },	 { "id", OUT_T_INT },	  { "what", OUT_T_TEXT },  { "who", OUT_T_TEXT },
	{ "due", OUT_T_TEXT },	 { "goal", OUT_T_INT },	  { "status", OUT_T_TEXT }, { "done", OUT_T_TEXT },
	{ "added", OUT_T_TEXT },
};

/* open actions and those done in the week */
static int action_rows(struct view *v, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = view_prepare(v, "SELECT a.id, a.what, " WHO_SQL ", a.due, a.goal_id, "
				  "CASE WHEN a.done <= ?2 THEN a.done END, a.added FROM board_action a "
				  "WHERE a.team_id = ?1 AND a.kind = CASE ?4 WHEN 'andere_acties' THEN 'team' ELSE 'klas' END "
				  "AND a.added <= ?2 AND (a.removed IS NULL OR a.removed > ?2) "
				  "AND (a.done IS NULL OR a.done >= ?3) ORDER BY a.due, a.id", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int is_done = sqlite3_column_type(st, 5) != SQLITE_NULL;
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		out_text(o, store_col(st, 1));
		out_text_list(o, store_col(st, 2), ' ');
		out_text(o, store_col(st, 3));
		store_out_int(o, st, 4);
		out_text(o, board_action_state(date_of(store_col(st, 3)), date_of(store_col(st, 5)), is_done, v->asof));
		out_text(o, store_col(st, 5));
		out_text(o, store_col(st, 6));
		out_row_end(o);
	}
	view_done(v, st);
	return rc == SQLITE_DONE ? 0 : store_fail(v->db, rc, err, "reading actions");
}

static const struct out_col visit_cols[] = {
	{ "team", OUT_T_TEXT },	    { "id", OUT_T_INT },       { "date", OUT_T_TEXT },
	{ "observer", OUT_T_TEXT }, { "teacher", OUT_T_TEXT }, { "focus", OUT_T_TEXT }, { "round", OUT_T_TEXT },
	{ "status", OUT_T_TEXT },
};

/*
 * The lesson-visit planning (LB&FB: who visits whom, when) of one team: the
 * visits of its members planned in the week or later, and those of the week
 * itself, as they stood at the end of the week (a visit appears from the day
 * it was created); before them the team's visits of the school year whose
 * day passed without a record by then, with the status 'missed', so that the
 * team sees them. Every row has the visit's status as of that day.
 */
static int lesbezoekplanning_rows(sqlite3 *db, int64_t team_id, int week_start, int week_end, struct out *o,
				  const struct view *v, struct beter_err *err)
{
	sqlite3_stmt *st;
	char from[11], to[11];
	int rc;

	char year[11];

	date_format(week_start, from);
	date_format(week_end, to);
	date_format(date_from_ymd(date_school_year(week_end), 8, 1), year);
	if ((rc = store_prepare(db, "SELECT vi.id, vi.date, ob.code, te.code, CASE vi.focus WHEN 'goal' THEN 'goal:' || "
				    "vi.focus_goal_id WHEN 'item' THEN 'item:' || vi.focus_item ELSE vi.focus END, "
				    "r.name, vi.recorded <= ?3 OR vi.feedback_date <= ?3, vi.feedback_date <= ?3 "
				    "FROM visit vi JOIN person ob ON ob.id = vi.observer_id "
				    "JOIN person te ON te.id = vi.teacher_id LEFT JOIN visit_round r ON r.id = vi.round_id "
				    "WHERE vi.team_id = ?1 AND substr(vi.created, 1, 10) <= ?3 AND (vi.date >= ?2 OR "
				    "(vi.date >= ?4 AND vi.date < ?3 AND coalesce(vi.recorded <= ?3 OR vi.feedback_date <= ?3, 0) = 0)) "
				    "ORDER BY vi.date, vi.time, vi.id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, team_id);
	store_bind_text(st, 2, from);
	store_bind_text(st, 3, to);
	store_bind_text(st, 4, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		team_cell(v, o);
		out_int(o, sqlite3_column_int64(st, 0));
		for (int i = 1; i <= 5; i++)
			out_text(o, store_col(st, i));
		out_text(o, visit_status_name(visit_status_of(sqlite3_column_int(st, 6), sqlite3_column_int(st, 7),
							      date_of(store_col(st, 1)), week_end, VISIT_FEEDBACK_DAYS)));
		out_row_end(o);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "reading the lesson-visit planning");
}

static int visit_rows(struct view *v, struct out *o, struct beter_err *err)
{
	return lesbezoekplanning_rows(v->db, v->team, v->from, v->asof, o, v, err);
}

typedef int rows_fn(struct view *v, struct out *o, struct beter_err *err);

struct section_def {
	const char *key;
	const struct out_col *cols;
	size_t ncols;
	rows_fn *rows;
};

static const struct section_def section_defs[] = {
	{ "ambitie", text_cols, N(text_cols), text_rows },
	{ "inspiratieverhaal", text_cols, N(text_cols), text_rows },
	{ "teamafspraken", text_cols, N(text_cols), text_rows },
	{ "jaarbord", theme_cols, N(theme_cols), theme_rows },
	{ "uitkomst_leerlingarena", arena_cols, N(arena_cols), arena_rows },
	{ "parkeren", text_cols, N(text_cols), text_rows },
	{ "doelen", goal_cols, N(goal_cols), goal_rows },
	{ "acties_in_de_klas", board_action_cols, N(board_action_cols), action_rows },
	{ "andere_acties", board_action_cols, N(board_action_cols), action_rows },
	{ "successen", success_cols, N(success_cols), success_rows },
	{ "perioderitmiek", rhythm_cols, N(rhythm_cols), rhythm_rows },
	{ "lesbezoekplanning", visit_cols, N(visit_cols), visit_rows },
};

/* every column of every section, for the CSV header */
static const struct out_col all_cols[] = {
	{ "team", OUT_T_TEXT },		{ "week", OUT_T_TEXT },	       { "as_of", OUT_T_TEXT },
	{ "id", OUT_T_INT },		{ "text", OUT_T_TEXT },	       { "period_start", OUT_T_TEXT },
	{ "period_end", OUT_T_TEXT },	{ "pupils", OUT_T_TEXT },      { "weeks", OUT_T_INT },
	{ "norm", OUT_T_REAL },		{ "baseline", OUT_T_REAL },    { "results", OUT_T_TEXT },
	{ "latest", OUT_T_REAL },	{ "trend", OUT_T_TEXT },       { "status", OUT_T_TEXT },
	{ "until", OUT_T_TEXT },	{ "what", OUT_T_TEXT },	       { "who", OUT_T_TEXT },
	{ "due", OUT_T_TEXT },		{ "goal", OUT_T_INT },	       { "done", OUT_T_TEXT },
	{ "date", OUT_T_TEXT },		{ "leader", OUT_T_TEXT },      { "topic", OUT_T_TEXT },
	{ "observer", OUT_T_TEXT },	{ "teacher", OUT_T_TEXT },     { "focus", OUT_T_TEXT },
	{ "added", OUT_T_TEXT },	{ "arena", OUT_T_INT },	       { "round", OUT_T_TEXT },
};

static const struct out_col head_cols[] = {
	{ "team", OUT_T_TEXT }, { "week", OUT_T_TEXT }, { "as_of", OUT_T_TEXT },
};

static const struct section_def *section_def(const char *key)
{
	for (size_t i = 0; i < N(section_defs); i++)
		if (!strcmp(section_defs[i].key, key))
			return &section_defs[i];
	return NULL;
}

int board_item_list(sqlite3 *db, int64_t team_id, const char *section, int day, struct out *o,
		    struct beter_err *err)
{
	const struct section_def *d = section_def(section);
	struct view v;
	int rc;

	if (!d)
		return beter_err_set(err, BETER_USAGE, "unknown board section '%s'", section);
	memset(&v, 0, sizeof(v));
	v.db = db;
	v.team = team_id;
	v.section = section;
	v.from = v.asof = day;
	date_format(day, v.asofd);
	date_format(day, v.fromd);
	out_list(o, d->cols + 1, d->ncols - 1);
	rc = d->rows(&v, o, err);
	out_end(o);
	return rc;
}

int board_render(sqlite3 *db, int64_t school, int64_t team_id, int from, int to, int with_team, struct out *o,
		 struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	char **names = NULL;
	int n = 0, rc, today = date_today(), began;
	char week[9];
	struct view v;

	if ((rc = store_read_begin(db, &began, err)))
		return rc;
	/* the teams: one, or every team of the school with anything on a board */
	if ((rc = store_prepare(db, "SELECT t.id, t.name FROM team t WHERE t.school_id = ?1 AND (?2 = t.id OR (?2 = 0 AND ("
				    "EXISTS (SELECT 1 FROM board_item i WHERE i.team_id = t.id) OR "
				    "EXISTS (SELECT 1 FROM board_action a WHERE a.team_id = t.id) OR "
				    "EXISTS (SELECT 1 FROM goal g WHERE g.team_id = t.id) OR "
				    "EXISTS (SELECT 1 FROM board_session s WHERE s.team_id = t.id)))) "
				    "ORDER BY t.name, t.id", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xrealloc(ids, sizeof(*ids) * (size_t)(n + 1));
		names = xrealloc(names, sizeof(*names) * (size_t)(n + 1));
		ids[n] = sqlite3_column_int64(st, 0);
		names[n++] = xstrdup(store_col(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = store_fail(db, rc, err, "reading teams");
		goto done;
	}
	rc = 0;

	memset(&v, 0, sizeof(v));
	v.db = db;
	v.from = from;
	v.asof = to < today ? to : today; /* a future week: the board as it stands today */
	v.with_team = with_team;
	date_format(v.from, v.fromd);
	date_format(v.asof, v.asofd);
	date_week_format(from, week);

	out_doc_begin(o, all_cols, N(all_cols));
	out_section(o, "bord", "Bord");
	if (with_team)
		out_list(o, head_cols, N(head_cols));
	else
		out_record(o, head_cols, N(head_cols));
	for (int i = 0; i < n; i++) {
		out_text(o, names[i]);
		out_text(o, week);
		out_text(o, v.asofd);
		if (with_team)
			out_row_end(o);
	}
	if (!with_team && n == 0)
		out_null(o);
	out_end(o);
	for (const struct board_section *s = board_sections; s->key && !rc; s++) {
		const struct section_def *d = section_def(s->key);
		out_section(o, s->key, s->title);
		out_list(o, d->cols + !with_team, d->ncols - !with_team);
		for (int i = 0; i < n && !rc; i++) {
			v.team = ids[i];
			v.team_name = names[i];
			v.section = s->key;
			rc = d->rows(&v, o, err);
		}
		out_end(o);
	}
	out_doc_end(o);
	view_release(&v);
done:
	store_read_end(db, began);
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(ids);
	return rc;
}

/* ---- sessions ---- */

void board_session_init(struct board_session_new *s)
{
	memset(s, 0, sizeof(*s));
}

void board_session_release(struct board_session_new *s)
{
	for (int i = 0; i < s->nsuccesses; i++)
		free(s->successes[i]);
	free(s->successes);
	free(s->checkins);
	free(s->measures);
	free(s->done);
	free(s->topic);
	free(s->note);
	memset(s, 0, sizeof(*s));
}

void board_session_checkin(struct board_session_new *s, int64_t person, int score)
{
	s->checkins = xrealloc(s->checkins, sizeof(*s->checkins) * (size_t)(s->ncheckins + 1));
	s->checkins[s->ncheckins].person = person;
	s->checkins[s->ncheckins++].score = score;
}

void board_session_success(struct board_session_new *s, const char *text)
{
	s->successes = xrealloc(s->successes, sizeof(*s->successes) * (size_t)(s->nsuccesses + 1));
	s->successes[s->nsuccesses++] = xstrdup(text);
}

void board_session_measure(struct board_session_new *s, int64_t goal, double score)
{
	s->measures = xrealloc(s->measures, sizeof(*s->measures) * (size_t)(s->nmeasures + 1));
	s->measures[s->nmeasures].goal = goal;
	s->measures[s->nmeasures++].score = score;
}

void board_session_done(struct board_session_new *s, int64_t action)
{
	s->done = xrealloc(s->done, sizeof(*s->done) * (size_t)(s->ndone + 1));
	s->done[s->ndone++] = action;
}

int board_session_add(sqlite3 *db, int64_t school, const struct board_session_new *s, int64_t *id,
		      struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33], d[11];
	int64_t sid;
	int rc;

	date_format(s->date, d);
	if ((rc = date_not_future(s->date, "--date", err)) || (rc = text_check(s->topic, "--topic", 0, TEXT_MAX, err)) ||
	    (rc = text_check(s->note, "--note", 0, TEXT_MAX, err)))
		return rc;
	if ((rc = team_member(db, s->team, s->leader, "--leader", err)))
		return rc;
	for (int i = 0; i < s->ncheckins; i++) {
		if ((rc = team_member(db, s->team, s->checkins[i].person, "--checkin", err)))
			return rc;
		if (s->checkins[i].score < 1 || s->checkins[i].score > 10)
			return beter_err_set(err, BETER_DATAERR, "--checkin: %d is outside 1-10", s->checkins[i].score);
		for (int j = 0; j < i; j++)
			if (s->checkins[j].person == s->checkins[i].person)
				return beter_err_set(err, BETER_DATAERR, "--checkin: the same person is given twice");
	}
	for (int i = 0; i < s->nsuccesses; i++)
		if ((rc = text_check(s->successes[i], "--success", 1, TEXT_MAX, err)))
			return rc;
	for (int i = 0; i < s->nmeasures; i++)
		if ((rc = team_goal(db, s->team, s->measures[i].goal, "--measure", err)))
			return rc;

	/* 0. the session itself */
	if ((rc = store_prepare(db, "INSERT INTO board_session(uid, team_id, date, leader_id, topic, note) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, s->team);
	store_bind_text(st, 3, d);
	sqlite3_bind_int64(st, 4, s->leader);
	store_bind_text(st, 5, s->topic && *s->topic ? s->topic : NULL);
	store_bind_text(st, 6, s->note && *s->note ? s->note : NULL);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, "--date: the team already has a session on %s (see 'beter board "
							 "session list')", d);
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "adding the session");
	sid = sqlite3_last_insert_rowid(db);

	/* 1. check-in: how does everyone stand? */
	for (int i = 0; i < s->ncheckins; i++) {
		if ((rc = store_prepare(db, "INSERT INTO board_checkin(session_id, person_id, score) VALUES (?1, ?2, ?3)",
					&st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, sid);
		sqlite3_bind_int64(st, 2, s->checkins[i].person);
		sqlite3_bind_int(st, 3, s->checkins[i].score);
		if ((rc = step_done(db, st, "--checkin", err)))
			return rc;
	}
	/* 2. successes to celebrate */
	for (int i = 0; i < s->nsuccesses; i++) {
		struct board_item_new n;
		memset(&n, 0, sizeof(n));
		n.section = "successen";
		n.text = s->successes[i];
		n.session = sid;
		n.day = s->date;
		if ((rc = board_item_add_ex(db, s->team, &n, NULL, err)))
			return rc;
	}
	/* 3. progress on the goals */
	for (int i = 0; i < s->nmeasures; i++)
		if ((rc = goal_measure(db, s->measures[i].goal, s->measures[i].score, s->date, sid, NULL, err))) {
			beter_err_prefix(err, "--measure %lld", (long long)s->measures[i].goal);
			return rc;
		}
	/* 4. actions done */
	for (int i = 0; i < s->ndone; i++) {
		int64_t team = 0;
		int added, done;
		if ((rc = find_action(db, school, s->done[i], &team, &added, &done, err)))
			return rc;
		if (team != s->team)
			return beter_err_set(err, BETER_FAIL, "--done: action %lld is not on this team's board",
					     (long long)s->done[i]);
		if ((rc = board_action_done(db, school, s->done[i], s->date, sid, err)))
			return rc;
	}
	/* 5. the session's programme: topic and note, stored with the session */
	if (id)
		*id = sid;
	return 0;
}

static const struct out_col session_cols[] = {
	{ "id", OUT_T_INT },	     { "date", OUT_T_TEXT },	 { "week", OUT_T_TEXT },    { "leader", OUT_T_TEXT },
	{ "topic", OUT_T_TEXT },     { "checkins", OUT_T_INT },	 { "checkin_avg", OUT_T_REAL }, { "successes", OUT_T_INT },
	{ "results", OUT_T_INT },    { "actions_done", OUT_T_INT },
};

static const char session_sql[] =
	"SELECT s.id, s.date, p.code, s.topic, "
	"(SELECT count(*) FROM board_checkin c WHERE c.session_id = s.id), "
	"(SELECT avg(score) FROM board_checkin c WHERE c.session_id = s.id), "
	"(SELECT count(*) FROM board_item i WHERE i.session_id = s.id), "
	"(SELECT count(*) FROM goal_measure m WHERE m.session_id = s.id), "
	"(SELECT count(*) FROM board_action a WHERE a.done_session_id = s.id), t.name, s.note "
	"FROM board_session s JOIN person p ON p.id = s.leader_id JOIN team t ON t.id = s.team_id ";

static void session_row(struct out *o, sqlite3_stmt *st)
{
	char week[9];
	out_int(o, sqlite3_column_int64(st, 0));
	out_text(o, store_col(st, 1));
	date_week_format(date_of(store_col(st, 1)), week);
	out_text(o, week);
	out_text(o, store_col(st, 2));
	out_text(o, store_col(st, 3));
	out_int(o, sqlite3_column_int64(st, 4));
	if (sqlite3_column_type(st, 5) == SQLITE_NULL)
		out_null(o);
	else
		out_real(o, round(sqlite3_column_double(st, 5) * 10) / 10);
	for (int i = 6; i <= 8; i++)
		out_int(o, sqlite3_column_int64(st, i));
}

int board_session_list(sqlite3 *db, int64_t team_id, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.team_id = ?1 ORDER BY s.date, s.id", session_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, team_id);
	out_list(o, session_cols, N(session_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		session_row(o, st);
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing sessions");
}

static const struct out_col sess_head_cols[] = {
	{ "id", OUT_T_INT }, { "team", OUT_T_TEXT }, { "date", OUT_T_TEXT }, { "week", OUT_T_TEXT }, { "leader", OUT_T_TEXT },
};
static const struct out_col checkin_cols[] = {
	{ "code", OUT_T_TEXT }, { "name", OUT_T_TEXT }, { "score", OUT_T_INT },
};
static const struct out_col sess_success_cols[] = {
	{ "id", OUT_T_INT }, { "text", OUT_T_TEXT }, { "goal", OUT_T_INT },
};
static const struct out_col sess_measure_cols[] = {
	{ "goal", OUT_T_INT }, { "text", OUT_T_TEXT }, { "score", OUT_T_REAL }, { "norm", OUT_T_REAL },
};
static const struct out_col sess_done_cols[] = {
	{ "id", OUT_T_INT }, { "what", OUT_T_TEXT }, { "who", OUT_T_TEXT }, { "due", OUT_T_TEXT },
};
static const struct out_col sess_prog_cols[] = {
	{ "topic", OUT_T_TEXT }, { "note", OUT_T_TEXT },
};
static const struct out_col sess_all[] = {
	{ "id", OUT_T_INT },	 { "team", OUT_T_TEXT },  { "date", OUT_T_TEXT }, { "week", OUT_T_TEXT },
	{ "leader", OUT_T_TEXT }, { "code", OUT_T_TEXT }, { "name", OUT_T_TEXT }, { "score", OUT_T_REAL },
	{ "text", OUT_T_TEXT },	 { "goal", OUT_T_INT },	  { "norm", OUT_T_REAL }, { "what", OUT_T_TEXT },
	{ "who", OUT_T_TEXT },	 { "due", OUT_T_TEXT },	  { "topic", OUT_T_TEXT }, { "note", OUT_T_TEXT },
};

static int sess_part(sqlite3 *db, int64_t sid, const char *key, const char *title, const struct out_col *cols,
		     size_t ncols, const char *sql, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, sid);
	out_section(o, key, title);
	out_list(o, cols, ncols);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < ncols; i++) {
			if (sqlite3_column_type(st, (int)i) == SQLITE_NULL)
				out_null(o);
			else if (cols[i].type == OUT_T_INT)
				out_int(o, sqlite3_column_int64(st, (int)i));
			else if (cols[i].type == OUT_T_REAL)
				out_real(o, sqlite3_column_double(st, (int)i));
			else
				out_text(o, store_col(st, (int)i));
		}
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "showing the session");
}

int board_session_show(sqlite3 *db, int64_t school, int64_t id, struct out *o, struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	char week[9];
	char *topic, *note;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.id = ?1 AND t.school_id = ?2", session_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, school);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_FAIL, "no session with number %lld (see 'beter board session list')",
				     (long long)id);
	}
	out_doc_begin(o, sess_all, N(sess_all));
	out_section(o, "sessie", "Bordsessie");
	out_record(o, sess_head_cols, N(sess_head_cols));
	out_int(o, sqlite3_column_int64(st, 0));
	out_text(o, store_col(st, 9));
	out_text(o, store_col(st, 1));
	date_week_format(date_of(store_col(st, 1)), week);
	out_text(o, week);
	out_text(o, store_col(st, 2));
	out_end(o);
	topic = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL : xstrdup(store_col(st, 3));
	note = sqlite3_column_type(st, 10) == SQLITE_NULL ? NULL : xstrdup(store_col(st, 10));
	sqlite3_finalize(st);

	if (!(rc = sess_part(db, id, "check_in", "1. Check-in", checkin_cols, N(checkin_cols),
			     "SELECT p.code, p.name, c.score FROM board_checkin c JOIN person p ON p.id = c.person_id "
			     "WHERE c.session_id = ?1 ORDER BY p.code", o, err)) &&
	    !(rc = sess_part(db, id, "successen", "2. Successen", sess_success_cols, N(sess_success_cols),
			     "SELECT id, text, goal_id FROM board_item WHERE session_id = ?1 ORDER BY id", o, err)) &&
	    !(rc = sess_part(db, id, "voortgang_doelen", "3. Voortgang doelen", sess_measure_cols, N(sess_measure_cols),
			     "SELECT g.id, g.text, m.score, g.norm FROM goal_measure m JOIN goal g ON g.id = m.goal_id "
			     "WHERE m.session_id = ?1 ORDER BY m.id", o, err)) &&
	    !(rc = sess_part(db, id, "acties_gedaan", "4. Acties gedaan", sess_done_cols, N(sess_done_cols),
			     "SELECT a.id, a.what, " WHO_SQL ", a.due FROM board_action a WHERE a.done_session_id = ?1 "
			     "ORDER BY a.id", o, err))) {
		out_section(o, "programma", "5. Programma");
		out_record(o, sess_prog_cols, N(sess_prog_cols));
		out_text(o, topic);
		out_text(o, note);
		out_end(o);
	}
	out_doc_end(o);
	free(topic);
	free(note);
	return rc;
}

/* ---- a session as a JSON document ---- */

static int jerr(struct beter_err *err, const char *file, const char *field, const char *what)
{
	return beter_err_set(err, BETER_DATAERR, "%s: field '%s': %s", file, field, what);
}

static int json_text(const cJSON *j, const char *file, const char *field, int required, char **out,
		     struct beter_err *err)
{
	*out = NULL;
	if (!j || cJSON_IsNull(j)) {
		if (required)
			return jerr(err, file, field, "is missing");
		return 0;
	}
	if (!cJSON_IsString(j))
		return jerr(err, file, field, "expected a string");
	if (!utf8_valid(j->valuestring, strlen(j->valuestring), NULL))
		return jerr(err, file, field, "is not valid UTF-8");
	if (strlen(j->valuestring) > 4000)
		return jerr(err, file, field, "is longer than 4000 bytes");
	*out = xstrdup(j->valuestring);
	return 0;
}

static int json_number(const cJSON *j, const char *file, const char *field, int whole, double min, double max,
		       double *out, struct beter_err *err)
{
	char buf[160];
	if (!cJSON_IsNumber(j))
		return jerr(err, file, field, whole ? "expected a whole number" : "expected a number");
	if (whole && j->valuedouble != floor(j->valuedouble))
		return jerr(err, file, field, "expected a whole number");
	if (!(j->valuedouble >= min && j->valuedouble <= max)) {
		char v[32];
		out_format_real(v, sizeof(v), j->valuedouble);
		snprintf(buf, sizeof(buf), "%s is outside %g-%g", v, min, max);
		return jerr(err, file, field, buf);
	}
	*out = j->valuedouble;
	return 0;
}

static char *read_all(const char *path, size_t *len, struct beter_err *err)
{
	FILE *fp;
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;

	if (input_open(path, &fp, err))
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(fp)) {
		beter_err_set(err, BETER_IOERR, "%s: cannot read: %s", path, strerror(errno));
		if (fp != stdin)
			fclose(fp);
		strbuf_release(&sb);
		return NULL;
	}
	if (fp != stdin)
		fclose(fp);
	*len = sb.len;
	strbuf_addc(&sb, '\0');
	return strbuf_detach(&sb);
}

static int session_from_json(sqlite3 *db, int64_t school, const cJSON *root, const char *file, const char *team_name,
			     struct board_session_new *s, struct beter_err *err)
{
	static const char *const known[] = { "team", "date", "leader", "topic", "checkin", "successes", "measures",
					     "done", "note", NULL };
	const cJSON *j;
	char *text = NULL, field[64];
	double v;
	int rc;

	if (!cJSON_IsObject(root))
		return beter_err_set(err, BETER_DATAERR, "%s: expected a JSON object", file);
	cJSON_ArrayForEach(j, root) {
		int ok = 0;
		for (const char *const *k = known; *k; k++)
			ok |= j->string && !strcmp(j->string, *k);
		if (!ok)
			return jerr(err, file, j->string ? j->string : "", "is not a field of a session (see 'beter help board')");
	}
	/* team */
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "team"), file, "team", !team_name, &text, err)))
		return rc;
	rc = team_find(db, school, text ? text : team_name, &s->team, err);
	if (!rc && text && team_name) {
		int64_t given;
		if (!(rc = team_find(db, school, team_name, &given, err)) && given != s->team)
			rc = beter_err_set(err, BETER_USAGE, "--team: '%s' is not the team '%s' of %s; give the team in one "
					   "place", team_name, text, file);
	}
	free(text);
	if (rc)
		return rc;
	/* date */
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "date"), file, "date", 1, &text, err)))
		return rc;
	snprintf(field, sizeof(field), "%.40s: field 'date'", file);
	rc = date_parse(text, &s->date, field, err);
	if (!rc)
		rc = date_not_future(s->date, field, err);
	free(text);
	if (rc)
		return rc;
	/* leader */
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "leader"), file, "leader", 1, &text, err)))
		return rc;
	rc = person_find(db, school, text, &s->leader, err);
	free(text);
	if (rc)
		return rc;
	if ((rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "topic"), file, "topic", 0, &s->topic, err)) ||
	    (rc = json_text(cJSON_GetObjectItemCaseSensitive(root, "note"), file, "note", 0, &s->note, err)))
		return rc;
	/* checkin: {"CODE": score} */
	j = cJSON_GetObjectItemCaseSensitive(root, "checkin");
	if (j && !cJSON_IsNull(j)) {
		const cJSON *c;
		if (!cJSON_IsObject(j))
			return jerr(err, file, "checkin", "expected an object of person codes and scores");
		cJSON_ArrayForEach(c, j) {
			int64_t person;
			snprintf(field, sizeof(field), "checkin.%s", c->string ? c->string : "");
			if ((rc = json_number(c, file, field, 1, 1, 10, &v, err)))
				return rc;
			if ((rc = person_find(db, school, c->string, &person, err)))
				return rc;
			board_session_checkin(s, person, (int)v);
		}
	}
	/* successes: ["..."] */
	j = cJSON_GetObjectItemCaseSensitive(root, "successes");
	if (j && !cJSON_IsNull(j)) {
		const cJSON *c;
		int i = 0;
		if (!cJSON_IsArray(j))
			return jerr(err, file, "successes", "expected an array of strings");
		cJSON_ArrayForEach(c, j) {
			snprintf(field, sizeof(field), "successes[%d]", i++);
			if ((rc = json_text(c, file, field, 1, &text, err)))
				return rc;
			board_session_success(s, text);
			free(text);
		}
	}
	/* measures: [{"goal": N, "score": S}] */
	j = cJSON_GetObjectItemCaseSensitive(root, "measures");
	if (j && !cJSON_IsNull(j)) {
		const cJSON *c;
		int i = 0;
		if (!cJSON_IsArray(j))
			return jerr(err, file, "measures", "expected an array of {\"goal\": N, \"score\": S}");
		cJSON_ArrayForEach(c, j) {
			double g;
			if (!cJSON_IsObject(c)) {
				snprintf(field, sizeof(field), "measures[%d]", i);
				return jerr(err, file, field, "expected an object {\"goal\": N, \"score\": S}");
			}
			snprintf(field, sizeof(field), "measures[%d].goal", i);
			if ((rc = json_number(cJSON_GetObjectItemCaseSensitive(c, "goal"), file, field, 1, 1, 1e15, &g, err)))
				return rc;
			snprintf(field, sizeof(field), "measures[%d].score", i++);
			if ((rc = json_number(cJSON_GetObjectItemCaseSensitive(c, "score"), file, field, 0, 1, 10, &v, err)))
				return rc;
			board_session_measure(s, (int64_t)g, v);
		}
	}
	/* done: [N, ...] */
	j = cJSON_GetObjectItemCaseSensitive(root, "done");
	if (j && !cJSON_IsNull(j)) {
		const cJSON *c;
		int i = 0;
		if (!cJSON_IsArray(j))
			return jerr(err, file, "done", "expected an array of action numbers");
		cJSON_ArrayForEach(c, j) {
			snprintf(field, sizeof(field), "done[%d]", i++);
			if ((rc = json_number(c, file, field, 1, 1, 1e15, &v, err)))
				return rc;
			board_session_done(s, (int64_t)v);
		}
	}
	return 0;
}

int board_session_read(sqlite3 *db, int64_t school, const char *path, const char *team_name,
		       struct board_session_new *s, struct beter_err *err)
{
	const char *file = strcmp(path, "-") ? path : "stdin";
	size_t len = 0;
	char *text = read_all(path, &len, err);
	cJSON *root;
	int rc;

	if (!text)
		return err ? err->status : BETER_IOERR;
	if ((rc = jsonin_parse(file, text, len, &root, err))) {
		free(text);
		return rc;
	}
	rc = session_from_json(db, school, root, file, team_name, s, err);
	cJSON_Delete(root);
	free(text);
	return rc;
}
