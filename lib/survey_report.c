/* survey_report.c - statistics, small-group suppression, reports per item,
 * scale, team or rater category, and the comparison of two waves.
 *
 * Responses are read as packed rows and aggregated here in C: per group,
 * answer counts per item and value, and per scale the respondents' scale
 * scores (the mean of their answers on the scale's items, reverse items
 * turned) with Welford's running mean and variance.
 */
#include "beter/survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "beter/survey_seal.h"

/* ---- statistics ---- */

void survey_stat_add(struct survey_stat *s, double x)
{
	double d = x - s->mean;
	s->n++;
	s->mean += d / (double)s->n;
	s->m2 += d * (x - s->mean);
}

double survey_stat_sd(const struct survey_stat *s)
{
	if (s->n < 2)
		return NAN;
	return sqrt(s->m2 / (double)(s->n - 1));
}

double survey_cohen_d(const struct survey_stat *a, const struct survey_stat *b)
{
	if (a->n < 2 || b->n < 2)
		return NAN;
	double pooled = sqrt((a->m2 + b->m2) / (double)(a->n + b->n - 2));
	if (!(pooled > 0))
		return NAN;
	return (b->mean - a->mean) / pooled;
}

void survey_suppress(const int64_t *n, size_t k, int64_t total, int64_t min_n, int *hidden, int *total_hidden)
{
	size_t nhidden = 0;

	*total_hidden = total < min_n;
	for (size_t i = 0; i < k; i++) {
		hidden[i] = *total_hidden || n[i] < min_n;
		nhidden += hidden[i] && n[i] > 0;
	}
	if (*total_hidden || nhidden != 1)
		return;
	/* one hidden group beside a shown total: hide the smallest shown group too */
	size_t pick = k;
	for (size_t i = 0; i < k; i++)
		if (!hidden[i] && n[i] > 0 && (pick == k || n[i] < n[pick]))
			pick = i;
	if (pick < k)
		hidden[pick] = 1;
}

int survey_by_parse(const char *s)
{
	static const char *const names[] = { "scale", "item", "team", "rater" };
	for (int i = 0; i < 4; i++)
		if (s && !strcmp(s, names[i]))
			return i;
	return -1;
}

static double round2(double x)
{
	return isnan(x) ? x : round(x * 100.0) / 100.0;
}

/* ---- aggregation ---- */

struct agg {
	int64_t key;        /* team id, rater index or wave index; -1 for none */
	char *name;
	int64_t respondents;
	int64_t *icount;    /* npacked x nvals answer counts (turned values) */
	struct survey_stat *istat;
	struct survey_stat *sstat;
	int64_t *sdist;     /* nscales x nvals, rounded scale scores */
};

struct aggset {
	const struct survey_instrument *in;
	int lo, hi, nvals;
	struct agg *g;
	size_t n, cap;
	double *ssum;
	int *scnt;
	int *item_of_pos; /* pos-1 -> item index */
};

static void aggset_init(struct aggset *a, const struct survey_instrument *in)
{
	memset(a, 0, sizeof(*a));
	a->in = in;
	a->lo = 1 << 20;
	a->hi = -(1 << 20);
	for (int i = 0; i < in->nlikert; i++) {
		if (in->likert[i].lo < a->lo)
			a->lo = in->likert[i].lo;
		if (in->likert[i].hi > a->hi)
			a->hi = in->likert[i].hi;
	}
	a->nvals = a->hi - a->lo + 1;
	a->ssum = xcalloc((size_t)in->nscales + 1, sizeof(double));
	a->scnt = xcalloc((size_t)in->nscales + 1, sizeof(int));
	a->item_of_pos = xcalloc((size_t)in->npacked + 1, sizeof(int));
	for (int i = 0; i < in->nitems; i++)
		if (in->items[i].pos)
			a->item_of_pos[in->items[i].pos - 1] = i;
}

static void aggset_release(struct aggset *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->g[i].name);
		free(a->g[i].icount);
		free(a->g[i].istat);
		free(a->g[i].sstat);
		free(a->g[i].sdist);
	}
	free(a->g);
	free(a->ssum);
	free(a->scnt);
	free(a->item_of_pos);
}

