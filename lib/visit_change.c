/* visit_change.c - visits as plans change: cancelled (a sick teacher, a
 * school trip), moved to another day, or made up for by a visit that takes
 * a missed one's place in coverage. */
#include "beter/visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "visit_int.h"

struct vstate {
	char date[11], recorded[11], cancelled[11];
	int64_t replaced_by; /* a visit (not cancelled) that makes up for this one */
	int word;            /* the latest board session's word on it (VISIT_WORD_*) */
};

static int load(struct store *db, int64_t school, int64_t id, struct vstate *s, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	memset(s, 0, sizeof(*s));
	if ((rc = store_prepare(db, "SELECT date, recorded, cancelled, (SELECT min(r.id) FROM visit r WHERE "
				    "r.replaces_id = v.id AND r.cancelled IS NULL), " VISIT_WORD_SQL("v.id", "'9999-12-31'")
				    " FROM visit v WHERE id = ?1 AND school_id = ?2",
				&st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, school);
	if ((found = store_next(db, st, &rc, N_("reading the visit"), err))) {
		snprintf(s->date, sizeof(s->date), "%s", store_col_text(st, 0));
		snprintf(s->recorded, sizeof(s->recorded), "%s", store_col_text(st, 1));
		snprintf(s->cancelled, sizeof(s->cancelled), "%s", store_col_text(st, 2));
		s->replaced_by = store_col_int(st, 3);
		s->word = visit_word_of(st, 4);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("no visit with number %lld (see 'beter visit list')"), (long long)id);
	return 0;
}

/* A visit that is still a plan: not recorded, not cancelled. */
static int still_planned(const struct vstate *s, int64_t id, const char *doing, struct beter_err *err)
{
	if (*s->recorded)
		return beter_err_set(err, BETER_DATAERR,
				     _("visit %lld took place (recorded on %s); a visit that took place cannot be %s"),
				     (long long)id, s->recorded, doing);
	if (*s->cancelled)
		return beter_err_set(err, BETER_DATAERR, _("visit %lld was cancelled on %s; plan a new one with 'beter visit "
							   "add'"), (long long)id, s->cancelled);
	return 0;
}

int visit_cancel(struct store *db, int64_t school, int64_t id, const char *reason, struct beter_err *err)
{
	struct store_stmt *st;
	struct vstate s;
	char *r = NULL, today[11];
	int rc;

	if ((rc = load(db, school, id, &s, err)) || (rc = still_planned(&s, id, _("cancelled"), err)) ||
	    (rc = visit_text_field(&r, reason, "--reason", err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE visit SET cancelled = ?2, cancel_reason = ?3 WHERE id = ?1", &st, err))) {
		free(r);
		return rc;
	}
	date_format(date_today(), today);
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, today);
	store_bind_text(st, 3, r);
	rc = store_step_done(db, st, N_("cancelling the visit"), err);
	free(r);
	return rc;
}

int visit_move(struct store *db, int64_t school, int64_t id, int day, int time, struct beter_err *err)
{
	struct store_stmt *st;
	struct vstate s;
	char t[6];
	int rc;

	if ((rc = load(db, school, id, &s, err)) || (rc = still_planned(&s, id, _("moved"), err)))
		return rc;
	if (date_weekday(day) > 5) {
		char d[11];
		date_format(day, d);
		return beter_err_set(err, BETER_DATAERR, _("--date: %s is a weekend day; lessons are visited on Monday to "
							   "Friday"), d);
	}
	if ((rc = visit_slot_free_for(db, id, day, time, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE visit SET date = ?2, time = coalesce(?3, time) WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_day(st, 2, day);
	if (time >= 0) {
		snprintf(t, sizeof(t), "%02d:%02d", time / 60 % 24, time % 60);
		store_bind_text(st, 3, t);
	}
	return store_step_done(db, st, N_("moving the visit"), err);
}

int visit_may_replace(struct store *db, int64_t school, int64_t missed, int today, struct beter_err *err)
{
	struct vstate s;
	struct visit_facts f = { 0 };
	int rc;

	if ((rc = load(db, school, missed, &s, err)))
		return rc;
	date_parse(s.date, &f.day, "date", NULL);
	f.recorded = *s.recorded != 0;
	f.cancelled = *s.cancelled != 0;
	f.word = s.word;
	if (visit_status_at(&f, today, VISIT_FEEDBACK_DAYS) != VISIT_MISSED)
		return beter_err_set(err, BETER_DATAERR,
				     _("--replaces: visit %lld is not missed (%s); a make-up visit replaces a planned visit "
				       "whose day passed without a record, or that a board session said did not take place"),
				     (long long)missed,
				     *s.recorded	       ? _("it took place")
				     : *s.cancelled	       ? _("it was cancelled")
				     : s.word == VISIT_WORD_HELD ? _("a board session said it took place")
							       : _("its day has not passed"));
	if (s.replaced_by)
		return beter_err_set(err, BETER_DATAERR, _("--replaces: visit %lld is made up for by visit %lld already"),
				     (long long)missed, (long long)s.replaced_by);
	return 0;
}

int visit_set_replaces(struct store *db, int64_t school, int64_t id, int64_t missed, int today,
		       struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = visit_may_replace(db, school, missed, today, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE visit SET replaces_id = ?2 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, missed);
	return store_step_done(db, st, N_("linking the make-up visit"), err);
}
