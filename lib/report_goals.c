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

/* A goal's line: P0 (the 0-meting) .. Pn, and the latest result. */
struct goal_line {
	char **labels;
	double *vals;
	size_t n, a;
	double latest;
	char latest_on[11];
};

static void line_add(struct goal_line *l, double v)
{
	char point[32];

	if (l->n == l->a) {
		l->a = l->a ? l->a * 2 : 8;
		l->labels = xrealloc(l->labels, l->a * sizeof(*l->labels));
		l->vals = xrealloc(l->vals, l->a * sizeof(*l->vals));
	}
	snprintf(point, sizeof(point), "P%zu", l->n);
	l->labels[l->n] = xstrdup(point);
	l->vals[l->n++] = v;
}

static void line_release(struct goal_line *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->labels[i]);
	free(l->labels);
	free(l->vals);
}

/* The goal's results up to the end of the period: its line and the rows of
 * the results table. */
static int goal_measures(struct bctx *b, struct store_stmt *st, struct store_stmt *ms, struct rep_table *mt, int64_t id,
			 struct goal_line *l)
{
	int rc;

	store_reset(ms);
	store_bind_int(ms, 1, id);
	store_bind_text(ms, 2, b->to);
	while (store_next(b->db, ms, &rc, N_("reading goal results"), b->err)) {
		line_add(l, store_col_real(ms, 1));
		l->latest = l->vals[l->n - 1];
		snprintf(l->latest_on, sizeof(l->latest_on), "%s", store_col(ms, 0));
		rep_cell(mt, col_text(st, 0));
		rep_cell(mt, rv_int(id));
		rep_cell(mt, rv_text(l->labels[l->n - 1]));
		rep_cell(mt, col_text(ms, 0));
		rep_cell(mt, rv_real(l->latest));
	}
	return rc;
}

/* The chart: P0 (0-meting) .. Pn against the norm. */
static void goal_chart(struct bctx *b, struct rep_section *s, struct store_stmt *st, int64_t id, double norm,
		       double base,
		       const struct goal_line *l)
{
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	char key[32];

	strbuf_addf(&title, "%s %lld (%s): %s", L(S_GOAL), (long long)id, store_col(st, 0), store_col(st, 2));
	strbuf_addf(&desc, "%s ", L(S_BASELINE_COL));
	human(b, &desc, rv_real(base));
	strbuf_addf(&desc, "; %s ", L(S_NORM));
	human(b, &desc, rv_real(norm));
	if (l->n > 1) {
		strbuf_addf(&desc, "; %s ", L(S_LATEST_LC));
		human(b, &desc, rv_real(l->latest));
		strbuf_addf(&desc, " (P%zu, %s)", l->n - 1, l->latest_on);
	} else
		strbuf_addf(&desc, "; %s", L(S_NO_RESULTS));
	strbuf_adds(&desc, ".");
	snprintf(key, sizeof(key), "goal-%lld", (long long)id);
	struct rep_chart *c = rep_chart_add(s, REP_CHART_LINE, key, strbuf_str(&title), strbuf_str(&desc), l->n,
					    (const char *const *)l->labels, 0, NULL, l->vals, 1, 10);
	c->norm = norm;
	c->baseline = base;
	strbuf_release(&title);
	strbuf_release(&desc);
}

struct goal_counts {
	int64_t active, achieved, dropped, on_norm;
};

/* One goal: its row, its results and its chart. */
static int goal_row(struct bctx *b, struct rep_section *s, struct rep_table *gt, struct rep_table *mt,
		    struct store_stmt *st, struct store_stmt *ms, struct goal_counts *k)
{
	int64_t id = store_col_int(st, 1);
	double norm = store_col_real(st, 3), base = store_col_real(st, 4);
	const char *status = store_col(st, 5);
	const char *closed = col_null(st, 6) ? NULL : store_col(st, 6);
	struct goal_line l = { .latest = NAN };
	int rc;

	/* closed after the period: it was active then */
	if (closed && strcmp(closed, b->to) > 0) {
		status = "active";
		closed = NULL;
	}
	line_add(&l, base); /* P0: the 0-meting */
	if ((rc = goal_measures(b, st, ms, mt, id, &l))) {
		line_release(&l);
		return rc;
	}
	rep_cell(gt, col_text(st, 0));
	rep_cell(gt, rv_int(id));
	rep_cell(gt, col_text(st, 2));
	rep_cell(gt, rv_real(norm));
	rep_cell(gt, rv_real(base));
	rep_cell(gt, rv_real(l.latest));
	rep_cell(gt, rv_int((int64_t)l.n - 1));
	status_text(b, gt, status);
	rep_cell(gt, rv_text(closed));
	if (!strcmp(status, "active")) {
		k->active++;
		k->on_norm += !isnan(l.latest) && round_to(l.latest, 1) >= round_to(norm, 1);
	}
	k->achieved += !strcmp(status, "achieved");
	k->dropped += !strcmp(status, "dropped");
	goal_chart(b, s, st, id, norm, base, &l);
	line_release(&l);
	return 0;
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
	struct store_stmt *st, *ms;
	struct goal_counts k = { 0, 0, 0, 0 };
	int rc, r2 = 0;

	if ((rc = store_prepare(b->db,
				"SELECT tm.name, g.id, g.text, g.norm, g.baseline, g.status, g.closed, g.added FROM goal g "
				"JOIN team tm ON tm.id = g.team_id WHERE" TEAM_SCOPE "AND g.added <= ?4 AND "
				"(g.closed IS NULL OR g.closed >= ?3) ORDER BY lower(tm.name), tm.id, g.added, g.id", &st, b->err)))
		return rc;
	if ((rc = store_prepare(b->db,
				"SELECT date, score FROM goal_measure WHERE goal_id = ?1 AND date <= ?2 ORDER BY date, id",
				&ms, b->err))) {
		store_finalize(st);
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
	while (!r2 && store_next(b->db, st, &rc, N_("reading goals"), b->err))
		r2 = goal_row(b, s, gt, mt, st, ms, &k);
	store_finalize(st);
	store_finalize(ms);
	if (rc || r2)
		return rc ? rc : r2;
	s->figs[0].v = rv_int(k.active);
	s->figs[1].v = rv_int(k.on_norm);
	s->figs[2].v = rv_int(k.achieved);
	s->figs[3].v = rv_int(k.dropped);
	if (!gt->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
