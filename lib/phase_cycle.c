/* phase_cycle.c - a phase that repeats each improvement period (the
 * leerKRACHT trajectory's Uitbouwen): the running period and its cycle
 * (theme prepared, goals set, work, retrospectives, verbindingssessie),
 * each step done or open as the records show it. */
#include "phase_int.h"

#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

int phase_is_cycle(const cJSON *model, const char *key)
{
	const cJSON *phases = cJSON_GetObjectItemCaseSensitive(model, "phases");

	for (const cJSON *p = phases ? phases->child : NULL; p && key; p = p->next)
		if (!strcmp(phase_jstr(p, "id"), key)) {
			const char *c = phase_jstr(p, "cycle");
			return c && !strcmp(c, "period");
		}
	return 0;
}

/* The running period: the earliest one not closed that has begun, else the
 * next one planned. */
struct cycle_period {
	int64_t id;
	char theme[256], from[11], to[11], closed[11], tiv[256];
	int started;
};

static int running_period(struct store *db, const struct phase_scope *sc, struct cycle_period *p,
			  struct beter_err *err)
{
	struct store_stmt *st;
	char today[11];
	int rc;

	memset(p, 0, sizeof(*p));
	date_format(sc->today, today);
	if ((rc = store_prepare(db, "SELECT p.id, p.theme, p.from_date, p.to_date, coalesce(p.closed, ''), "
				    "coalesce(t.name, ''), p.from_date <= ?2 FROM period p LEFT JOIN team t ON t.id = p.tiv_id "
				    "WHERE p.school_id = ?1 AND p.from_date IS NOT NULL AND p.closed IS NULL "
				    "ORDER BY p.from_date > ?2, p.from_date LIMIT 1", &st, err)))
		return rc;
	store_bind_int(st, 1, sc->school);
	store_bind_text(st, 2, today);
	if (store_next(db, st, &rc, N_("reading the periods"), err)) {
		p->id = store_col_int(st, 0);
		snprintf(p->theme, sizeof(p->theme), "%s", store_col(st, 1));
		snprintf(p->from, sizeof(p->from), "%s", store_col(st, 2));
		snprintf(p->to, sizeof(p->to), "%s", store_col(st, 3));
		snprintf(p->closed, sizeof(p->closed), "%s", store_col(st, 4));
		snprintf(p->tiv, sizeof(p->tiv), "%s", store_col(st, 5));
		p->started = (int)store_col_int(st, 6);
	}
	store_finalize(st);
	return rc;
}

static const struct out_col period_cols[] = {
	{ N_("period"), OUT_T_INT }, { N_("theme"), OUT_T_TEXT }, { N_("from"), OUT_T_DATE },
	{ N_("to"), OUT_T_DATE },    { N_("tiv"), OUT_T_TEXT },   { N_("status"), OUT_T_TEXT },
	{ N_("periods_closed"), OUT_T_INT },
};

static const struct out_col step_cols[] = {
	{ N_("n"), OUT_T_INT },      { N_("step"), OUT_T_TEXT }, { N_("activity"), OUT_T_TEXT },
	{ N_("status"), OUT_T_TEXT }, { N_("count"), OUT_T_INT }, { N_("of"), OUT_T_INT },
	{ N_("done"), OUT_T_DATE },
};

/* The teams of the cycle: the trajectory's team, or the teacher teams. */
#define CYCLE_TEAMS "(SELECT id FROM team WHERE school_id = ?1 AND ((?2 = 0 AND kind = 'leraren') OR id = ?2))"

/* Per step: count (-1: none), of (-1: none), the day it was done ("" when
 * not known) and whether it is done. ?1 school, ?2 team, ?3 period, ?4 its
 * first day, ?5 its last day, ?6 today. */