static struct agg *aggset_group(struct aggset *a, int64_t key)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->g[i].key == key)
			return &a->g[i];
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->g = xrealloc(a->g, a->cap * sizeof(*a->g));
	}
	struct agg *g = &a->g[a->n++];
	const struct survey_instrument *in = a->in;
	memset(g, 0, sizeof(*g));
	g->key = key;
	g->icount = xcalloc((size_t)(in->npacked + 1) * (size_t)a->nvals, sizeof(int64_t));
	g->istat = xcalloc((size_t)in->npacked + 1, sizeof(*g->istat));
	g->sstat = xcalloc((size_t)in->nscales + 1, sizeof(*g->sstat));
	g->sdist = xcalloc((size_t)(in->nscales + 1) * (size_t)a->nvals, sizeof(int64_t));
	return g;
}

static void agg_row(struct aggset *a, struct agg *g, const unsigned char *ans, int len)
{
	const struct survey_instrument *in = a->in;
	int np = len < in->npacked ? len : in->npacked;

	memset(a->ssum, 0, (size_t)in->nscales * sizeof(double));
	memset(a->scnt, 0, (size_t)in->nscales * sizeof(int));
	g->respondents++;
	for (int p = 0; p < np; p++) {
		if (!ans[p])
			continue;
		int i = a->item_of_pos[p];
		const struct survey_item *it = &in->items[i];
		const struct survey_likert *lk = &in->likert[in->scales[it->scale].likert];
		int v = survey_unpack(lk->lo, ans[p]);
		if (v > lk->hi)
			continue; /* not written by beter; ignore */
		int t = survey_turn(lk->lo, lk->hi, v, it->reverse);
		g->icount[(size_t)p * (size_t)a->nvals + (size_t)(t - a->lo)]++;
		survey_stat_add(&g->istat[p], t);
		a->ssum[it->scale] += t;
		a->scnt[it->scale]++;
	}
	for (int s = 0; s < in->nscales; s++) {
		if (!a->scnt[s])
			continue;
		double score = a->ssum[s] / a->scnt[s];
		survey_stat_add(&g->sstat[s], score);
		int r = (int)floor(score + 0.5);
		g->sdist[(size_t)s * (size_t)a->nvals + (size_t)(r - a->lo)]++;
	}
}

/* ---- output helpers ---- */

struct cols {
	struct out_col *c;
	size_t n, cap;
	char **owned;
	size_t nowned;
};

static void cols_add(struct cols *c, const char *name, enum out_type t)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->c[i].name, name))
			return;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->c = xrealloc(c->c, c->cap * sizeof(*c->c));
	}
	c->c[c->n].name = name;
	c->c[c->n].prec = t == OUT_T_REAL ? 2 : 0; /* means and SDs: two decimals in a table */
	c->c[c->n++].type = t;
}

static void cols_add_dist(struct cols *c, int lo, int hi)
{
	for (int v = lo; v <= hi; v++) {
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "count_%d", v);
		c->owned = xrealloc(c->owned, (c->nowned + 1) * sizeof(char *));
		c->owned[c->nowned++] = strbuf_detach(&sb);
		cols_add(c, c->owned[c->nowned - 1], OUT_T_INT);
	}
}

static void cols_release(struct cols *c)
{
	for (size_t i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->c);
}

static void out_realn(struct out *o, double v)
{
	if (isnan(v))
		out_null(o);
	else
		out_real(o, round2(v));
}

/* n, mean, sd, the distribution over a's range (values outside lk: null) and suppressed */
static void out_stats(struct out *o, const struct aggset *a, const struct survey_stat *s, const int64_t *dist,
		      const struct survey_likert *lk, int hidden)
{
	if (hidden) {
		out_null(o);
		out_null(o);
		out_null(o);
		for (int v = a->lo; v <= a->hi; v++)
			out_null(o);
		out_bool(o, 1);
		return;
	}
	out_int(o, s->n);
	out_realn(o, s->n ? s->mean : NAN);
	out_realn(o, survey_stat_sd(s));
	for (int v = a->lo; v <= a->hi; v++) {
		if (v < lk->lo || v > lk->hi)
			out_null(o);
		else
			out_int(o, dist[v - a->lo]);
	}
	out_bool(o, 0);
}

