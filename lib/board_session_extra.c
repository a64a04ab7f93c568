/* board_session_extra.c - what a board session records beyond check-in,
 * successes, results and actions done: new actions (step 4), actions not
 * done with their reason (step 4), which of the week's lesson visits took
 * place and the werksessie's programme (step 5). Written in the session's
 * transaction, after board_session_add. */
#include "beter/board.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "board_int.h"

/* The five steps of the standard order and the book's question at each. */
const struct board_step board_steps[BOARD_STEPS] = {
	{ "check_in", N_("1. Check-in"), N_("How do you stand at this moment?") },
	{ "successen", N_("2. Successes"), N_("Which successes do we have to celebrate?") },
	{ "voortgang_doelen", N_("3. Progress on the goals"), N_("What is the progress on the goals we set ourselves?") },
	{ "acties", N_("4. Actions"), N_("Has everyone taken the actions needed, and which actions must still be taken to "
					 "reach the goals?") },
	{ "programma", N_("5. Programme"), N_("What is on this session's programme? Are changes needed, and did the lesson "
					   "visits happen?") },
};

void board_extra_release(struct board_session_extra *x)
{
	for (int i = 0; i < x->nactions; i++) {
		free(x->actions[i].what);
		free(x->actions[i].who);
	}
	for (int i = 0; i < x->nmissed; i++)
		free(x->missed[i].reason);
	for (int i = 0; i < x->nagenda; i++)
		free(x->agenda[i].topic);
	free(x->actions);
	free(x->missed);
	free(x->visits);
	free(x->agenda);
	memset(x, 0, sizeof(*x));
}

static int add_missed(struct store *db, int64_t school, int64_t team, int64_t sid, int day,
		      const struct board_missed *m, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t t = 0;
	int added, done, rc;
	char uid[33];

	if ((rc = board_find_action(db, school, m->action, &t, &added, &done, err)))
		return rc;
	if (t != team)
		return beter_err_set(err, BETER_FAIL, _("--not-done: action %lld is not on this team's board"),
				     (long long)m->action);
	if (done && done <= day)
		return beter_err_set(err, BETER_DATAERR, _("--not-done: action %lld is done already"), (long long)m->action);
	if ((rc = text_check(m->reason, "--not-done", 1, BOARD_TEXT_MAX, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO board_action_missed(uid, action_id, session_id, reason) VALUES (?1, ?2, ?3, ?4)",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, m->action);
	store_bind_int(st, 3, sid);
	store_bind_text(st, 4, m->reason);
	return board_step_done(db, st, "--not-done", err);
}

static int add_visit(struct store *db, int64_t school, int64_t team, int64_t sid, const struct board_visit *v,
		     struct beter_err *err)
{
	struct store_stmt *st;
	const char *what = v->happened ? "--visit-done" : "--visit-missed";
	char recorded[11] = "";
	int rc, ok = 0;

	if ((rc = store_prepare(db, "SELECT recorded FROM visit WHERE id = ?1 AND school_id = ?2 AND cancelled IS NULL AND "
				    "(team_id = ?3 OR (team_id IS NULL AND teacher_id IN (SELECT person_id FROM team_member WHERE team_id = ?3)))",
				&st, err)))
		return rc;
	store_bind_int(st, 1, v->visit);
	store_bind_int(st, 2, school);
	store_bind_int(st, 3, team);
	if ((ok = store_next(db, st, &rc, N_("reading the visit"), err)) && store_col(st, 0))
		snprintf(recorded, sizeof(recorded), "%s", store_col_text(st, 0));
	store_finalize(st);
	if (rc)
		return rc;
	if (!ok)
		return beter_err_set(err, BETER_FAIL, _("%s: no visit %lld of this team that is not cancelled (see 'beter "
							"visit list --team')"), what, (long long)v->visit);
	/* what was observed is written down: the visit took place */
	if (!v->happened && *recorded)
		return beter_err_set(err, BETER_DATAERR, _("--visit-missed: visit %lld took place (recorded on %s)"),
				     (long long)v->visit, recorded);
	if ((rc = store_prepare(db, "INSERT INTO board_session_visit(session_id, visit_id, happened) VALUES (?1, ?2, ?3)",
				&st, err)))
		return rc;
	store_bind_int(st, 1, sid);
	store_bind_int(st, 2, v->visit);
	store_bind_int(st, 3, v->happened);
	if ((rc = store_step(st)) != STORE_DONE) {
		store_finalize(st);
		if ((rc & 0xff) == STORE_CONSTRAINT)
			return beter_err_set(err, BETER_DATAERR, _("%s: visit %lld is given twice"), what, (long long)v->visit);
		return store_fail(db, rc, err, what);
	}
	store_finalize(st);
	return 0;
}

static int add_agenda(struct store *db, int64_t sid, int pos, const struct board_agenda_item *a, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(a->topic, "--agenda", 1, BOARD_TEXT_MAX, err)))
		return rc;
	if (a->minutes < 1 || a->minutes > 480)
		return beter_err_set(err, BETER_DATAERR, _("--agenda: %s: the minutes are outside 1-480"), a->topic);
	if ((rc = store_prepare(db, "INSERT INTO board_agenda(uid, session_id, pos, topic, minutes) VALUES (?1, ?2, ?3, ?4, ?5)",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, sid);
	store_bind_int(st, 3, pos);
	store_bind_text(st, 4, a->topic);
	store_bind_int(st, 5, a->minutes);
	return board_step_done(db, st, "--agenda", err);
}

int board_session_extra_add(struct store *db, int64_t school, int64_t team, int64_t sid, int day,
			    const struct board_session_extra *x, struct beter_err *err)
{
	int rc;

	/* 4. new actions, and actions not done with their reason */
	for (int i = 0; i < x->nactions; i++) {
		const struct board_new_action *a = &x->actions[i];
		struct board_action_new n;
		memset(&n, 0, sizeof(n));
		n.team_action = a->nwho > 1 || a->team_action;
		n.what = a->what;
		n.due = a->due;
		n.who = a->who;
		n.nwho = a->nwho;
		n.day = day;
		if ((rc = board_action_add(db, team, &n, NULL, err))) {
			beter_err_prefix(err, "--action '%s'", a->what);
			return rc;
		}
	}
	for (int i = 0; i < x->nmissed; i++)
		if ((rc = add_missed(db, school, team, sid, day, &x->missed[i], err)))
			return rc;
	/* 5. the week's lesson visits, and the werksessie's programme */
	for (int i = 0; i < x->nvisits; i++)
		if ((rc = add_visit(db, school, team, sid, &x->visits[i], err)))
			return rc;
	for (int i = 0; i < x->nagenda; i++)
		if ((rc = add_agenda(db, sid, i + 1, &x->agenda[i], err)))
			return rc;
	return 0;
}

static const struct out_col missed_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("what"), OUT_T_TEXT }, { N_("who"), OUT_T_TEXT }, { N_("due"), OUT_T_TEXT }, { N_("reason"), OUT_T_TEXT },
};
static const struct out_col new_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("what"), OUT_T_TEXT }, { N_("who"), OUT_T_TEXT }, { N_("due"), OUT_T_TEXT },
};
static const struct out_col visit_cols[] = {
	{ N_("visit"), OUT_T_INT }, { N_("date"), OUT_T_TEXT }, { N_("observer"), OUT_T_TEXT }, { N_("teacher"), OUT_T_TEXT },
	{ N_("happened"), OUT_T_BOOL },
};
static const struct out_col agenda_cols[] = {
	{ N_("pos"), OUT_T_INT }, { N_("topic"), OUT_T_TEXT }, { N_("minutes"), OUT_T_INT },
};