static const struct {
	const char *key, *text, *sql;
} steps[] = {
	{ "theme", N_("The TIV prepared the theme with a datamuur"),
	  "SELECT (SELECT count(*) FROM wall_value WHERE period_id = ?3) + (SELECT count(*) FROM wall_note WHERE "
	  "period_id = ?3), -1, coalesce((SELECT max(added) FROM wall_note WHERE period_id = ?3), ''), "
	  "(SELECT tiv_id IS NOT NULL FROM period WHERE id = ?3) AND (EXISTS (SELECT 1 FROM wall_value WHERE period_id "
	  "= ?3) OR EXISTS (SELECT 1 FROM wall_note WHERE period_id = ?3))" },
	{ "goals", N_("The teams set their goals for the period"),
	  "SELECT count(DISTINCT g.team_id), (SELECT count(*) FROM " CYCLE_TEAMS "), coalesce(max(g.added), ''), "
	  "count(DISTINCT g.team_id) = (SELECT count(*) FROM " CYCLE_TEAMS ") AND count(*) > 0 FROM goal g WHERE "
	  "g.team_id IN " CYCLE_TEAMS " AND g.added BETWEEN ?4 AND ?5" },
	{ "work", N_("The teams work on their goals: board sessions, lesson design, visits"),
	  "SELECT count(*), -1, CASE WHEN ?5 < ?6 THEN CAST(?5 AS TEXT) ELSE '' END, ?5 < ?6 FROM board_session s WHERE "
	  "s.team_id "
	  "IN " CYCLE_TEAMS " AND s.date BETWEEN ?4 AND min(?5, ?6)" },
	{ "retrospectives", N_("Each team held its retrospective of the period"),
	  "SELECT count(*), (SELECT count(*) FROM " CYCLE_TEAMS "), coalesce(max(r.day), ''), count(*) = (SELECT "
	  "count(*) FROM " CYCLE_TEAMS ") AND count(*) > 0 FROM period_retro r WHERE r.period_id = ?3 AND r.team_id IN "
	  CYCLE_TEAMS },
	{ "connect", N_("The verbindingssessie shared the successes and closed the period"),
	  "SELECT -1, -1, coalesce(closed, ''), closed IS NOT NULL FROM period WHERE id = ?3" },
};
#define NSTEPS (sizeof(steps) / sizeof(*steps))

static int step_row(struct store *db, const struct phase_scope *sc, const struct cycle_period *p, int i,
		    struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	char today[11];
	int rc;

	if ((rc = store_prepare(db, steps[i].sql, &st, err)))
		return rc;
	date_format(sc->today, today);
	store_bind_int(st, 1, sc->school);
	store_bind_int(st, 2, sc->team);
	store_bind_int(st, 3, p->id);
	store_bind_text(st, 4, p->from);
	store_bind_text(st, 5, p->to);
	store_bind_text(st, 6, today);
	if (store_next(db, st, &rc, N_("reading the period"), err)) {
		int done = (int)store_col_int(st, 3);
		const char *word = done ? N_("done") : (i == 2 && p->started) ? N_("running") : N_("open");
		out_int(o, i + 1);
		out_text(o, steps[i].key);
		out_text(o, phase_word(o, steps[i].text));
		out_text(o, phase_word(o, word));
		for (int c = 0; c < 2; c++)
			if (store_col_int(st, c) < 0)
				out_null(o);
			else
				out_int(o, store_col_int(st, c));
		if (done && *store_col(st, 2))
			out_text(o, store_col(st, 2));
		else
			out_null(o);
		out_row_end(o);
	}
	store_finalize(st);
	return rc;
}

