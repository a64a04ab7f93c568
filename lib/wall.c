/* wall.c - the datamuur of a period: values per indicator and group, and
 * notes with insights from research. */
#include "beter/period.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

#define WALL_TEXT_MAX 300

static void bind_real_or_null(struct store_stmt *st, int i, double v)
{
	if (isnan(v))
		store_bind_null(st, i);
	else
		store_bind_real(st, i, v);
}

static void bind_value(struct store_stmt *st, int64_t period, const struct wall_value *v)
{
	store_bind_int(st, 1, period);
	store_bind_text(st, 2, v->indicator);
	store_bind_text(st, 3, v->measure ? v->measure : "");
	store_bind_text(st, 4, v->group);
	store_bind_real(st, 5, v->value);
	if (v->n >= 0)
		store_bind_int(st, 6, v->n);
	else
		store_bind_null(st, 6);
	bind_real_or_null(st, 7, v->norm);
	store_bind_text(st, 8, v->unit && *v->unit ? v->unit : NULL);
	store_bind_text(st, 9, v->source && *v->source ? v->source : NULL);
	if (v->day)
		store_bind_day(st, 10, v->day);
	else
		store_bind_null(st, 10);
	bind_real_or_null(st, 11, v->previous);
}

static int check_value(const struct wall_value *v, struct beter_err *err)
{
	int rc;

	if ((rc = text_check(v->indicator, "--indicator", 1, WALL_TEXT_MAX, err)) ||
	    (rc = text_check(v->group, "--group", 1, WALL_TEXT_MAX, err)) ||
	    (rc = text_check(v->unit, "--unit", 0, 40, err)) || (rc = text_check(v->source, "--source", 0, WALL_TEXT_MAX, err)))
		return rc;
	if (!isfinite(v->value))
		return beter_err_set(err, BETER_DATAERR, "%s", _("--value: not a finite number"));
	if (v->unit && !strcmp(v->unit, "%")) {
		if (v->value < 0 || v->value > 100)
			return beter_err_set(err, BETER_DATAERR, _("--value: %g is not a percentage (0-100)"), v->value);
		if (!isnan(v->norm) && (v->norm < 0 || v->norm > 100))
			return beter_err_set(err, BETER_DATAERR, _("--norm: %g is not a percentage (0-100)"), v->norm);
		if (!isnan(v->previous) && (v->previous < 0 || v->previous > 100))
			return beter_err_set(err, BETER_DATAERR, _("--previous: %g is not a percentage (0-100)"), v->previous);
	}
	return 0;
}

/* What a value does not give (n, norm, unit, source, day, previous) the stored one keeps. */
#define WALL_SET \
	"value = ?5, n = coalesce(?6, n), norm = coalesce(?7, norm), unit = coalesce(?8, unit), " \
	"source = coalesce(?9, source), day = coalesce(?10, day), previous = coalesce(?11, previous)"
#define WALL_SAME \
	"value IS ?5 AND n IS coalesce(?6, n) AND norm IS coalesce(?7, norm) AND unit IS coalesce(?8, unit) AND " \
	"source IS coalesce(?9, source) AND day IS coalesce(?10, day) AND previous IS coalesce(?11, previous)"

