/* board_session.c - board sessions: adding, listing and showing them. */
#include "beter/board.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "board_int.h"
#include "beter/i18n.h"

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

/* the session's own row; one a day per team */
static int session_insert(struct store *db, const struct board_session_new *s, int64_t *sid, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], d[11];
	int rc;

	date_format(s->date, d);
	if ((rc = store_prepare(db, "INSERT INTO board_session(uid, team_id, date, leader_id, topic, note) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, s->team);
	store_bind_text(st, 3, d);
	store_bind_int(st, 4, s->leader);
	store_bind_text(st, 5, s->topic && *s->topic ? s->topic : NULL);
	store_bind_text(st, 6, s->note && *s->note ? s->note : NULL);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("--date: the team already has a session on %s (see 'beter board "
							 "session list')"), d);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("adding the session"));
	*sid = store_last_id(db);
	return 0;
}

int board_session_add(struct store *db, int64_t school, const struct board_session_new *s, int64_t *id,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int64_t sid = 0;
	int rc;

	if ((rc = date_not_future(s->date, "--date", err)) || (rc = text_check(s->topic, "--topic", 0, BOARD_TEXT_MAX, err)) ||
	    (rc = text_check(s->note, "--note", 0, BOARD_TEXT_MAX, err)))
		return rc;
	if ((rc = board_team_member(db, s->team, s->leader, "--leader", err)))
		return rc;
	for (int i = 0; i < s->ncheckins; i++) {
		if ((rc = board_team_member(db, s->team, s->checkins[i].person, "--checkin", err)))
			return rc;
		if (s->checkins[i].score < 1 || s->checkins[i].score > 10)
			return beter_err_set(err, BETER_DATAERR, _("--checkin: %d is outside 1-10"), s->checkins[i].score);
		for (int j = 0; j < i; j++)
			if (s->checkins[j].person == s->checkins[i].person)
				return beter_err_set(err, BETER_DATAERR, _("--checkin: the same person is given twice"));
	}
	for (int i = 0; i < s->nsuccesses; i++)
		if ((rc = text_check(s->successes[i], "--success", 1, BOARD_TEXT_MAX, err)))
			return rc;
	for (int i = 0; i < s->nmeasures; i++)
		if ((rc = board_team_goal(db, s->team, s->measures[i].goal, "--measure", err)))
			return rc;

	/* 0. the session itself */
	if ((rc = session_insert(db, s, &sid, err)))
		return rc;

	/* 1. check-in: how does everyone stand? */
	for (int i = 0; i < s->ncheckins; i++) {
		if ((rc = store_prepare(db, "INSERT INTO board_checkin(session_id, person_id, score) VALUES (?1, ?2, ?3)",
					&st, err)))
			return rc;
		store_bind_int(st, 1, sid);
		store_bind_int(st, 2, s->checkins[i].person);
		store_bind_int(st, 3, s->checkins[i].score);
		if ((rc = board_step_done(db, st, "--checkin", err)))
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
		if ((rc = board_find_action(db, school, s->done[i], &team, &added, &done, err)))
			return rc;
		if (team != s->team)
			return beter_err_set(err, BETER_FAIL, _("--done: action %lld is not on this team's board"),
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
	{ N_("id"), OUT_T_INT },	     { N_("date"), OUT_T_DATE },	 { N_("week"), OUT_T_TEXT },    { N_("leader"), OUT_T_TEXT },
	{ N_("topic"), OUT_T_TEXT },     { N_("checkins"), OUT_T_INT },	 { N_("checkin_avg"), OUT_T_REAL }, { N_("successes"), OUT_T_INT },
	{ N_("results"), OUT_T_INT },    { N_("actions_done"), OUT_T_INT },
};

#define SESSION_SQL \
	"SELECT s.id, s.date, p.code, s.topic, " \
	"(SELECT count(*) FROM board_checkin c WHERE c.session_id = s.id), " \
	"(SELECT avg(score) FROM board_checkin c WHERE c.session_id = s.id), " \
	"(SELECT count(*) FROM board_item i WHERE i.session_id = s.id), " \
	"(SELECT count(*) FROM goal_measure m WHERE m.session_id = s.id), " \
	"(SELECT count(*) FROM board_action a WHERE a.done_session_id = s.id), t.name, s.note " \
	"FROM board_session s JOIN person p ON p.id = s.leader_id JOIN team t ON t.id = s.team_id "

static void session_row(struct out *o, struct store_stmt *st)
{
	char week[9];
	out_int(o, store_col_int(st, 0));
	out_text(o, store_col(st, 1));
	date_week_format(date_of(store_col(st, 1)), week);
	out_text(o, week);
	out_text(o, store_col(st, 2));
	out_text(o, store_col(st, 3));
	out_int(o, store_col_int(st, 4));
	if (store_col_null(st, 5))
		out_null(o);
	else
		out_real(o, round(store_col_real(st, 5) * 10) / 10);
	for (int i = 6; i <= 8; i++)
		out_int(o, store_col_int(st, i));
}

int board_session_list(struct store *db, int64_t team_id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, SESSION_SQL "WHERE s.team_id = ?1 ORDER BY s.date, s.id", &st, err)))
		return rc;
	store_bind_int(st, 1, team_id);
	/* not the row writer: the week and the rounded mean are worked out per row */
	out_list(o, session_cols, N(session_cols));
	while (store_next(db, st, &rc, N_("listing sessions"), err)) {
		session_row(o, st);
		out_row_end(o);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}

