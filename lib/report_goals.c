/* report_goals.c - the report's section on goals. */
#include "report_int.h"

#include <math.h>
#include <string.h>


static void status_text(struct bctx *b, struct rep_table *t, const char *status)
{
	if (!strcmp(status, "achieved"))
		rep_cell(t, rv_text(L(S_ST_ACHIEVED)));
	else if (!strcmp(status, "dropped"))
		rep_cell(t, rv_text(L(S_ST_DROPPED)));
	else
		rep_cell(t, rv_text(L(S_ST_ACTIVE)));
}


/* A value as people read it, for chart descriptions. */
static void human(struct bctx *b, struct strbuf *sb, struct rv v)
{
	rv_human(sb, &v, b->ro->lang);
	rv_free(&v);
}


/* Goals against their norm and 0-meting: the team goals active at the end of
 * the period and those closed in it, a line chart per goal (P0..Pn). */
int report_section_goals(struct bctx *b)
{
	static const char *const gkeys[] = { "team", "goal", "text", "norm", "baseline", "latest", "results", "status",
					     "closed" };
	static const char *const mkeys[] = { "team", "goal", "point", "date", "score" };
	const char *glabels[] = { L(S_TEAM), L(S_GOAL), L(S_TEXT), L(S_NORM_COL), L(S_BASELINE_COL), L(S_LATEST),
				  L(S_RESULTS), L(S_STATUS), L(S_CLOSED) };
	const char *mlabels[] = { L(S_TEAM), L(S_GOAL), L(S_POINT), L(S_DATE), L(S_SCORE) };
	struct rep_section *s = rep_section_add(b->r, "goals", L(S_SEC_GOALS));
	struct rep_table *gt, *mt;
	sqlite3_stmt *st, *ms;
	int64_t active = 0, achieved = 0, dropped = 0, on_norm = 0;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT tm.name, g.id, g.text, g.norm, g.baseline, g.status, g.closed, g.added FROM goal g "
				"JOIN team tm ON tm.id = g.team_id WHERE" TEAM_SCOPE "AND g.added <= ?4 AND "
				"(g.closed IS NULL OR g.closed >= ?3) ORDER BY tm.name, tm.id, g.added, g.id", &st, b->err)))
		return rc;
	if ((rc = store_prepare(b->db,
				"SELECT date, score FROM goal_measure WHERE goal_id = ?1 AND date <= ?2 ORDER BY date, id",
				&ms, b->err))) {
		sqlite3_finalize(st);
		return rc;
	}
	bind_scope(b, st);
	/* the figures come first in every format: add them, then fill them */
	rep_figure_add(s, "goals_active", L(S_GOALS_ACTIVE), rv_int(0));
	rep_figure_add(s, "goals_on_norm", L(S_GOALS_ON_NORM), rv_int(0));
	rep_figure_add(s, "goals_achieved", L(S_GOALS_ACHIEVED), rv_int(0));
	rep_figure_add(s, "goals_dropped", L(S_GOALS_DROPPED), rv_int(0));
	gt = rep_table_add(s, "goals", L(S_GOALS_TABLE), 9, gkeys, glabels);
	mt = rep_table_add(s, "results", L(S_MEASURES_TABLE), 5, mkeys, mlabels);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 1);
		double norm = sqlite3_column_double(st, 3), base = sqlite3_column_double(st, 4), latest = NAN;
		const char *status = (const char *)sqlite3_column_text(st, 5);
		const char *closed = col_null(st, 6) ? NULL : (const char *)sqlite3_column_text(st, 6);
		char **labels = NULL, point[32], latest_on[11] = "";
		double *vals = NULL;
		size_t n = 0, a = 0;

		/* closed after the period: it was active then */
		if (closed && strcmp(closed, b->to) > 0) {
			status = "active";
			closed = NULL;
		}
		sqlite3_reset(ms);
		sqlite3_bind_int64(ms, 1, id);
		store_bind_text(ms, 2, b->to);
		labels = xrealloc(labels, (a = 8) * sizeof(*labels));
		vals = xrealloc(vals, a * sizeof(*vals));
		labels[0] = xstrdup("P0");
		vals[n++] = base; /* P0: the 0-meting */
		while (sqlite3_step(ms) == SQLITE_ROW) {
			if (n == a) {
				a *= 2;
				labels = xrealloc(labels, a * sizeof(*labels));
				vals = xrealloc(vals, a * sizeof(*vals));
			}
			snprintf(point, sizeof(point), "P%zu", n);
			labels[n] = xstrdup(point);
			vals[n] = sqlite3_column_double(ms, 1);
			latest = vals[n];
			snprintf(latest_on, sizeof(latest_on), "%s", (const char *)sqlite3_column_text(ms, 0));
			rep_cell(mt, col_text(st, 0));
			rep_cell(mt, rv_int(id));
			rep_cell(mt, rv_text(point));
			rep_cell(mt, col_text(ms, 0));
			rep_cell(mt, rv_real(vals[n]));
			n++;
		}
		rep_cell(gt, col_text(st, 0));
		rep_cell(gt, rv_int(id));
		rep_cell(gt, col_text(st, 2));
		rep_cell(gt, rv_real(norm));
		rep_cell(gt, rv_real(base));
		rep_cell(gt, rv_real(latest));
		rep_cell(gt, rv_int((int64_t)n - 1));
		status_text(b, gt, status);
		rep_cell(gt, rv_text(closed));
		if (!strcmp(status, "active")) {
			active++;
			on_norm += !isnan(latest) && round_to(latest, 1) >= round_to(norm, 1);
		}
		achieved += !strcmp(status, "achieved");
		dropped += !strcmp(status, "dropped");

		/* the chart: P0 (0-meting) .. Pn against the norm */
		{
			struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
			char key[32];
			strbuf_addf(&title, "%s %lld (%s): %s", L(S_GOAL), (long long)id, (const char *)sqlite3_column_text(st, 0),
				    (const char *)sqlite3_column_text(st, 2));
			strbuf_addf(&desc, "%s ", L(S_BASELINE_COL));
			human(b, &desc, rv_real(base));
			strbuf_addf(&desc, "; %s ", L(S_NORM));
			human(b, &desc, rv_real(norm));
			if (n > 1) {
				strbuf_addf(&desc, "; %s ", L(S_LATEST_LC));
				human(b, &desc, rv_real(latest));
				strbuf_addf(&desc, " (P%zu, %s)", n - 1, latest_on);
			} else
				strbuf_addf(&desc, "; %s", L(S_NO_RESULTS));
			strbuf_adds(&desc, ".");
			snprintf(key, sizeof(key), "goal-%lld", (long long)id);
			struct rep_chart *c = rep_chart_add(s, REP_CHART_LINE, key, strbuf_str(&title), strbuf_str(&desc), n,
							    (const char *const *)labels, 0, NULL, vals, 1, 10);
			c->norm = norm;
			c->baseline = base;
			strbuf_release(&title);
			strbuf_release(&desc);
		}
		for (size_t i = 0; i < n; i++)
			free(labels[i]);
		free(labels);
		free(vals);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(ms);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading goals");
	s->figs[0].v = rv_int(active);
	s->figs[1].v = rv_int(on_norm);
	s->figs[2].v = rv_int(achieved);
	s->figs[3].v = rv_int(dropped);
	if (!gt->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