int phase_cycle_out(struct store *db, const struct phase_scope *sc, struct out *o, struct beter_err *err)
{
	struct cycle_period p;
	int rc;

	if ((rc = running_period(db, sc, &p, err)))
		return rc;
	out_section(o, "period", _("Period"));
	out_record(o, period_cols, sizeof(period_cols) / sizeof(*period_cols));
	if (p.id) {
		out_int(o, p.id);
		out_text(o, p.theme);
		out_text(o, p.from);
		out_text(o, p.to);
		out_text(o, *p.tiv ? p.tiv : NULL);
		out_text(o, phase_word(o, p.started ? N_("running") : N_("planned")));
	} else {
		for (int i = 0; i < 5; i++)
			out_null(o);
		out_text(o, phase_word(o, N_("none")));
	}
	out_int(o, store_int_bind(db, "SELECT count(*) FROM period WHERE school_id = ?1 AND closed IS NOT NULL", sc->school,
				  0));
	out_end(o);
	out_section(o, "cycle", _("Cycle of the period"));
	out_list(o, step_cols, sizeof(step_cols) / sizeof(*step_cols));
	for (size_t i = 0; p.id && i < NSTEPS && !rc; i++)
		rc = step_row(db, sc, &p, (int)i, o, err);
	out_end(o);
	return rc;
}

int phase_scope_load(struct store *db, int64_t trajectory, int today, struct phase_scope *sc, cJSON **model,
		     char *key, size_t keysize, struct beter_err *err)
{
	struct store_stmt *st;
	char mkey[64] = "";
	int rc, found;

	memset(sc, 0, sizeof(*sc));
	*model = NULL;
	if (keysize)
		*key = 0;
	sc->trajectory = trajectory;
	sc->today = today;
	if ((rc = store_prepare(db, "SELECT t.school_id, coalesce(t.team_id, 0), t.started, coalesce(t.ended, ?2), "
				    "t.model_key, (SELECT p.key FROM trajectory_phase p WHERE p.trajectory_id = t.id AND "
				    "p.status = 'active') FROM trajectory t WHERE t.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, trajectory);
	store_bind_day(st, 2, today);
	found = store_next(db, st, &rc, N_("reading the trajectory"), err);
	if (found) {
		sc->school = store_col_int(st, 0);
		sc->team = store_col_int(st, 1);
		snprintf(sc->from, sizeof(sc->from), "%s", store_col(st, 2));
		snprintf(sc->to, sizeof(sc->to), "%s", store_col(st, 3));
		snprintf(mkey, sizeof(mkey), "%s", store_col(st, 4));
		if (keysize)
			snprintf(key, keysize, "%s", store_col_null(st, 5) ? "" : store_col(st, 5));
	}
	store_finalize(st);
	if (rc || !found)
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no trajectory #%lld"), (long long)trajectory);
	/* the model as it is now: a trajectory keeps its own copy of the
	 * phases, its targets and cycle follow the model */
	if ((rc = phase_model_load(db, sc->school, mkey, model, NULL, err)) == BETER_FAIL) {
		beter_err_clear(err);
		*model = NULL;
		return 0;
	}
	return rc;
}

int phase_before_cycle(struct store *db, int64_t school, int *found, char *now, size_t nowsize, char *next,
		       size_t nextsize, struct beter_err *err)
{
	struct phase_scope sc;
	cJSON *model;
	char key[64];
	int64_t tid;
	int rc;

	*found = 0;
	if ((rc = phase_active(db, school, PHASE_SCHOOL, &tid, err)) == BETER_FAIL) {
		beter_err_clear(err);
		return 0;
	}
	if (rc)
		return rc;
	if ((rc = phase_scope_load(db, tid, date_today(), &sc, &model, key, sizeof(key), err)))
		return rc;
	const cJSON *phases = model ? cJSON_GetObjectItemCaseSensitive(model, "phases") : NULL;
	for (const cJSON *p = phases ? phases->child : NULL; p; p = p->next)
		if (!strcmp(phase_jstr(p, "id"), key) && p->next && phase_is_cycle(model, phase_jstr(p->next, "id"))) {
			snprintf(now, nowsize, "%s", phase_jstr(p, "name"));
			snprintf(next, nextsize, "%s", phase_jstr(p->next, "name"));
			*found = 1;
		}
	cJSON_Delete(model);
	return 0;
}
