/* calendar.c - the school calendar in the store: days off, the school's
 * region, the import by UID and the school days a rhythm counts. */
#include "beter/calendar.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

#define CAL_NAME_MAX 200

int calendar_region_valid(const char *r)
{
	return r && (!strcasecmp(r, "noord") || !strcasecmp(r, "midden") || !strcasecmp(r, "zuid"));
}

int calendar_kind_valid(const char *k)
{
	return k && (!strcmp(k, "vakantie") || !strcmp(k, "studiedag") || !strcmp(k, "vrij"));
}

int calendar_set_region(struct store *db, int64_t school, const char *region, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if (region && !calendar_region_valid(region))
		return beter_err_set(err, BETER_DATAERR, _("--region: unknown region '%s' (use noord, midden or zuid)"),
				     region);
	if ((rc = store_prepare(db, "UPDATE school SET region = lower(?2) WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, region);
	return store_step_done(db, st, N_("setting the region"), err);
}

static int check_day(int from, int to, const char *kind, const char *name, const char *region, struct beter_err *err)
{
	int rc;

	if (to < from) {
		char f[11], t[11];
		date_format(from, f);
		date_format(to, t);
		return beter_err_set(err, BETER_DATAERR, _("--to: %s is before --from %s (give the last day off)"), t, f);
	}
	if (to - from > 366)
		return beter_err_set(err, BETER_DATAERR, _("--to: %d days off in one go; give at most a year"),
				     to - from + 1);
	if (!calendar_kind_valid(kind))
		return beter_err_set(err, BETER_DATAERR, _("--kind: unknown kind '%s' (use vakantie, studiedag or vrij)"),
				     kind ? kind : "");
	if (region && *region && !calendar_region_valid(region))
		return beter_err_set(err, BETER_DATAERR, _("--region: unknown region '%s' (use noord, midden or zuid)"),
				     region);
	if ((rc = text_check(name, "--name", 1, CAL_NAME_MAX, err)))
		return rc;
	return 0;
}

/* A stable uid for an imported day: the school's uid and the event's UID, hashed. */
static int import_uid(struct store *db, int64_t school, const char *ics_uid, char out[33], struct beter_err *err)
{
	unsigned char h[16];
	struct store_stmt *st;
	crypto_generichash_state gs;
	int rc;

	if ((rc = store_prepare(db, "SELECT uid FROM school WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	crypto_generichash_init(&gs, NULL, 0, sizeof(h));
	if (store_next(db, st, &rc, N_("reading the school"), err)) {
		const char *u = store_col(st, 0);
		crypto_generichash_update(&gs, (const unsigned char *)u, strlen(u) + 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	crypto_generichash_update(&gs, (const unsigned char *)"calendar\n", 9);
	crypto_generichash_update(&gs, (const unsigned char *)ics_uid, strlen(ics_uid));
	crypto_generichash_final(&gs, h, sizeof(h));
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
	return 0;
}

static int insert_day(struct store *db, int64_t school, int from, int to, const char *kind, const char *name,
		      const char *region, const char *ics_uid, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], today[11];
	int rc;

	if (ics_uid) {
		if ((rc = import_uid(db, school, ics_uid, uid, err)))
			return rc;
	} else {
		uid_new(uid);
	}
	if ((rc = store_prepare(db, "INSERT INTO calendar_day(uid, school_id, kind, name, region, from_date, to_date, "
				    "ics_uid, added) VALUES (?1, ?2, ?3, ?4, lower(?5), ?6, ?7, ?8, ?9)", &st, err)))
		return rc;
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_text(st, 3, kind);
	store_bind_text(st, 4, name);
	store_bind_text(st, 5, region && *region ? region : NULL);
	store_bind_day(st, 6, from);
	store_bind_day(st, 7, to);
	store_bind_text(st, 8, ics_uid);
	store_bind_text(st, 9, today);
	if ((rc = store_step_done(db, st, N_("adding the calendar day"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int calendar_add(struct store *db, int64_t school, int from, int to, const char *kind, const char *name,
		 const char *region, int64_t *id, struct beter_err *err)
{
	int rc;

	if ((rc = check_day(from, to, kind, name, region, err)))
		return rc;
	return insert_day(db, school, from, to, kind, name, region, NULL, id, err);
}

int calendar_rm(struct store *db, int64_t school, int64_t id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "DELETE FROM calendar_day WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, school);
	if ((rc = store_step_done(db, st, N_("removing the calendar day"), err)))
		return rc;
	if (store_changes(db) == 0)
		return beter_err_set(err, BETER_FAIL, _("no calendar day with number %lld (see 'beter calendar list')"),
				     (long long)id);
	return 0;
}

static const struct out_col list_cols[] = {
	{ N_("id"), OUT_T_INT },	 { N_("from"), OUT_T_TEXT },   { N_("to"), OUT_T_TEXT },      { N_("days"), OUT_T_INT },
	{ N_("kind"), OUT_T_TEXT },	 { N_("name"), OUT_T_TEXT },   { N_("region"), OUT_T_TEXT },  { N_("applies"), OUT_T_BOOL },
	{ N_("source"), OUT_T_TEXT },
};

int calendar_list(struct store *db, int64_t school, int from, int to, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db,
				"SELECT c.id, c.from_date, c.to_date, julianday(c.to_date) - julianday(c.from_date) + 1, "
				"c.kind, c.name, c.region, c.region IS NULL OR c.region = s.region, "
				"CASE WHEN c.ics_uid IS NULL THEN ?4 ELSE ?5 END "
				"FROM calendar_day c JOIN school s ON s.id = c.school_id "
				"WHERE c.school_id = ?1 AND c.to_date >= ?2 AND c.from_date <= ?3 "
				"ORDER BY c.from_date, c.region, c.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_day(st, 2, from);
	store_bind_day(st, 3, to);
	/* the source: English in JSON and CSV, in the interface's language for people */
	int people = o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD);
	store_bind_text(st, 4, people ? _("added") : "added");
	store_bind_text(st, 5, people ? _("imported") : "imported");
	return store_rows(db, st, o, list_cols, sizeof(list_cols) / sizeof(*list_cols), 1, N_("listing the calendar"),
			  err);
}

/* One event: added, updated or unchanged (*what 0, 1, 2). */
static int import_one(struct store *db, int64_t school, const struct cal_event *e, int *what, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found = 0;

	if ((rc = store_prepare(db, "SELECT id, kind = ?3 AND name = ?4 AND region IS lower(?5) AND from_date = ?6 "
				    "AND to_date = ?7 FROM calendar_day WHERE school_id = ?1 AND ics_uid = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, e->ics_uid);
	store_bind_text(st, 3, e->kind);
	store_bind_text(st, 4, e->name);
	store_bind_text(st, 5, *e->region ? e->region : NULL);
	store_bind_day(st, 6, e->from);
	store_bind_day(st, 7, e->to);
	int64_t id = 0, same = 0;
	if (store_next(db, st, &rc, N_("reading the calendar"), err)) {
		found = 1;
		id = store_col_int(st, 0);
		same = store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!found) {
		*what = 0;
		return insert_day(db, school, e->from, e->to, e->kind, e->name, e->region, e->ics_uid, NULL, err);
	}
	if (same) {
		*what = 2;
		return 0;
	}
	*what = 1;
	if ((rc = store_prepare(db, "UPDATE calendar_day SET kind = ?2, name = ?3, region = lower(?4), from_date = ?5, "
				    "to_date = ?6 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, e->kind);
	store_bind_text(st, 3, e->name);
	store_bind_text(st, 4, *e->region ? e->region : NULL);
	store_bind_day(st, 5, e->from);
	store_bind_day(st, 6, e->to);
	return store_step_done(db, st, N_("updating the calendar day"), err);
}

int calendar_import(struct store *db, int64_t school, const struct cal_events *ev, struct calendar_import_stats *s,
		    struct beter_err *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	s->skipped = (int64_t)ev->skipped;
	for (size_t i = 0; i < ev->n; i++) {
		const struct cal_event *e = &ev->v[i];
		int what = 0;
		if ((rc = text_check(e->name, "SUMMARY", 1, CAL_NAME_MAX, err)))
			return rc;
		if ((rc = import_one(db, school, e, &what, err)))
			return rc;
		s->added += what == 0;
		s->updated += what == 1;
		s->unchanged += what == 2;
	}
	return 0;
}

int calendar_load(struct store *db, int64_t school, int from, int to, struct calendar *cal, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	cal->from = from;
	cal->to = to < from ? from : to;
	cal->off = xcalloc((size_t)(cal->to - cal->from + 1), 1);
	if ((rc = store_prepare(db,
				"SELECT c.from_date, c.to_date FROM calendar_day c JOIN school s ON s.id = c.school_id "
				"WHERE c.school_id = ?1 AND (c.region IS NULL OR c.region = s.region) "
				"AND c.to_date >= ?2 AND c.from_date <= ?3", &st, err)))
		goto fail;
	store_bind_int(st, 1, school);
	store_bind_day(st, 2, from);
	store_bind_day(st, 3, to);
	while (store_next(db, st, &rc, N_("reading the calendar"), err)) {
		int a = date_of(store_col(st, 0)), b = date_of(store_col(st, 1));
		if (a < cal->from)
			a = cal->from;
		if (b > cal->to)
			b = cal->to;
		for (int d = a; d <= b; d++)
			cal->off[d - cal->from] = 1;
	}
	store_finalize(st);
	if (!rc)
		return 0;
fail:
	calendar_release(cal);
	return rc;
}

void calendar_release(struct calendar *cal)
{
	free(cal->off);
	cal->off = NULL;
}

int calendar_school_day(const struct calendar *cal, int day)
{
	if (date_weekday(day) > 5)
		return 0;
	if (cal && cal->off && day >= cal->from && day <= cal->to)
		return !cal->off[day - cal->from];
	return 1;
}

int calendar_school_week(const struct calendar *cal, int mon)
{
	for (int d = mon; d < mon + 5; d++)
		if (calendar_school_day(cal, d))
			return 1;
	return 0;
}