int wall_put(struct store *db, int64_t period, const struct wall_value *v, int *changed, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	*changed = 0;
	if ((rc = check_value(v, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE wall_value SET " WALL_SET " WHERE period_id = ?1 AND indicator = ?2 AND "
				    "measure = ?3 AND grp = ?4 AND NOT (" WALL_SAME ")", &st, err)))
		return rc;
	bind_value(st, period, v);
	if ((rc = store_step_done(db, st, N_("changing the datamuur"), err)))
		return rc;
	if (store_changes(db)) {
		*changed = 2;
		return 0;
	}
	/* an INSERT OR IGNORE that is ignored would still move the AUTOINCREMENT counter */
	if ((rc = store_prepare(db, "SELECT 1 FROM wall_value WHERE period_id = ?1 AND indicator = ?2 AND measure = ?3 AND "
				    "grp = ?4", &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	store_bind_text(st, 2, v->indicator);
	store_bind_text(st, 3, v->measure ? v->measure : "");
	store_bind_text(st, 4, v->group);
	int found = store_next(db, st, &rc, N_("reading the datamuur"), err);
	store_finalize(st);
	if (rc || found)
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO wall_value(period_id, indicator, measure, grp, value, n, norm, "
				    "unit, source, day, previous, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
				&st, err)))
		return rc;
	bind_value(st, period, v);
	uid_new(uid);
	store_bind_text(st, 12, uid);
	if ((rc = store_step_done(db, st, N_("adding to the datamuur"), err)))
		return rc;
	*changed = store_changes(db) ? 1 : 0;
	return 0;
}

int wall_note_add(struct store *db, int64_t period, const char *text, const char *source, int day, int *added,
		  struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = text_check(text, _("the note"), 1, 2000, err)) ||
	    (rc = text_check(source, "--source", 0, WALL_TEXT_MAX, err)))
		return rc;
	*added = 0;
	if ((rc = store_prepare(db, "SELECT 1 FROM wall_note WHERE period_id = ?1 AND text = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	store_bind_text(st, 2, text);
	int found = store_next(db, st, &rc, N_("reading the notes"), err);
	store_finalize(st);
	if (rc || found)
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO wall_note(uid, period_id, text, source, added) "
				    "VALUES (?1, ?2, ?3, ?4, ?5)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, period);
	store_bind_text(st, 3, text);
	store_bind_text(st, 4, source && *source ? source : NULL);
	store_bind_day(st, 5, day);
	if ((rc = store_step_done(db, st, N_("adding the note"), err)))
		return rc;
	*added = store_changes(db);
	return 0;
}

static const struct out_col value_cols[] = {
	{ N_("indicator"), OUT_T_TEXT }, { N_("measure"), OUT_T_TEXT }, { N_("group"), OUT_T_TEXT },
	{ N_("value"), OUT_T_REAL },     { N_("unit"), OUT_T_TEXT },    { N_("norm"), OUT_T_REAL },
	{ N_("vs_norm"), OUT_T_REAL },   { N_("previous"), OUT_T_REAL }, { N_("change"), OUT_T_REAL },
	{ N_("n"), OUT_T_INT },          { N_("source"), OUT_T_TEXT },  { N_("date"), OUT_T_TEXT },
};
static const struct out_col note_cols[] = {
	{ N_("text"), OUT_T_TEXT }, { N_("source"), OUT_T_TEXT }, { N_("added"), OUT_T_TEXT },
};
static const struct out_col doc_cols[] = {
	{ N_("indicator"), OUT_T_TEXT }, { N_("measure"), OUT_T_TEXT }, { N_("group"), OUT_T_TEXT },
	{ N_("value"), OUT_T_REAL },     { N_("unit"), OUT_T_TEXT },    { N_("norm"), OUT_T_REAL },
	{ N_("vs_norm"), OUT_T_REAL },   { N_("previous"), OUT_T_REAL }, { N_("change"), OUT_T_REAL },
	{ N_("n"), OUT_T_INT },          { N_("source"), OUT_T_TEXT },  { N_("date"), OUT_T_TEXT },
	{ N_("text"), OUT_T_TEXT },      { N_("added"), OUT_T_TEXT },
};

/* Indicators in the order they came, their measures (levels in order, the
 * mean last) and groups side by side in their natural order. */
#define WALL_ORDER \
	"(SELECT min(x.id) FROM wall_value x WHERE x.period_id = w.period_id AND x.indicator = w.indicator), " \
	"CASE w.measure WHEN '' THEN 0 WHEN 'gemiddelde' THEN 2 ELSE 1 END, instr(' I II III IV V ', ' ' || w.measure || ' '), " \
	"length(w.grp), w.grp"

int wall_show(struct store *db, int64_t period, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT indicator, measure, grp, value, unit, norm, round(value - norm, 1), previous, "
				    "round(value - previous, 1), n, source, day FROM wall_value w WHERE period_id = ?1 "
				    "ORDER BY " WALL_ORDER, &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	out_doc_begin(o, doc_cols, sizeof(doc_cols) / sizeof(*doc_cols));
	out_section(o, "values", _("Datamuur"));
	if ((rc = store_rows(db, st, o, value_cols, sizeof(value_cols) / sizeof(*value_cols), 1, N_("reading the datamuur"),
			     err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT text, source, added FROM wall_note WHERE period_id = ?1 ORDER BY id", &st,
				err)))
		return rc;
	store_bind_int(st, 1, period);
	out_section(o, "notes", _("Insights from research"));
	if ((rc = store_rows(db, st, o, note_cols, sizeof(note_cols) / sizeof(*note_cols), 1, N_("reading the notes"), err)))
		return rc;
	out_doc_end(o);
	return 0;
}
