/* period.c - the improvement periods of the school's jaarbord: add, find,
 * list and show. */
#include "beter/period.h"

#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/team.h"
#include "beter/util.h"

#define THEME_MAX 200

static int check_tiv(struct store *db, int64_t tiv, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, ok = 0;
	char name[256] = "", kind[32] = "";

	if ((rc = store_prepare(db, "SELECT name, kind FROM team WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, tiv);
	if (store_next(db, st, &rc, N_("reading the team"), err)) {
		snprintf(name, sizeof(name), "%s", store_col(st, 0));
		snprintf(kind, sizeof(kind), "%s", store_col(st, 1));
		ok = !strcmp(kind, "tiv");
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!ok)
		return beter_err_set(err, BETER_DATAERR,
				     _("--tiv: team '%s' is of kind %s, not tiv (make it one with "
				       "'beter team edit \"%s\" --kind tiv')"),
				     name, kind, name);
	return 0;
}

static int check_overlap(struct store *db, int64_t school, int from, int to, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found = 0;
	char f[11], t[11], theme[THEME_MAX + 1] = "";
	int64_t other = 0;

	if ((rc = store_prepare(db, "SELECT id, theme, from_date, to_date FROM period WHERE school_id = ?1 AND "
				    "from_date IS NOT NULL AND from_date <= ?3 AND to_date >= ?2 ORDER BY from_date LIMIT 1",
				&st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_day(st, 2, from);
	store_bind_day(st, 3, to);
	if (store_next(db, st, &rc, N_("reading the periods"), err)) {
		found = 1;
		other = store_col_int(st, 0);
		snprintf(theme, sizeof(theme), "%s", store_col(st, 1));
		snprintf(f, sizeof(f), "%s", store_col(st, 2));
		snprintf(t, sizeof(t), "%s", store_col(st, 3));
	}
	store_finalize(st);
	if (rc || !found)
		return rc;
	return beter_err_set(err, BETER_DATAERR,
			     _("the period overlaps period %lld '%s' (%s to %s); periods of one school do not overlap: "
			       "choose other dates"),
			     (long long)other, theme, f, t);
}

static int check_dates(int from, int to, struct beter_err *err)
{
	if ((from != 0) != (to != 0))
		return beter_err_set(err, BETER_DATAERR, "%s", _("give both --from and --to, or neither (a candidate theme)"));
	if (to < from) {
		char f[11], t[11];
		date_format(from, f);
		date_format(to, t);
		return beter_err_set(err, BETER_DATAERR, _("--to: %s is before --from %s"), t, f);
	}
	return 0;
}

int period_add(struct store *db, int64_t school, const char *theme, int from, int to, int64_t tiv, int64_t *id,
	       struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(theme, "--theme", 1, THEME_MAX, err)))
		return rc;
	if ((rc = check_dates(from, to, err)))
		return rc;
	if ((tiv && (rc = check_tiv(db, tiv, err))) || (from && (rc = check_overlap(db, school, from, to, err))))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO period(uid, school_id, theme, from_date, to_date, tiv_id, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_text(st, 3, theme);
	if (from) {
		store_bind_day(st, 4, from);
		store_bind_day(st, 5, to);
	} else {
		store_bind_null(st, 4);
		store_bind_null(st, 5);
	}
	if (tiv)
		store_bind_int(st, 6, tiv);
	else
		store_bind_null(st, 6);
	store_bind_day(st, 7, date_today());
	if ((rc = store_step_done(db, st, N_("adding the period"), err)))
		return rc;
	*id = store_last_id(db);
	return 0;
}

int period_set_dates(struct store *db, int64_t school, int64_t id, int from, int to, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = check_dates(from, to, err)) || (rc = check_overlap(db, school, from, to, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE period SET from_date = ?2, to_date = ?3 WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_day(st, 2, from);
	store_bind_day(st, 3, to);
	return store_step_done(db, st, N_("dating the period"), err);
}

int period_find(struct store *db, int64_t school, int64_t id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found = 0;

	if ((rc = store_prepare(db, "SELECT 1 FROM period WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, school);
	found = store_next(db, st, &rc, N_("reading the periods"), err);
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("no period %lld (see 'beter period list')"), (long long)id);
	return 0;
}

int64_t period_at(struct store *db, int64_t school, int day)
{
	struct store_stmt *st;
	struct beter_err e = { 0 };
	int64_t id = 0;
	int rc;

	if (store_prepare(db, "SELECT id FROM period WHERE school_id = ?1 AND ?2 BETWEEN from_date AND to_date", &st, &e))
		return 0;
	store_bind_int(st, 1, school);
	store_bind_day(st, 2, day);
	if (store_next(db, st, &rc, N_("reading the periods"), &e))
		id = store_col_int(st, 0);
	store_finalize(st);
	return id;
}

/* the status of a period: a candidate has no dates, a closed one had its
 * verbindingssessie; the words are ?5-?8 (period_bind_status) */
#define PERIOD_STATUS \
	"CASE WHEN p.closed IS NOT NULL THEN CAST(?5 AS TEXT) WHEN p.from_date IS NULL THEN CAST(?6 AS TEXT) " \
	"WHEN p.from_date > ?9 THEN CAST(?7 AS TEXT) ELSE CAST(?8 AS TEXT) END"

/* The status words: English in JSON and CSV (the same in every language),
 * in the interface's language where people read them. */
static void period_bind_status(struct store_stmt *st, const struct out *o)
{
	static const char *const words[] = { N_("closed"), N_("candidate"), N_("planned"), N_("running") };
	int people = o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD);

	for (int i = 0; i < 4; i++)
		store_bind_text(st, 5 + i, people ? _(words[i]) : words[i]);
}

static const struct out_col period_cols[] = {
	{ N_("id"), OUT_T_INT },    { N_("theme"), OUT_T_TEXT }, { N_("from"), OUT_T_TEXT },
	{ N_("to"), OUT_T_TEXT },   { N_("tiv"), OUT_T_TEXT },   { N_("status"), OUT_T_TEXT },
	{ N_("closed"), OUT_T_TEXT },
};

int period_list(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT p.id, p.theme, p.from_date, p.to_date, t.name, " PERIOD_STATUS ", p.closed "
				    "FROM period p LEFT JOIN team t ON t.id = p.tiv_id WHERE p.school_id = ?1 "
				    "ORDER BY p.from_date IS NULL, p.from_date, p.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_day(st, 9, date_today());
	period_bind_status(st, o);
	return store_rows(db, st, o, period_cols, sizeof(period_cols) / sizeof(*period_cols), 1, N_("listing periods"),
			  err);
}

static const struct out_col show_cols[] = {
	{ N_("id"), OUT_T_INT },           { N_("theme"), OUT_T_TEXT },      { N_("from"), OUT_T_TEXT },
	{ N_("to"), OUT_T_TEXT },          { N_("tiv"), OUT_T_TEXT },        { N_("tiv_members"), OUT_T_TEXT },
	{ N_("status"), OUT_T_TEXT },      { N_("wall_values"), OUT_T_INT }, { N_("wall_notes"), OUT_T_INT },
	{ N_("retrospectives"), OUT_T_TEXT }, { N_("closed"), OUT_T_TEXT },   { N_("successes"), OUT_T_TEXT },
	{ N_("standards"), OUT_T_TEXT },   { N_("story"), OUT_T_TEXT },      { N_("next"), OUT_T_INT },
};

int period_show(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(
		     db,
		     "SELECT p.id, p.theme, p.from_date, p.to_date, t.name, "
		     "(SELECT group_concat(x.code, ', ') FROM (SELECT pe.code FROM team_member m JOIN person pe ON "
		     "pe.id = m.person_id WHERE m.team_id = p.tiv_id ORDER BY lower(pe.code)) x), " PERIOD_STATUS ", "
		     "(SELECT count(*) FROM wall_value w WHERE w.period_id = p.id), "
		     "(SELECT count(*) FROM wall_note w WHERE w.period_id = p.id), "
		     "(SELECT group_concat(x.s, '; ') FROM (SELECT rt.name || ': ' || r.goal_reached AS s FROM "
		     "period_retro r JOIN team rt ON rt.id = r.team_id WHERE r.period_id = p.id ORDER BY lower(rt.name)) x), "
		     "p.closed, p.successes, "
		     "(SELECT group_concat(x.text, '; ') FROM (SELECT s.text FROM period_standard s WHERE s.period_id = "
		     "p.id ORDER BY s.id) x), p.story, p.next_id "
		     "FROM period p LEFT JOIN team t ON t.id = p.tiv_id WHERE p.id = ?1",
		     &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_day(st, 9, date_today());
	period_bind_status(st, o);
	return store_rows(db, st, o, show_cols, sizeof(show_cols) / sizeof(*show_cols), 0, N_("period"), err);
}
