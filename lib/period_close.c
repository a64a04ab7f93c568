/* period_close.c - the end of a period: each team's retrospective with the
 * check on its ambition, and the verbindingssessie that closes the period,
 * records its standards and opens the next. */
#include "beter/period.h"

#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

#define RETRO_TEXT_MAX 2000

int period_retro_add(struct store *db, int64_t period, const struct period_retro *r, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if (!r->reached || (strcmp(r->reached, "ja") && strcmp(r->reached, "deels") && strcmp(r->reached, "nee")))
		return beter_err_set(err, BETER_DATAERR, _("--goal-reached: '%s' is not ja, deels or nee"),
				     r->reached ? r->reached : "");
	if ((rc = text_check(r->went_well, "--went-well", 0, RETRO_TEXT_MAX, err)) ||
	    (rc = text_check(r->improve, "--improve", 0, RETRO_TEXT_MAX, err)) ||
	    (rc = text_check(r->ambition, "--ambition", 0, RETRO_TEXT_MAX, err)))
		return rc;
	if ((rc = store_prepare(db, "DELETE FROM period_retro WHERE period_id = ?1 AND team_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	store_bind_int(st, 2, r->team);
	if ((rc = store_step_done(db, st, N_("replacing the retrospective"), err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO period_retro(uid, period_id, team_id, went_well, improve, goal_reached, "
				    "ambition, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, period);
	store_bind_int(st, 3, r->team);
	store_bind_text(st, 4, r->went_well);
	store_bind_text(st, 5, r->improve);
	store_bind_text(st, 6, r->reached);
	store_bind_text(st, 7, r->ambition);
	store_bind_day(st, 8, r->day);
	return store_step_done(db, st, N_("adding the retrospective"), err);
}

/* The period's dates and when it was closed ("" when not). */
static int period_state(struct store *db, int64_t id, char from[11], char closed[11], struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*from = *closed = 0;
	if ((rc = store_prepare(db, "SELECT coalesce(from_date, ''), coalesce(closed, '') FROM period WHERE id = ?1", &st,
				err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_next(db, st, &rc, N_("reading the periods"), err)) {
		snprintf(from, 11, "%s", store_col(st, 0));
		snprintf(closed, 11, "%s", store_col(st, 1));
	}
	store_finalize(st);
	return rc;
}

static int add_standard(struct store *db, int64_t period, const struct period_standard *s, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(s->text, "--standard", 1, RETRO_TEXT_MAX, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO period_standard(uid, period_id, goal_id, text) VALUES (?1, ?2, ?3, ?4)",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, period);
	if (s->goal)
		store_bind_int(st, 3, s->goal);
	else
		store_bind_null(st, 3);
	store_bind_text(st, 4, s->text);
	return store_step_done(db, st, N_("recording the standard"), err);
}

static int open_next(struct store *db, int64_t school, int64_t period, const struct period_connect *c,
		     struct beter_err *err)
{
	char from[11], closed[11];
	struct store_stmt *st;
	int rc;

	if (c->next == period)
		return beter_err_set(err, BETER_DATAERR, "%s", _("--next: a period cannot open itself; give another period"));
	if ((rc = period_find(db, school, c->next, err)) || (rc = period_state(db, c->next, from, closed, err)))
		return rc;
	if (*closed)
		return beter_err_set(err, BETER_DATAERR, _("--next: period %lld was closed on %s"), (long long)c->next,
				     closed);
	if (!*from && !c->next_from)
		return beter_err_set(err, BETER_DATAERR,
				     _("--next: period %lld is a candidate without dates; give them with --next-from "
				       "and --next-to"),
				     (long long)c->next);
	if (c->next_from) {
		if (*from)
			return beter_err_set(err, BETER_DATAERR, _("--next-from: period %lld has its dates already"),
					     (long long)c->next);
		if ((rc = period_set_dates(db, school, c->next, c->next_from, c->next_to, err)))
			return rc;
	}
	if ((rc = store_prepare(db, "UPDATE period SET next_id = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	store_bind_int(st, 2, c->next);
	return store_step_done(db, st, N_("opening the next period"), err);
}

int period_connect(struct store *db, int64_t school, int64_t period, const struct period_connect *c,
		   struct beter_err *err)
{
	char from[11], closed[11], day[11];
	struct store_stmt *st;
	int rc;

	if ((rc = period_state(db, period, from, closed, err)))
		return rc;
	if (*closed)
		return beter_err_set(err, BETER_DATAERR, _("period %lld was closed by its verbindingssessie on %s"),
				     (long long)period, closed);
	if (!*from)
		return beter_err_set(err, BETER_DATAERR,
				     _("period %lld is a candidate without dates: it has no verbindingssessie"),
				     (long long)period);
	date_format(c->day, day);
	if (strcmp(day, from) < 0)
		return beter_err_set(err, BETER_DATAERR, _("--date: %s is before the period's first day %s"), day, from);
	if ((rc = text_check(c->successes, "--success", 0, 8000, err)) ||
	    (rc = text_check(c->story, "--story", 0, 8000, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE period SET closed = ?2, successes = ?3, story = ?4 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	store_bind_day(st, 2, c->day);
	store_bind_text(st, 3, c->successes);
	store_bind_text(st, 4, c->story);
	if ((rc = store_step_done(db, st, N_("closing the period"), err)))
		return rc;
	for (size_t i = 0; i < c->nstandards; i++)
		if ((rc = add_standard(db, period, &c->standards[i], err)))
			return rc;
	return c->next ? open_next(db, school, period, c, err) : 0;
}
