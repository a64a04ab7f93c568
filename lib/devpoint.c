#include "beter/devpoint.h"

#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/goal.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

#define POINT_MAX_BYTES 1000

int devpoint_add(struct store *db, int64_t person_id, const char *text, int day, int64_t visit_id, int64_t *id,
		 struct beter_err *err)
{
	struct store_stmt *st;
	int64_t school = store_int_bind(db, "SELECT school_id FROM person WHERE id = ?1", person_id, 0);
	int64_t gid;
	char *t;
	int rc;

	t = str_trim(xstrdup(text ? text : ""));
	if (!*t || strlen(t) > POINT_MAX_BYTES || !utf8_valid(t, strlen(t), NULL)) {
		free(t);
		return beter_err_set(err, BETER_DATAERR, _("--point: a development point must be 1-%d bytes of UTF-8 text"),
				     POINT_MAX_BYTES);
	}
	rc = goal_personal_add(db, school, person_id, t, day, &gid, err);
	free(t);
	if (rc)
		return rc;
	if (visit_id > 0) {
		if ((rc = store_prepare(db, "INSERT INTO visit_devpoint(visit_id, goal_id, made) VALUES (?1, ?2, 1)", &st,
					err)))
			return rc;
		store_bind_int(st, 1, visit_id);
		store_bind_int(st, 2, gid);
		if ((rc = store_step_done(db, st, N_("adding the development point"), err)))
			return rc;
	}
	if (id)
		*id = gid;
	return 0;
}

int devpoint_close(struct store *db, int64_t id, int day, struct beter_err *err)
{
	struct store_stmt *st;
	char date[11];
	int rc;

	if ((rc = store_prepare(db, "SELECT closed, added FROM goal WHERE id = ?1 AND person_id IS NOT NULL", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (!store_next(db, st, &rc, N_("reading the development point"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no development point with number %lld (see 'beter "
					       "visit points --teacher CODE')"), (long long)id);
	}
	date_format(day, date);
	if (!store_col_null(st, 0)) {
		beter_err_set(err, BETER_FAIL, _("development point %lld was closed already on %s"), (long long)id,
			      store_col_text(st, 0));
		store_finalize(st);
		return BETER_FAIL;
	}
	if (strcmp(date, store_col_text(st, 1)) < 0) {
		beter_err_set(err, BETER_DATAERR, _("--date: %s is before the point was made (%s)"), date,
			      store_col_text(st, 1));
		store_finalize(st);
		return BETER_DATAERR;
	}
	store_finalize(st);
	/* a development point that is worked on is an achieved personal goal */
	return goal_achieve(db, id, NULL, day, err);
}

int devpoint_focus_visit(struct store *db, int64_t visit_id, int64_t person_id, int *n, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "INSERT OR IGNORE INTO visit_devpoint(visit_id, goal_id, made) "
				    "SELECT ?1, id, 0 FROM goal WHERE person_id = ?2 AND status = 'active'", &st, err)))
		return rc;
	store_bind_int(st, 1, visit_id);
	store_bind_int(st, 2, person_id);
	if ((rc = store_step_done(db, st, N_("linking the visit to the development points"), err)))
		return rc;
	if (n)
		*n = store_changes(db);
	return 0;
}

int64_t devpoint_open_count(struct store *db, int64_t person_id)
{
	struct store_stmt *st;
	int64_t n = 0;
	int rc;

	if (store_prepare(db, "SELECT count(*) FROM goal WHERE person_id = ?1 AND status = 'active'", &st, NULL))
		return 0;
	store_bind_int(st, 1, person_id);
	if (store_next(db, st, &rc, N_("counting development points"), NULL))
		n = store_col_int(st, 0);
	store_finalize(st);
	return n;
}

/* A status as the output shows it: translated in a Dutch table, html or md
 * page; JSON, CSV and TSV keep the English value. */
static const char *word(const struct out *o, const char *s)
{
	return o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(s) : s;
}

static const struct out_col point_cols[] = {
	{ N_("id"), OUT_T_INT },	  { N_("point"), OUT_T_TEXT },	{ N_("status"), OUT_T_TEXT },       { N_("created"), OUT_T_DATE },
	{ N_("closed"), OUT_T_DATE }, { N_("from_visit"), OUT_T_INT }, { N_("focus_visits"), OUT_T_TEXT },
};

int devpoint_list(struct store *db, int64_t person_id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT g.id, g.text, CASE WHEN g.status = 'active' THEN ?2 ELSE ?3 END, "
				    "g.added, g.closed, (SELECT min(visit_id) FROM visit_devpoint WHERE goal_id = g.id AND made = 1), "
				    "(SELECT group_concat(visit_id, '|') FROM (SELECT visit_id FROM visit_devpoint "
				    "  WHERE goal_id = g.id AND made = 0 ORDER BY visit_id)) "
				    "FROM goal g WHERE g.person_id = ?1 ORDER BY g.status <> 'active', g.added, g.id",
				&st, err)))
		return rc;
	store_bind_int(st, 1, person_id);
	store_bind_text(st, 2, word(o, N_("open")));
	store_bind_text(st, 3, word(o, N_("closed")));
	return store_rows(db, st, o, point_cols, sizeof(point_cols) / sizeof(*point_cols), 1, N_("listing development points"),
			  err);
}