/* ---- the school leader's own answers in a 360-degree feedback ----
 * The rater category 'zelf' is the leader's own: shown beside the others
 * (theirs to see, so not suppressed), never counted into the total or any
 * group, which are the others only. */

static int self_row(const struct survey_seal *seal, const char *rater)
{
	return seal->on && rater && !strcmp(rater, SURVEY_SEAL_SELF);
}

static void self_out(struct out *o, const struct aggset *self, const struct survey_instrument *in, int s)
{
	const char *label = SURVEY_SEAL_SELF;
	if (!self->n || !self->g[0].sstat[s].n)
		return;
	for (int i = 0; i < in->nraters; i++)
		if (!strcmp(in->raters[i].id, SURVEY_SEAL_SELF))
			label = in->raters[i].label;
	out_text(o, label);
	out_text(o, in->scales[s].id);
	out_text(o, in->scales[s].title);
	out_stats(o, self, &self->g[0].sstat[s], self->g[0].sdist + (size_t)s * (size_t)self->nvals,
		  &in->likert[in->scales[s].likert], 0);
	out_row_end(o);
}

/* ---- reports ---- */

struct survey_info {
	int64_t id, team, school, instrument_id;
	char *wave, *team_name, *code;
};

static int load_info(sqlite3 *db, int64_t id, struct survey_info *si, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(si, 0, sizeof(*si));
	if ((rc = store_prepare(db, "SELECT s.school_id, coalesce(s.team_id, 0), s.wave, t.name, i.code, i.id "
				    "FROM survey s JOIN survey_instrument i ON i.id = s.instrument_id "
				    "LEFT JOIN team t ON t.id = s.team_id WHERE s.id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_FAIL, "no survey with number %lld (see 'beter survey list')", (long long)id);
	}
	si->id = id;
	si->school = sqlite3_column_int64(st, 0);
	si->team = sqlite3_column_int64(st, 1);
	si->wave = xstrdup(store_col_text(st, 2));
	si->team_name = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL : xstrdup(store_col_text(st, 3));
	si->code = xstrdup(store_col_text(st, 4));
	si->instrument_id = sqlite3_column_int64(st, 5);
	sqlite3_finalize(st);
	return 0;
}

static void info_release(struct survey_info *si)
{
	free(si->wave);
	free(si->team_name);
	free(si->code);
}

static int group_cmp_name(const void *x, const void *y)
{
	const struct agg *a = x, *b = y;
	if ((a->key < 0) != (b->key < 0))
		return a->key < 0 ? 1 : -1;
	if (a->name && b->name)
		return strcmp(a->name, b->name);
	return (a->key > b->key) - (a->key < b->key);
}

static int group_cmp_key(const void *x, const void *y)
{
	const struct agg *a = x, *b = y;
	if ((a->key < 0) != (b->key < 0))
		return a->key < 0 ? 1 : -1;
	return (a->key > b->key) - (a->key < b->key);
}

static int64_t effective_min(const struct survey_instrument *in, int64_t min_n)
{
	int64_t m = min_n > 0 ? min_n : in->min_n;
	return m < SURVEY_MIN_N_FLOOR ? SURVEY_MIN_N_FLOOR : m;
}

int survey_report(sqlite3 *db, int64_t survey, enum survey_by by, int64_t min_n, const char *key_file, struct out *o,
		  struct beter_err *err)
{
	static const char *const by_names[] = { "scale", "item", "team", "rater" };
	struct survey_info si;
	struct survey_instrument in;
	struct aggset a, self;
	struct survey_seal seal;
	struct agg total;
	struct cols all = { 0 }, head = { 0 }, res = { 0 }, com = { 0 };
	sqlite3_stmt *st = NULL;
	int64_t iid, minn;
	int rc;

	if (min_n && min_n < SURVEY_MIN_N_FLOOR)
		return beter_err_set(err, BETER_DATAERR, "--min-n: %lld is below %d, the smallest group beter shows",
				     (long long)min_n, SURVEY_MIN_N_FLOOR);
	if ((rc = load_info(db, survey, &si, err)))
		return rc;
	if ((rc = survey_instrument_get(db, si.code, 0, &in, &iid, err))) {
		info_release(&si);
		return rc;
	}
	if (by == SURVEY_BY_RATER && !in.nraters) {
		rc = beter_err_set(err, BETER_USAGE, "--by rater: '%s' has no rater categories (only a 360-degree feedback "
				   "has them)", in.id);
		survey_instrument_release(&in);
		info_release(&si);
		return rc;
	}
	if ((rc = survey_seal_open(db, survey, &in, key_file, &seal, err))) {
		survey_seal_close(&seal);
		survey_instrument_release(&in);
		info_release(&si);
		return rc;
	}
	minn = effective_min(&in, min_n);
	aggset_init(&a, &in);
	aggset_init(&self, &in);
	aggset_group(&self, -3);
	memset(&total, 0, sizeof(total));
	struct agg *tg = aggset_group(&a, -2); /* the whole survey; kept apart below */
	(void)tg;

	if ((rc = store_prepare(db, "SELECT coalesce(team_id, -1), rater, answers FROM survey_response WHERE survey_id = ?1",
				&st, err)))
		goto out;
	sqlite3_bind_int64(st, 1, survey);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *ans;
		const char *r;
		int len;
		if ((rc = survey_seal_row(&seal, st, 1, 2, &r, &ans, &len, err))) {
			sqlite3_finalize(st);
			st = NULL;
			goto out;
		}
		if (self_row(&seal, r)) {
			agg_row(&self, &self.g[0], ans, len);
			continue;
		}
		agg_row(&a, &a.g[0], ans, len);
		if (by == SURVEY_BY_TEAM || by == SURVEY_BY_RATER) {
			int64_t key = -1;
			if (by == SURVEY_BY_TEAM) {
				key = sqlite3_column_int64(st, 0);
			} else if (r) {
				for (int i = 0; i < in.nraters; i++)
					if (!strcmp(in.raters[i].id, r))
						key = i;
			}
			agg_row(&a, aggset_group(&a, key), ans, len);
		}
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		rc = store_fail(db, rc, err, "reading responses");
		goto out;
	}
	rc = 0;
	total = a.g[0];
	/* name and order the groups (total stays first in the array) */
	for (size_t i = 1; i < a.n; i++) {
		struct agg *g = &a.g[i];
		if (by == SURVEY_BY_TEAM && g->key >= 0) {
			sqlite3_stmt *q;
			if (!store_prepare(db, "SELECT name FROM team WHERE id = ?1", &q, NULL)) {
				sqlite3_bind_int64(q, 1, g->key);
				if (sqlite3_step(q) == SQLITE_ROW)
					g->name = xstrdup(store_col_text(q, 0));
				sqlite3_finalize(q);
			}
		} else if (by == SURVEY_BY_RATER && g->key >= 0) {
			g->name = xstrdup(in.raters[g->key].label);
		}
		if (!g->name)
			g->name = xstrdup(by == SURVEY_BY_TEAM ? "(zonder team)" : "(onbekend)");
	}
	if (a.n > 1)
		qsort(a.g + 1, a.n - 1, sizeof(*a.g), by == SURVEY_BY_TEAM ? group_cmp_name : group_cmp_key);

	/* columns */
	cols_add(&head, "survey", OUT_T_INT);
	cols_add(&head, "instrument", OUT_T_TEXT);
	cols_add(&head, "wave", OUT_T_TEXT);
	cols_add(&head, "team", OUT_T_TEXT);
	cols_add(&head, "by", OUT_T_TEXT);
	cols_add(&head, "respondents", OUT_T_INT);
	cols_add(&head, "min_n", OUT_T_INT);
	cols_add(&head, "comments", OUT_T_TEXT);
	if (by == SURVEY_BY_ITEM) {
		cols_add(&res, "item", OUT_T_TEXT);
		cols_add(&res, "scale", OUT_T_TEXT);
		cols_add(&res, "reverse", OUT_T_BOOL);
		cols_add(&res, "text", OUT_T_TEXT);
	} else {
		cols_add(&res, "group", OUT_T_TEXT);
		cols_add(&res, "scale", OUT_T_TEXT);
		cols_add(&res, "title", OUT_T_TEXT);
	}
	cols_add(&res, "n", OUT_T_INT);
	cols_add(&res, "mean", OUT_T_REAL);
	cols_add(&res, "sd", OUT_T_REAL);
	cols_add_dist(&res, a.lo, a.hi);
	cols_add(&res, "suppressed", OUT_T_BOOL);
	cols_add(&com, "item", OUT_T_TEXT);
	cols_add(&com, "text", OUT_T_TEXT);
	for (size_t i = 0; i < head.n; i++)
		cols_add(&all, head.c[i].name, head.c[i].type);
	for (size_t i = 0; i < res.n; i++)
		cols_add(&all, res.c[i].name, res.c[i].type);
	for (size_t i = 0; i < com.n; i++)
		cols_add(&all, com.c[i].name, com.c[i].type);

	int has_text = 0;
	for (int i = 0; i < in.nitems; i++)
		has_text |= in.items[i].pos == 0;
	int64_t text_min = minn > SURVEY_TEXT_MIN_N ? minn : SURVEY_TEXT_MIN_N;
	int show_text = has_text && total.respondents >= text_min;
	char textnote[96];
	if (!has_text)
		snprintf(textnote, sizeof(textnote), "none");
	else if (show_text)
		snprintf(textnote, sizeof(textnote), "shown");
	else
		snprintf(textnote, sizeof(textnote), "hidden: fewer than %lld respondents", (long long)text_min);

	out_doc_begin(o, all.c, all.n);
	out_section(o, "survey", "Survey");
	out_record(o, head.c, head.n);
	out_int(o, si.id);
	out_text(o, si.code);
	out_text(o, si.wave);
	out_text(o, si.team_name);
	out_text(o, by_names[by]);
	out_int(o, total.respondents);
	out_int(o, minn);
	out_text(o, textnote);
	out_end(o);

	out_section(o, "results", "Results");
	out_list(o, res.c, res.n);
	if (by == SURVEY_BY_ITEM) {
		for (int i = 0; i < in.nitems; i++) {
			const struct survey_item *it = &in.items[i];
			if (!it->pos)
				continue;
			const struct survey_stat *s = &total.istat[it->pos - 1];
			out_text(o, it->id);
			out_text(o, in.scales[it->scale].id);
			out_bool(o, it->reverse);
			out_text(o, it->text);
			out_stats(o, &a, s, total.icount + (size_t)(it->pos - 1) * (size_t)a.nvals,
				  survey_item_likert(&in, i), total.respondents < minn || s->n < minn);
			out_row_end(o);
		}
	} else {
		size_t k = a.n - 1;
		int64_t *ns = xcalloc(k + 1, sizeof(int64_t));
		int *hidden = xcalloc(k + 1, sizeof(int));
		for (int s = 0; s < in.nscales; s++) {
			const struct survey_likert *lk = &in.likert[in.scales[s].likert];
			int total_hidden;
			for (size_t g = 0; g < k; g++)
				ns[g] = a.g[g + 1].sstat[s].n;
			survey_suppress(ns, k, total.sstat[s].n, minn, hidden, &total_hidden);
			for (size_t g = 0; g < k; g++) {
				out_text(o, a.g[g + 1].name);
				out_text(o, in.scales[s].id);
				out_text(o, in.scales[s].title);
				out_stats(o, &a, &a.g[g + 1].sstat[s], a.g[g + 1].sdist + (size_t)s * (size_t)a.nvals, lk,
					  hidden[g]);
				out_row_end(o);
			}
			self_out(o, &self, &in, s);
			out_text(o, "totaal");
			out_text(o, in.scales[s].id);
			out_text(o, in.scales[s].title);
			out_stats(o, &a, &total.sstat[s], total.sdist + (size_t)s * (size_t)a.nvals, lk, total_hidden);
			out_row_end(o);
		}
		free(ns);
		free(hidden);
	}
	out_end(o);

	out_section(o, "comments", "Comments");
	out_list(o, com.c, com.n);
	if (show_text && seal.on) {
		survey_seal_sort_texts(&seal);
		for (size_t i = 0; i < seal.ntexts; i++) {
			out_text(o, in.items[seal.texts[i].item].id);
			out_text(o, seal.texts[i].text);
			out_row_end(o);
		}
	} else if (show_text) {
		/* sorted by item and text, never in response order */
		if ((rc = store_prepare(db, "SELECT i.code, t.text FROM survey_text t JOIN survey_response r ON r.id = t.response_id "
					    "JOIN survey_item i ON i.id = t.item_id WHERE r.survey_id = ?1 "
					    "ORDER BY i.seq, t.text", &st, err)))
			goto out;
		sqlite3_bind_int64(st, 1, survey);
		while (sqlite3_step(st) == SQLITE_ROW) {
			out_text(o, store_col_text(st, 0));
			out_text(o, store_col_text(st, 1));
			out_row_end(o);
		}
		sqlite3_finalize(st);
		st = NULL;
	}
	out_end(o);
	out_doc_end(o);
out:
	if (st)
		sqlite3_finalize(st);
	cols_release(&all);
	cols_release(&head);
	cols_release(&res);
	cols_release(&com);
	aggset_release(&a);
	aggset_release(&self);
	survey_seal_close(&seal);
	survey_instrument_release(&in);
	info_release(&si);
	return rc;
}

static const char *effect_word(double d)
{
	double x = fabs(d);
	if (isnan(d))
		return NULL;
	return x < 0.2 ? "negligible" : x < 0.5 ? "small" : x < 0.8 ? "medium" : "large";
}

int survey_compare(sqlite3 *db, int64_t school, const char *instrument, const char *wave1, const char *wave2,
		   int64_t team, int64_t min_n, const char *key_file, struct out *o, struct beter_err *err)
{
	static const struct out_col all[] = {
		{ "instrument", OUT_T_TEXT }, { "wave_1", OUT_T_TEXT },	 { "wave_2", OUT_T_TEXT },
		{ "team", OUT_T_TEXT },	      { "min_n", OUT_T_INT },	 { "scale", OUT_T_TEXT },
		{ "title", OUT_T_TEXT },      { "n_1", OUT_T_INT },	 { "mean_1", OUT_T_REAL, 2 },
		{ "sd_1", OUT_T_REAL, 2 },    { "n_2", OUT_T_INT },	 { "mean_2", OUT_T_REAL, 2 },
		{ "sd_2", OUT_T_REAL, 2 },    { "change", OUT_T_REAL, 2 }, { "cohen_d", OUT_T_REAL, 2 },
		{ "effect", OUT_T_TEXT },     { "suppressed", OUT_T_BOOL },
	};
	struct survey_instrument in;
	struct aggset a;
	struct survey_seal seal = { 0 };
	sqlite3_stmt *st = NULL;
	const char *waves[2] = { wave1, wave2 };
	char *team_name = NULL;
	int64_t iid, minn;
	int rc;

	if (min_n && min_n < SURVEY_MIN_N_FLOOR)
		return beter_err_set(err, BETER_DATAERR, "--min-n: %lld is below %d, the smallest group beter shows",
				     (long long)min_n, SURVEY_MIN_N_FLOOR);
	if ((rc = survey_instrument_get(db, instrument, 0, &in, &iid, err)))
		return rc;
	if (!iid) {
		rc = beter_err_set(err, BETER_FAIL, "no survey of '%s' yet (see 'beter survey list')", instrument);
		survey_instrument_release(&in);
		return rc;
	}
	aggset_init(&a, &in);
	for (int w = 0; w < 2; w++) {
		if ((rc = store_prepare(db, "SELECT count(*), min(id) FROM survey WHERE school_id = ?1 AND instrument_id = ?2 "
					    "AND wave = ?3", &st, err)))
			goto out;
		sqlite3_bind_int64(st, 1, school);
		sqlite3_bind_int64(st, 2, iid);
		store_bind_text(st, 3, waves[w]);
		int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		int64_t first = n ? sqlite3_column_int64(st, 1) : 0;
		sqlite3_finalize(st);
		st = NULL;
		/* a 360-degree feedback: the secret key of the later wave's school leader */
		if (n && w == 1 && (rc = survey_seal_open(db, first, &in, key_file, &seal, err)))
			goto out;
		if (!n) {
			rc = beter_err_set(err, BETER_FAIL, "no survey of '%s' with the wave '%s' (see 'beter survey list')",
					   in.id, waves[w]);
			goto out;
		}
		aggset_group(&a, w);
	}
	if (team) {
		if ((rc = store_prepare(db, "SELECT name FROM team WHERE id = ?1", &st, err)))
			goto out;
		sqlite3_bind_int64(st, 1, team);
		if (sqlite3_step(st) == SQLITE_ROW)
			team_name = xstrdup(store_col_text(st, 0));
		sqlite3_finalize(st);
		st = NULL;
	}
	if ((rc = store_prepare(db, "SELECT s.wave = ?4, r.answers, r.rater FROM survey_response r "
				    "JOIN survey s ON s.id = r.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 "
				    "AND s.wave IN (?3, ?4) AND (?5 = 0 OR r.team_id = ?5)", &st, err)))
		goto out;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, iid);
	store_bind_text(st, 3, wave1);
	store_bind_text(st, 4, wave2);
	sqlite3_bind_int64(st, 5, team);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *ans;
		const char *r;
		int len;
		if ((rc = survey_seal_row(&seal, st, 2, 1, &r, &ans, &len, err)))
			goto out;
		if (!self_row(&seal, r)) /* the others only */
			agg_row(&a, &a.g[sqlite3_column_int(st, 0) ? 1 : 0], ans, len);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		rc = store_fail(db, rc, err, "reading responses");
		goto out;
	}
	rc = 0;
	minn = effective_min(&in, min_n);

	out_doc_begin(o, all, sizeof(all) / sizeof(*all));
	out_section(o, "compare", "Comparison");
	out_record(o, all, 5);
	out_text(o, in.id);
	out_text(o, wave1);
	out_text(o, wave2);
	out_text(o, team_name);
	out_int(o, minn);
	out_end(o);
	out_section(o, "scales", "Change per scale (Cohen's d, pooled SD)");
	out_list(o, all + 5, sizeof(all) / sizeof(*all) - 5);
	for (int s = 0; s < in.nscales; s++) {
		const struct survey_stat *s1 = &a.g[0].sstat[s], *s2 = &a.g[1].sstat[s];
		int hidden = s1->n < minn || s2->n < minn;
		out_text(o, in.scales[s].id);
		out_text(o, in.scales[s].title);
		if (hidden) {
			for (int i = 0; i < 9; i++)
				out_null(o);
			out_bool(o, 1);
		} else {
			double d = survey_cohen_d(s1, s2);
			out_int(o, s1->n);
			out_realn(o, s1->mean);
			out_realn(o, survey_stat_sd(s1));
			out_int(o, s2->n);
			out_realn(o, s2->mean);
			out_realn(o, survey_stat_sd(s2));
			out_realn(o, round2(s2->mean) - round2(s1->mean));
			out_realn(o, d);
			out_text(o, effect_word(d));
			out_bool(o, 0);
		}
		out_row_end(o);
	}
	out_end(o);
	out_doc_end(o);
out:
	if (st)
		sqlite3_finalize(st);
	free(team_name);
	aggset_release(&a);
	survey_seal_close(&seal);
	survey_instrument_release(&in);
	return rc;
}