static int part(struct store *db, int64_t sid, const char *key, const char *title, const struct out_col *cols,
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

int board_session_extra_actions(struct store *db, int64_t sid, struct out *o, struct beter_err *err)
{
	int rc;

	if ((rc = part(db, sid, "acties_niet_gedaan", _("4. Actions not done"), missed_cols, N(missed_cols),
		       "SELECT a.id, a.what, " WHO_SQL ", a.due, m.reason FROM board_action_missed m JOIN board_action a "
		       "ON a.id = m.action_id WHERE m.session_id = ?1 ORDER BY a.id", o, err)))
		return rc;
	/* new actions: added to the team's board on the session's day */
	return part(db, sid, "nieuwe_acties", _("4. New actions"), new_cols, N(new_cols),
		    "SELECT a.id, a.what, " WHO_SQL ", a.due FROM board_action a JOIN board_session s ON "
		    "s.team_id = a.team_id AND a.added = s.date WHERE s.id = ?1 AND a.removed IS NULL ORDER BY a.id",
		    o, err);
}

int board_session_extra_programme(struct store *db, int64_t sid, struct out *o, struct beter_err *err)
{
	int rc;

	if ((rc = part(db, sid, "lesbezoeken", _("5. Did the lesson visits happen?"), visit_cols, N(visit_cols),
		       "SELECT v.id, v.date, ob.code, te.code, sv.happened FROM board_session_visit sv JOIN visit v ON "
		       "v.id = sv.visit_id JOIN person ob ON ob.id = v.observer_id JOIN person te ON te.id = v.teacher_id "
		       "WHERE sv.session_id = ?1 ORDER BY v.date, v.id", o, err)))
		return rc;
	return part(db, sid, "werksessie", _("5. Work session"), agenda_cols, N(agenda_cols),
		    "SELECT pos, topic, minutes FROM board_agenda WHERE session_id = ?1 ORDER BY pos", o, err);
}