static const struct out_col sess_head_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("team"), OUT_T_TEXT }, { N_("date"), OUT_T_DATE }, { N_("week"), OUT_T_TEXT }, { N_("leader"), OUT_T_TEXT },
};
static const struct out_col checkin_cols[] = {
	{ N_("code"), OUT_T_TEXT }, { N_("name"), OUT_T_TEXT }, { N_("score"), OUT_T_INT },
};
static const struct out_col sess_success_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("text"), OUT_T_TEXT }, { N_("goal"), OUT_T_INT },
};
static const struct out_col sess_measure_cols[] = {
	{ N_("goal"), OUT_T_INT }, { N_("text"), OUT_T_TEXT }, { N_("score"), OUT_T_REAL }, { N_("norm"), OUT_T_REAL },
};
static const struct out_col sess_done_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("what"), OUT_T_TEXT }, { N_("who"), OUT_T_TEXT }, { N_("due"), OUT_T_DATE },
};
static const struct out_col sess_prog_cols[] = {
	{ N_("topic"), OUT_T_TEXT }, { N_("note"), OUT_T_TEXT },
};
static const struct out_col sess_all[] = {
	{ N_("id"), OUT_T_INT },	 { N_("team"), OUT_T_TEXT },  { N_("date"), OUT_T_DATE }, { N_("week"), OUT_T_TEXT },
	{ N_("leader"), OUT_T_TEXT }, { N_("code"), OUT_T_TEXT }, { N_("name"), OUT_T_TEXT }, { N_("score"), OUT_T_REAL },
	{ N_("text"), OUT_T_TEXT },	 { N_("goal"), OUT_T_INT },	  { N_("norm"), OUT_T_REAL }, { N_("what"), OUT_T_TEXT },
	{ N_("who"), OUT_T_TEXT },	 { N_("due"), OUT_T_DATE },	  { N_("topic"), OUT_T_TEXT }, { N_("note"), OUT_T_TEXT },
	{ N_("question"), OUT_T_TEXT }, { N_("reason"), OUT_T_TEXT }, { N_("visit"), OUT_T_INT }, { N_("observer"), OUT_T_TEXT },
	{ N_("teacher"), OUT_T_TEXT }, { N_("happened"), OUT_T_BOOL }, { N_("pos"), OUT_T_INT }, { N_("minutes"), OUT_T_INT },
};
static const struct out_col sess_question_cols[] = { { N_("question"), OUT_T_TEXT } };

/* A step of the standard order: its title and the book's question. */
static void step(struct out *o, int i)
{
	char key[32];
	snprintf(key, sizeof(key), "%s_vraag", board_steps[i].key);
	out_section(o, key, _(board_steps[i].title));
	out_record(o, sess_question_cols, N(sess_question_cols));
	out_text(o, board_word(o, board_steps[i].question));
	out_end(o);
}

static int sess_part(struct store *db, int64_t sid, const char *key, const char *title, const struct out_col *cols,
		     size_t ncols, const char *sql, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	store_bind_int(st, 1, sid);
	out_section(o, key, title);
	return store_rows(db, st, o, cols, ncols, 1, N_("showing the session"), err);
}

int board_session_show(struct store *db, int64_t school, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	char week[9];
	char *topic, *note;
	int rc;

	if ((rc = store_prepare(db, SESSION_SQL "WHERE s.id = ?1 AND t.school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, school);
	if (!store_next(db, st, &rc, N_("reading the session"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no session with number %lld (see 'beter board session "
					       "list')"), (long long)id);
	}
	out_doc_begin(o, sess_all, N(sess_all));
	out_section(o, "sessie", _("Board session"));
	out_record(o, sess_head_cols, N(sess_head_cols));
	out_int(o, store_col_int(st, 0));
	out_text(o, store_col(st, 9));
	out_text(o, store_col(st, 1));
	date_week_format(date_of(store_col(st, 1)), week);
	out_text(o, week);
	out_text(o, store_col(st, 2));
	out_end(o);
	topic = store_col_null(st, 3) ? NULL : xstrdup(store_col(st, 3));
	note = store_col_null(st, 10) ? NULL : xstrdup(store_col(st, 10));
	store_finalize(st);

	step(o, 0);
	if ((rc = sess_part(db, id, "check_in", _("1. Check-in"), checkin_cols, N(checkin_cols),
			    "SELECT p.code, p.name, c.score FROM board_checkin c JOIN person p ON p.id = c.person_id "
			    "WHERE c.session_id = ?1 ORDER BY p.code", o, err)))
		goto out;
	step(o, 1);
	if ((rc = sess_part(db, id, "successen", _("2. Successes"), sess_success_cols, N(sess_success_cols),
			    "SELECT id, text, goal_id FROM board_item WHERE session_id = ?1 ORDER BY id", o, err)))
		goto out;
	step(o, 2);
	if ((rc = sess_part(db, id, "voortgang_doelen", _("3. Progress on the goals"), sess_measure_cols, N(sess_measure_cols),
			    "SELECT g.id, g.text, m.score, g.norm FROM goal_measure m JOIN goal g ON g.id = m.goal_id "
			    "WHERE m.session_id = ?1 ORDER BY m.id", o, err)))
		goto out;
	step(o, 3);
	if ((rc = sess_part(db, id, "acties_gedaan", _("4. Actions done"), sess_done_cols, N(sess_done_cols),
			    "SELECT a.id, a.what, " WHO_SQL ", a.due FROM board_action a WHERE a.done_session_id = ?1 "
			    "ORDER BY a.id", o, err)) ||
	    (rc = board_session_extra_actions(db, id, o, err)))
		goto out;
	step(o, 4);
	out_section(o, "programma", _("5. Programme"));
	out_record(o, sess_prog_cols, N(sess_prog_cols));
	out_text(o, topic);
	out_text(o, note);
	out_end(o);
	rc = board_session_extra_programme(db, id, o, err);
out:
	out_doc_end(o);
	free(topic);
	free(note);
	return rc;
}
