/* board_checkin.c - the board's check-in section (the latest session's
 * scores per person and the team's trend) and its werksessie section (the
 * programme set in the latest session, for the next one). */
#include "beter/board.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "board_int.h"

const struct out_col board_checkin_cols[BOARD_CHECKIN_NCOLS] = {
	{ N_("team"), OUT_T_TEXT }, { N_("date"), OUT_T_TEXT }, { N_("code"), OUT_T_TEXT }, { N_("name"), OUT_T_TEXT },
	{ N_("score"), OUT_T_REAL }, { N_("trend"), OUT_T_TEXT },
};
const struct out_col board_werksessie_cols[BOARD_WERKSESSIE_NCOLS] = {
	{ N_("team"), OUT_T_TEXT }, { N_("date"), OUT_T_TEXT }, { N_("pos"), OUT_T_INT }, { N_("topic"), OUT_T_TEXT },
	{ N_("minutes"), OUT_T_INT },
};

const struct out_col board_steps_cols[BOARD_STEPS_NCOLS] = {
	{ N_("team"), OUT_T_TEXT }, { N_("step"), OUT_T_INT }, { N_("title"), OUT_T_TEXT }, { N_("question"), OUT_T_TEXT },
};

int board_steps_rows(const char *team_name, struct out *o)
{
	for (int i = 0; i < BOARD_STEPS; i++) {
		if (team_name)
			out_text(o, team_name);
		out_int(o, i + 1);
		out_text(o, board_word(o, board_steps[i].title));
		out_text(o, board_word(o, board_steps[i].question));
		out_row_end(o);
	}
	return 0;
}

static const char *trend(double now, double before)
{
	if (isnan(before) || isnan(now))
		return NULL;
	return now > before + 0.05 ? N_("up") : now < before - 0.05 ? N_("down") : N_("same");
}

/* The latest two sessions with check-ins up to asof (0 when none). */
static int latest(struct store *db, int64_t team, int asof, int64_t *last, char date[11], int64_t *prev,
		  struct beter_err *err)
{
	struct store_stmt *st;
	int rc, n = 0;

	*last = *prev = 0;
	if ((rc = store_prepare(db, "SELECT id, date FROM board_session WHERE team_id = ?1 AND date <= ?2 AND EXISTS "
				    "(SELECT 1 FROM board_checkin c WHERE c.session_id = board_session.id) "
				    "ORDER BY date DESC LIMIT 2", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_day(st, 2, asof);
	while (store_next(db, st, &rc, N_("reading the check-in"), err)) {
		if (n++ == 0) {
			*last = store_col_int(st, 0);
			snprintf(date, 11, "%s", store_col(st, 1));
		} else {
			*prev = store_col_int(st, 0);
		}
	}
	store_finalize(st);
	return rc;
}

static void row(struct out *o, const char *team_name, const char *date, const char *code, const char *name,
		double now, double before)
{
	if (team_name)
		out_text(o, team_name);
	out_text(o, date);
	out_text(o, code);
	out_text(o, name);
	out_real(o, round(now * 10) / 10);
	out_text(o, board_word(o, trend(now, before)));
	out_row_end(o);
}

int board_checkin_rows(struct store *db, int64_t team, const char *team_name, int asof, struct out *o,
		       struct beter_err *err)
{
	struct store_stmt *st;
	int64_t last, prev;
	char date[11] = "";
	double sum = 0, psum = 0;
	int rc, n = 0, pn = 0;

	if ((rc = latest(db, team, asof, &last, date, &prev, err)) || !last)
		return rc;
	/* per person: the latest score, and their score the session before */
	if ((rc = store_prepare(db, "SELECT p.code, p.name, c.score, (SELECT c2.score FROM board_checkin c2 WHERE "
				    "c2.session_id = ?2 AND c2.person_id = c.person_id) FROM board_checkin c JOIN person p "
				    "ON p.id = c.person_id WHERE c.session_id = ?1 ORDER BY p.code", &st, err)))
		return rc;
	store_bind_int(st, 1, last);
	store_bind_int(st, 2, prev);
	while (store_next(db, st, &rc, N_("reading the check-in"), err)) {
		double now = store_col_real(st, 2), before = store_col_null(st, 3) ? NAN : store_col_real(st, 3);
		row(o, team_name, date, store_col(st, 0), store_col(st, 1), now, before);
		sum += now;
		n++;
	}
	store_finalize(st);
	if (rc || !n)
		return rc;
	/* the team: the mean, against the mean of the session before */
	if (prev) {
		if ((rc = store_prepare(db, "SELECT score FROM board_checkin WHERE session_id = ?1", &st, err)))
			return rc;
		store_bind_int(st, 1, prev);
		while (store_next(db, st, &rc, N_("reading the check-in"), err)) {
			psum += store_col_real(st, 0);
			pn++;
		}
		store_finalize(st);
		if (rc)
			return rc;
	}
	row(o, team_name, date, NULL, board_word(o, N_("the team (mean)")), sum / n, pn ? psum / pn : NAN);
	return 0;
}

int board_werksessie_rows(struct store *db, int64_t team, const char *team_name, int asof, struct out *o,
			  struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db,
				"SELECT s.date, a.pos, a.topic, a.minutes FROM board_agenda a JOIN board_session s ON "
				"s.id = a.session_id WHERE s.id = (SELECT id FROM board_session WHERE team_id = ?1 AND date <= ?2 "
				"AND EXISTS (SELECT 1 FROM board_agenda b WHERE b.session_id = board_session.id) "
				"ORDER BY date DESC LIMIT 1) ORDER BY a.pos", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_day(st, 2, asof);
	while (store_next(db, st, &rc, N_("reading the werksessie"), err)) {
		if (team_name)
			out_text(o, team_name);
		out_text(o, store_col(st, 0));
		out_int(o, store_col_int(st, 1));
		out_text(o, store_col(st, 2));
		out_int(o, store_col_int(st, 3));
		out_row_end(o);
	}
	store_finalize(st);
	return rc;
}
