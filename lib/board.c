#include "beter/board.h"

#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/out.h"
#include "beter/store.h"
#include "beter/util.h"
#include "board_int.h"
#include "beter/i18n.h"

const struct board_section board_sections[] = {
	{ "ambitie", N_("Ambition") },
	{ "inspiratieverhaal", N_("Inspiration story") },
	{ "teamafspraken", N_("Team agreements") },
	{ "jaarbord", N_("Year board") },
	{ "uitkomst_leerlingarena", N_("Pupil arena outcome") },
	{ "parkeren", N_("Parking lot") },
	{ "doelen", N_("Goals") },
	{ "acties_in_de_klas", N_("Actions in class") },
	{ "andere_acties", N_("Other actions") },
	{ "successen", N_("Successes") },
	{ "standaardvolgorde", N_("Standard order of the session") },
	{ "checkin", N_("Check-in") },
	{ "werksessie", N_("Work session") },
	{ "perioderitmiek", N_("Period rhythm") },
	{ "lesbezoekplanning", N_("Lesson-visit planning") },
	{ "lesontwerpen", N_("Joint lesson design") },
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

int board_step_done(struct store *db, struct store_stmt *st, const char *what, struct beter_err *err)
{
	int rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("%s: a date is earlier than the day the item was added"), what);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, what);
	return 0;
}

/* the team goal `goal` belongs to team_id and is active */
int board_team_goal(struct store *db, int64_t team_id, int64_t goal, const char *what, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT status FROM goal WHERE id = ?1 AND team_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, goal);
	store_bind_int(st, 2, team_id);
	found = store_next(db, st, &rc, N_("reading the goal"), err);
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("%s: the team has no goal with number %lld (see 'beter goal list')"),
				     what, (long long)goal);
	return 0;
}

/* person is a member of team_id; else BETER_DATAERR naming both */
int board_team_member(struct store *db, int64_t team_id, int64_t person, const char *what, struct beter_err *err)
{
	struct store_stmt *st;
	char code[64] = "?", team[256] = "?";
	int rc, member = 0;

	if ((rc = store_prepare(db, "SELECT p.code, t.name, EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = t.id "
				    "AND m.person_id = p.id) FROM person p, team t WHERE p.id = ?1 AND t.id = ?2",
				&st, err)))
		return rc;
	store_bind_int(st, 1, person);
	store_bind_int(st, 2, team_id);
	if (store_next(db, st, &rc, N_("reading the team"), err)) {
		snprintf(code, sizeof(code), "%s", store_col(st, 0));
		snprintf(team, sizeof(team), "%s", store_col(st, 1));
		member = (int)store_col_int(st, 2);
	}
	store_finalize(st);
	if (member || rc)
		return rc;
	return beter_err_set(err, BETER_DATAERR, _("%s: %s is not in the team '%s' (see 'beter team show \"%s\"')"), what,
			     code, team, team);
}

/* ---- items ---- */

