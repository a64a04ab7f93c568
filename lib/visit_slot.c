/* visit_slot.c - the slot rule: an observer is in one lesson at a time. A
 * visit with a time takes the slot (observer, date, time); a second visit
 * by the same observer in that slot is refused, whatever its teacher, while
 * two observers in one teacher's lesson (co-observing) are fine. A cancelled
 * visit frees its slot; a visit without a time is in none. The check is a
 * read inside the command's write transaction, before its write: on SQLite
 * the transaction holds the store's write lock from its start, on
 * PostgreSQL it is SERIALIZABLE, so two commands taking one slot at once
 * cannot both pass (the second fails to serialise, runs again and is then
 * refused here). Imported stores keep the visits they hold. */
#include <stdio.h>
#include <stdlib.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "visit_int.h"

int visit_slot_free(struct store *db, int64_t observer, int day, int time, int64_t self, const char *what,
		    struct beter_err *err)
{
	struct store_stmt *st;
	char date[11], tm[6];
	int rc;

	if (time < 0)
		return 0;
	date_format(day, date);
	snprintf(tm, sizeof(tm), "%02d:%02d", time / 60 % 24, time % 60);
	if ((rc = store_prepare(db, "SELECT v.id, o.code, t.code FROM visit v JOIN person o ON o.id = v.observer_id "
				    "JOIN person t ON t.id = v.teacher_id WHERE v.observer_id = ?1 AND v.date = ?2 AND "
				    "v.time = ?3 AND v.cancelled IS NULL AND v.id <> ?4 ORDER BY v.id LIMIT 1",
				&st, err)))
		return rc;
	store_bind_int(st, 1, observer);
	store_bind_text(st, 2, date);
	store_bind_text(st, 3, tm);
	store_bind_int(st, 4, self);
	if (store_next(db, st, &rc, N_("reading the observer's visits"), err)) {
		long long other = (long long)store_col_int(st, 0);
		rc = beter_err_set(err, BETER_DATAERR,
				   _("%s: %s has a visit on %s at %s already (visit %lld, to %s); an observer is in one "
				     "lesson at a time: choose another time, or move or cancel visit %lld first"),
				   what, store_col_text(st, 1), date, tm, other, store_col_text(st, 2), other);
	}
	store_finalize(st);
	return rc;
}

int visit_slot_free_for(struct store *db, int64_t id, int day, int time, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t observer = 0;
	int rc, found, t = time;

	if ((rc = store_prepare(db, "SELECT observer_id, time FROM visit WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if ((found = store_next(db, st, &rc, N_("reading the visit"), err))) {
		observer = store_col_int(st, 0);
		if (t < 0 && !store_col_null(st, 1) && time_parse(store_col_text(st, 1), &t, "time", NULL))
			t = -1; /* an imported time that is no HH:MM: in no slot beter can name */
	}
	store_finalize(st);
	if (rc || !found)
		return rc;
	return visit_slot_free(db, observer, day, t, id, time >= 0 ? "--time" : "--date", err);
}