int board_item_add_ex(struct store *db, int64_t team_id, const struct board_item_new *n, int64_t *id,
		      struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc, rhythm = n->section && !strcmp(n->section, "perioderitmiek");

	if (!board_text_section(n->section) && !rhythm)
		return beter_err_set(err, BETER_DATAERR, _("'%s' is not a board section for text items"),
				     n->section ? n->section : "");
	if ((rc = text_check(n->text, rhythm ? "--topic" : "text", !rhythm, BOARD_TEXT_MAX, err)))
		return rc;
	if (rhythm && !n->person)
		return beter_err_set(err, BETER_DATAERR, _("a planned session needs a session leader (--leader)"));
	if (rhythm && (rc = board_team_member(db, team_id, n->person, "--leader", err)))
		return rc;
	if (n->has_period && n->period_end < n->period_start)
		return beter_err_set(err, BETER_DATAERR, _("--end: the period ends before it starts"));
	if (n->goal && (rc = board_team_goal(db, team_id, n->goal, "--goal", err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO board_item(uid, team_id, section, text, period_start, period_end, "
				    "on_date, person_id, goal_id, session_id, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, team_id);
	store_bind_text(st, 3, n->section);
	store_bind_text(st, 4, n->text ? n->text : "");
	if (n->has_period) {
		store_bind_day(st, 5, n->period_start);
		store_bind_day(st, 6, n->period_end);
	}
	if (rhythm)
		store_bind_day(st, 7, n->on_date);
	if (n->person)
		store_bind_int(st, 8, n->person);
	if (n->goal)
		store_bind_int(st, 9, n->goal);
	if (n->session)
		store_bind_int(st, 10, n->session);
	store_bind_day(st, 11, n->day);
	if ((rc = board_step_done(db, st, "adding to the board", err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int board_item_add(struct store *db, int64_t team_id, const char *section, const char *text, int day, int64_t *id,
		   struct beter_err *err)
{
	struct board_item_new n;
	memset(&n, 0, sizeof(n));
	n.section = section;
	n.text = text;
	n.day = day;
	return board_item_add_ex(db, team_id, &n, id, err);
}

int board_item_set(struct store *db, int64_t team_id, const char *section, const char *text, int day,
		   struct beter_err *err)
{
	struct store_stmt *st;
	int rc, same;

	if ((rc = text_check(text, section, 1, BOARD_TEXT_MAX, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT text = ?3 FROM board_item WHERE team_id = ?1 AND section = ?2 "
				    "AND removed IS NULL", &st, err)))
		return rc;
	store_bind_int(st, 1, team_id);
	store_bind_text(st, 2, section);
	store_bind_text(st, 3, text);
	same = store_next(db, st, &rc, N_("reading the board"), err) && (int)store_col_int(st, 0);
	store_finalize(st);
	if (same || rc)
		return rc;
	if ((rc = store_prepare(db, "UPDATE board_item SET removed = ?3 WHERE team_id = ?1 AND section = ?2 "
				    "AND removed IS NULL", &st, err)))
		return rc;
	store_bind_int(st, 1, team_id);
	store_bind_text(st, 2, section);
	store_bind_day(st, 3, day);
	if ((rc = board_step_done(db, st, "--date", err)))
		return rc;
	return board_item_add(db, team_id, section, text, day, NULL, err);
}

static const char *section_title(const char *key)
{
	for (const struct board_section *s = board_sections; s->key; s++)
		if (!strcmp(s->key, key))
			return _(s->title);
	return key;
}

int board_item_rm(struct store *db, int64_t school, const char *section, int64_t id, int day, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, added = 0, found = 0;

	if ((rc = store_prepare(db, "SELECT i.added FROM board_item i JOIN team t ON t.id = i.team_id WHERE i.id = ?1 "
				    "AND i.section = ?2 AND t.school_id = ?3 AND i.removed IS NULL", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, section);
	store_bind_int(st, 3, school);
	if ((found = store_next(db, st, &rc, N_("reading the board"), err)))
		added = date_of(store_col(st, 0));
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("no item %lld in the section '%s' of a board"), (long long)id,
				     section_title(section));
	if (day < added)
		return beter_err_set(err, BETER_DATAERR, _("--date: item %lld was only added later"), (long long)id);
	if ((rc = store_prepare(db, "UPDATE board_item SET removed = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_day(st, 2, day);
	return board_step_done(db, st, "removing the item", err);
}

const char *board_word(const struct out *o, const char *word)
{
	if (!word || !o->nl || o->cap || (o->fmt != OUT_TABLE && o->fmt != OUT_HTML && o->fmt != OUT_MD))
		return word;
	return _(word);
}

/* ---- actions ---- */

const char *board_action_state(int due, int done, int is_done, int day)
{
	if (is_done && done <= day)
		return N_("done");
	return due < day ? N_("overdue") : N_("open");
}

int board_action_add(struct store *db, int64_t team_id, const struct board_action_new *a, int64_t *id,
		     struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int64_t aid;
	int rc;

	if ((rc = text_check(a->what, "--what", 1, BOARD_TEXT_MAX, err)))
		return rc;
	if (a->nwho < 1)
		return beter_err_set(err, BETER_DATAERR, _("--who: an action needs someone who does it"));
	if (!a->team_action && a->nwho > 1)
		return beter_err_set(err, BETER_DATAERR,
				     _("--who: an action in class is done by one teacher; use --team-action for several"));
	if (a->goal && (rc = board_team_goal(db, team_id, a->goal, "--goal", err)))
		return rc;
	for (int i = 0; i < a->nwho; i++)
		if ((rc = board_team_member(db, team_id, a->who[i], "--who", err)))
			return rc;
	if ((rc = store_prepare(db, "INSERT INTO board_action(uid, team_id, kind, what, due, goal_id, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, team_id);
	store_bind_text(st, 3, a->team_action ? "team" : "klas");
	store_bind_text(st, 4, a->what);
	store_bind_day(st, 5, a->due);
	if (a->goal)
		store_bind_int(st, 6, a->goal);
	store_bind_day(st, 7, a->day);
	if ((rc = board_step_done(db, st, "adding the action", err)))
		return rc;
	aid = store_last_id(db);
	for (int i = 0; i < a->nwho; i++) {
		if ((rc = store_prepare(db, "INSERT OR IGNORE INTO board_action_who(action_id, person_id) VALUES (?1, ?2)",
					&st, err)))
			return rc;
		store_bind_int(st, 1, aid);
		store_bind_int(st, 2, a->who[i]);
		if ((rc = board_step_done(db, st, "adding who does the action", err)))
			return rc;
	}
	if (id)
		*id = aid;
	return 0;
}

/* the action's team, its added day and whether it is done; BETER_FAIL if absent */
int board_find_action(struct store *db, int64_t school, int64_t id, int64_t *team, int *added, int *done,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found = 0;

	if ((rc = store_prepare(db, "SELECT a.team_id, a.added, a.done IS NOT NULL FROM board_action a JOIN team t ON "
				    "t.id = a.team_id WHERE a.id = ?1 AND t.school_id = ?2 AND a.removed IS NULL",
				&st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, school);
	if ((found = store_next(db, st, &rc, N_("reading the action"), err))) {
		*team = store_col_int(st, 0);
		*added = date_of(store_col(st, 1));
		*done = (int)store_col_int(st, 2);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("no action with number %lld (see 'beter board action list')"),
				     (long long)id);
	return 0;
}

int board_action_done(struct store *db, int64_t school, int64_t id, int day, int64_t session, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t team;
	int rc, added = 0, done = 0;

	if ((rc = board_find_action(db, school, id, &team, &added, &done, err)))
		return rc;
	if (done)
		return beter_err_set(err, BETER_FAIL, _("action %lld is already done"), (long long)id);
	if ((rc = date_not_future(day, "--date", err)))
		return rc;
	if (day < added)
		return beter_err_set(err, BETER_DATAERR, _("--date: action %lld was only added later"), (long long)id);
	if ((rc = store_prepare(db, "UPDATE board_action SET done = ?2, done_session_id = ?3 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_day(st, 2, day);
	if (session)
		store_bind_int(st, 3, session);
	return board_step_done(db, st, "marking the action done", err);
}

int board_action_rm(struct store *db, int64_t school, int64_t id, int day, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t team;
	int rc, added = 0, done = 0;

	if ((rc = board_find_action(db, school, id, &team, &added, &done, err)))
		return rc;
	if (day < added)
		return beter_err_set(err, BETER_DATAERR, _("--date: action %lld was only added later"), (long long)id);
	if ((rc = store_prepare(db, "UPDATE board_action SET removed = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_day(st, 2, day);
	return board_step_done(db, st, "removing the action", err);
}

static const struct out_col action_cols[] = {
	{ N_("id"), OUT_T_INT },	 { N_("kind"), OUT_T_TEXT },  { N_("what"), OUT_T_TEXT }, { N_("who"), OUT_T_TEXT },
	{ N_("due"), OUT_T_DATE },	 { N_("goal"), OUT_T_INT },	  { N_("status"), OUT_T_TEXT }, { N_("done"), OUT_T_DATE },
	{ N_("added"), OUT_T_DATE },
};

int board_action_list(struct store *db, int64_t team_id, int open, int overdue, int day, struct out *o,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT a.id, a.kind, a.what, " WHO_SQL ", a.due, a.goal_id, a.done, a.added "
				    "FROM board_action a WHERE a.team_id = ?1 AND a.removed IS NULL "
				    "ORDER BY a.kind = 'team', a.due, a.id", &st, err)))
		return rc;
	store_bind_int(st, 1, team_id);
	/* not the row writer: the status is worked out per row, and filters them */
	out_list(o, action_cols, N(action_cols));
	while (store_next(db, st, &rc, N_("listing actions"), err)) {
		int is_done = !store_col_null(st, 6);
		const char *state = board_action_state(date_of(store_col(st, 4)), date_of(store_col(st, 6)), is_done,
						       day);
		if ((open || overdue) && is_done)
			continue;
		if (overdue && strcmp(state, "overdue"))
			continue;
		out_int(o, store_col_int(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, store_col(st, 2));
		out_text_list(o, store_col(st, 3), ' ');
		out_text(o, store_col(st, 4));
		store_out_int(o, st, 5);
		out_text(o, board_word(o, state));
		out_text(o, store_col(st, 6));
		out_text(o, store_col(st, 7));
		out_row_end(o);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}
