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
#include "beter/supp.h"
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
	supp_partition(n, k, total, min_n, hidden, total_hidden);
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

/* One survey's report: its figures per group, the school's minimum and the
 * wave's suppression decision. */
struct rep {
	sqlite3 *db;
	enum survey_by by;
	struct survey_info si;
	struct survey_instrument in;
	struct aggset a; /* a.g[0]: the whole survey, then the groups */
	struct aggset self; /* a 360-degree feedback: the leader's own answers */
	struct survey_seal seal;
	int64_t iid, base, minn;
	char *reason;
	struct survey_supp sp;
	struct cols all, head, res, com;
};

static void rep_release(struct rep *r)
{
	cols_release(&r->all);
	cols_release(&r->head);
	cols_release(&r->res);
	cols_release(&r->com);
	if (r->a.in)
		aggset_release(&r->a);
	if (r->self.in)
		aggset_release(&r->self);
	survey_seal_close(&r->seal);
	survey_supp_release(&r->sp);
	free(r->reason);
	survey_instrument_release(&r->in);
	info_release(&r->si);
}

static int rep_read(struct rep *r, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(r->db, "SELECT coalesce(team_id, -1), rater, answers FROM survey_response "
				       "WHERE survey_id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, r->si.id);
	aggset_group(&r->a, -2); /* the whole survey; kept apart below */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *ans;
		const char *rt;
		int len;
		if ((rc = survey_seal_row(&r->seal, st, 1, 2, &rt, &ans, &len, err))) {
			sqlite3_finalize(st);
			return rc;
		}
		if (self_row(&r->seal, rt)) {
			agg_row(&r->self, &r->self.g[0], ans, len);
			continue;
		}
		agg_row(&r->a, &r->a.g[0], ans, len);
		if (r->by == SURVEY_BY_TEAM || r->by == SURVEY_BY_RATER) {
			int64_t key = -1;
			if (r->by == SURVEY_BY_TEAM) {
				key = sqlite3_column_int64(st, 0);
			} else if (rt) {
				for (int i = 0; i < r->in.nraters; i++)
					if (!strcmp(r->in.raters[i].id, rt))
						key = i;
			}
			agg_row(&r->a, aggset_group(&r->a, key), ans, len);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(r->db, rc, err, "reading responses");
}

/* name and order the groups (the whole survey stays first) */
static void rep_name_groups(struct rep *r)
{
	for (size_t i = 1; i < r->a.n; i++) {
		struct agg *g = &r->a.g[i];
		if (r->by == SURVEY_BY_TEAM && g->key >= 0) {
			sqlite3_stmt *q;
			if (!store_prepare(r->db, "SELECT name FROM team WHERE id = ?1", &q, NULL)) {
				sqlite3_bind_int64(q, 1, g->key);
				if (sqlite3_step(q) == SQLITE_ROW)
					g->name = xstrdup(store_col_text(q, 0));
				sqlite3_finalize(q);
			}
		} else if (r->by == SURVEY_BY_RATER && g->key >= 0) {
			g->name = xstrdup(r->in.raters[g->key].label);
		}
		if (!g->name)
			g->name = xstrdup(r->by == SURVEY_BY_TEAM ? "(zonder team)" : "(onbekend)");
	}
	if (r->a.n > 1)
		qsort(r->a.g + 1, r->a.n - 1, sizeof(*r->a.g), r->by == SURVEY_BY_TEAM ? group_cmp_name : group_cmp_key);
}

static int rep_load(struct rep *r, sqlite3 *db, int64_t survey, int64_t min_n, const char *key_file,
		    struct beter_err *err)
{
	int rc;

	r->db = db;
	if ((rc = load_info(db, survey, &r->si, err)) ||
	    (rc = survey_instrument_get(db, r->si.code, 0, &r->in, &r->iid, err)))
		return rc;
	if (r->by == SURVEY_BY_RATER && !r->in.nraters)
		return beter_err_set(err, BETER_USAGE, "--by rater: '%s' has no rater categories (only a 360-degree "
				     "feedback has them)", r->in.id);
	if ((rc = survey_seal_open(db, survey, &r->in, key_file, &r->seal, err)) ||
	    (rc = survey_min_n(db, r->si.school, &r->in, min_n, &r->base, &r->minn, &r->reason, err)) ||
	    (rc = survey_supp_load(db, r->si.school, &r->in, r->si.instrument_id, r->si.wave, r->base, r->minn, key_file,
				   &r->sp, err)))
		return rc;
	aggset_init(&r->a, &r->in);
	aggset_init(&r->self, &r->in);
	aggset_group(&r->self, -3);
	if ((rc = rep_read(r, err)))
		return rc;
	rep_name_groups(r);
	return 0;
}

static void rep_columns(struct rep *r)
{
	cols_add(&r->head, "survey", OUT_T_INT);
	cols_add(&r->head, "instrument", OUT_T_TEXT);
	cols_add(&r->head, "wave", OUT_T_TEXT);
	cols_add(&r->head, "team", OUT_T_TEXT);
	cols_add(&r->head, "by", OUT_T_TEXT);
	cols_add(&r->head, "respondents", OUT_T_INT);
	cols_add(&r->head, "min_n", OUT_T_INT);
	cols_add(&r->head, "min_n_policy", OUT_T_TEXT);
	cols_add(&r->head, "comments", OUT_T_TEXT);
	if (r->by == SURVEY_BY_ITEM) {
		cols_add(&r->res, "item", OUT_T_TEXT);
		cols_add(&r->res, "scale", OUT_T_TEXT);
		cols_add(&r->res, "reverse", OUT_T_BOOL);
		cols_add(&r->res, "text", OUT_T_TEXT);
	} else {
		cols_add(&r->res, "group", OUT_T_TEXT);
		cols_add(&r->res, "scale", OUT_T_TEXT);
		cols_add(&r->res, "title", OUT_T_TEXT);
	}
	cols_add(&r->res, "n", OUT_T_INT);
	cols_add(&r->res, "mean", OUT_T_REAL);
	cols_add(&r->res, "sd", OUT_T_REAL);
	cols_add_dist(&r->res, r->a.lo, r->a.hi);
	cols_add(&r->res, "suppressed", OUT_T_BOOL);
	cols_add(&r->com, "item", OUT_T_TEXT);
	cols_add(&r->com, "text", OUT_T_TEXT);
	for (size_t i = 0; i < r->head.n; i++)
		cols_add(&r->all, r->head.c[i].name, r->head.c[i].type);
	for (size_t i = 0; i < r->res.n; i++)
		cols_add(&r->all, r->res.c[i].name, r->res.c[i].type);
	for (size_t i = 0; i < r->com.n; i++)
		cols_add(&r->all, r->com.c[i].name, r->com.c[i].type);
}

/* Is a group's figure on scale s hidden? The wave's decision says. */
static int rep_hidden(const struct rep *r, int s, const struct agg *g)
{
	if (g == &r->a.g[0])
		return survey_supp_survey(&r->sp, s, r->si.id, 0);
	if (r->by == SURVEY_BY_TEAM)
		return survey_supp_survey(&r->sp, s, r->si.id, g->key);
	if (g->key < 0) /* respondents without a known rater category: never a figure of their own */
		return 1;
	return survey_supp_rater(&r->sp, s, r->si.id, (int)g->key);
}

static void rep_results(struct rep *r, struct out *o)
{
	const struct aggset *a = &r->a;
	const struct agg *total = &a->g[0];

	out_list(o, r->res.c, r->res.n);
	if (r->by == SURVEY_BY_ITEM) {
		for (int i = 0; i < r->in.nitems; i++) {
			const struct survey_item *it = &r->in.items[i];
			if (!it->pos)
				continue;
			const struct survey_stat *s = &total->istat[it->pos - 1];
			out_text(o, it->id);
			out_text(o, r->in.scales[it->scale].id);
			out_bool(o, it->reverse);
			out_text(o, it->text);
			out_stats(o, a, s, total->icount + (size_t)(it->pos - 1) * (size_t)a->nvals,
				  survey_item_likert(&r->in, i),
				  s->n < r->minn || rep_hidden(r, it->scale, total));
			out_row_end(o);
		}
		out_end(o);
		return;
	}
	for (int s = 0; s < r->in.nscales; s++) {
		const struct survey_likert *lk = &r->in.likert[r->in.scales[s].likert];
		for (size_t g = 1; g <= a->n; g++) {
			const struct agg *grp = &a->g[g % a->n]; /* the groups, then the whole survey */
			if (g == a->n)
				self_out(o, &r->self, &r->in, s);
			out_text(o, g == a->n ? "totaal" : grp->name);
			out_text(o, r->in.scales[s].id);
			out_text(o, r->in.scales[s].title);
			out_stats(o, a, &grp->sstat[s], grp->sdist + (size_t)s * (size_t)a->nvals, lk, rep_hidden(r, s, grp));
			out_row_end(o);
		}
	}
	out_end(o);
}

static int rep_comments(struct rep *r, int show, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out_list(o, r->com.c, r->com.n);
	if (show && r->seal.on) {
		survey_seal_sort_texts(&r->seal);
		for (size_t i = 0; i < r->seal.ntexts; i++) {
			out_text(o, r->in.items[r->seal.texts[i].item].id);
			out_text(o, r->seal.texts[i].text);
			out_row_end(o);
		}
	} else if (show) {
		/* sorted by item and text, never in response order */
		if ((rc = store_prepare(r->db, "SELECT i.code, t.text FROM survey_text t JOIN survey_response r ON r.id = "
					       "t.response_id JOIN survey_item i ON i.id = t.item_id WHERE r.survey_id = ?1 "
					       "ORDER BY i.seq, t.text", &st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, r->si.id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			out_text(o, store_col_text(st, 0));
			out_text(o, store_col_text(st, 1));
			out_row_end(o);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(r->db, rc, err, "reading comments");
	}
	out_end(o);
	return 0;
}

int survey_report(sqlite3 *db, int64_t survey, enum survey_by by, int64_t min_n, const char *key_file, struct out *o,
		  struct beter_err *err)
{
	static const char *const by_names[] = { "scale", "item", "team", "rater" };
	struct rep r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.by = by;
	if ((rc = rep_load(&r, db, survey, min_n, key_file, err)))
		goto out;
	rep_columns(&r);

	int has_text = 0;
	for (int i = 0; i < r.in.nitems; i++)
		has_text |= r.in.items[i].pos == 0;
	int64_t text_min = r.minn > SURVEY_TEXT_MIN_N ? r.minn : SURVEY_TEXT_MIN_N;
	int show_text = has_text && r.a.g[0].respondents >= text_min;
	char textnote[96];
	if (!has_text)
		snprintf(textnote, sizeof(textnote), "none");
	else if (show_text)
		snprintf(textnote, sizeof(textnote), "shown");
	else
		snprintf(textnote, sizeof(textnote), "hidden: fewer than %lld respondents", (long long)text_min);

	out_doc_begin(o, r.all.c, r.all.n);
	out_section(o, "survey", "Survey");
	out_record(o, r.head.c, r.head.n);
	out_int(o, r.si.id);
	out_text(o, r.si.code);
	out_text(o, r.si.wave);
	out_text(o, r.si.team_name);
	out_text(o, by_names[by]);
	out_int(o, r.a.g[0].respondents);
	out_int(o, r.minn);
	out_text(o, r.reason);
	out_text(o, textnote);
	out_end(o);
	out_section(o, "results", "Results");
	rep_results(&r, o);
	out_section(o, "comments", "Comments");
	if (!(rc = rep_comments(&r, show_text, o, err)))
		out_doc_end(o);
out:
	rep_release(&r);
	return rc;
}

static const char *effect_word(double d)
{
	double x = fabs(d);
	if (isnan(d))
		return NULL;
	return x < 0.2 ? "negligible" : x < 0.5 ? "small" : x < 0.8 ? "medium" : "large";
}

static const struct out_col cmp_cols[] = {
	{ "instrument", OUT_T_TEXT },  { "wave_1", OUT_T_TEXT },      { "wave_2", OUT_T_TEXT },
	{ "team", OUT_T_TEXT },	       { "min_n", OUT_T_INT },	      { "min_n_policy", OUT_T_TEXT },
	{ "scale", OUT_T_TEXT },       { "title", OUT_T_TEXT },	      { "n_1", OUT_T_INT },
	{ "mean_1", OUT_T_REAL, 2 },   { "sd_1", OUT_T_REAL, 2 },     { "n_2", OUT_T_INT },
	{ "mean_2", OUT_T_REAL, 2 },   { "sd_2", OUT_T_REAL, 2 },     { "change", OUT_T_REAL, 2 },
	{ "cohen_d", OUT_T_REAL, 2 },  { "effect", OUT_T_TEXT },      { "suppressed", OUT_T_BOOL },
};
#define CMP_HEAD 6

/* Two waves of an instrument in a school, all respondents or one team's. */
struct cmp {
	sqlite3 *db;
	int64_t school, team, iid, base, minn;
	const char *waves[2];
	char *team_name, *reason;
	struct survey_instrument in;
	struct aggset a; /* a.g[0], a.g[1]: the waves */
	struct survey_supp sp[2];
	struct survey_seal seal;
	const char *key_file;
};

static void cmp_release(struct cmp *c)
{
	free(c->team_name);
	free(c->reason);
	if (c->a.in)
		aggset_release(&c->a);
	survey_supp_release(&c->sp[0]);
	survey_supp_release(&c->sp[1]);
	survey_seal_close(&c->seal);
	survey_instrument_release(&c->in);
}

static int cmp_read(struct cmp *c, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(c->db, "SELECT s.wave = ?4, r.answers, r.rater FROM survey_response r JOIN survey s ON s.id = "
				       "r.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 AND s.wave IN (?3, ?4) "
				       "AND (?5 = 0 OR r.team_id = ?5)", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, c->school);
	sqlite3_bind_int64(st, 2, c->iid);
	store_bind_text(st, 3, c->waves[0]);
	store_bind_text(st, 4, c->waves[1]);
	sqlite3_bind_int64(st, 5, c->team);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *ans;
		const char *rt;
		int len;
		if ((rc = survey_seal_row(&c->seal, st, 2, 1, &rt, &ans, &len, err))) {
			sqlite3_finalize(st);
			return rc;
		}
		if (!self_row(&c->seal, rt)) /* the others only */
			agg_row(&c->a, &c->a.g[sqlite3_column_int(st, 0) ? 1 : 0], ans, len);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(c->db, rc, err, "reading responses");
}

static int cmp_load(struct cmp *c, const char *instrument, int64_t min_n, struct beter_err *err)
{
	int rc;

	if ((rc = survey_instrument_get(c->db, instrument, 0, &c->in, &c->iid, err)))
		return rc;
	if (!c->iid)
		return beter_err_set(err, BETER_FAIL, "no survey of '%s' yet (see 'beter survey list')", instrument);
	aggset_init(&c->a, &c->in);
	for (int w = 0; w < 2; w++) {
		sqlite3_stmt *st;
		if ((rc = store_prepare(c->db, "SELECT count(*), min(id) FROM survey WHERE school_id = ?1 AND "
					       "instrument_id = ?2 AND wave = ?3", &st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, c->school);
		sqlite3_bind_int64(st, 2, c->iid);
		store_bind_text(st, 3, c->waves[w]);
		int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		int64_t first = n ? sqlite3_column_int64(st, 1) : 0;
		sqlite3_finalize(st);
		if (!n)
			return beter_err_set(err, BETER_FAIL, "no survey of '%s' with the wave '%s' (see 'beter survey list')",
					     c->in.id, c->waves[w]);
		/* a 360-degree feedback: the secret key of the later wave's school leader */
		if (w == 1 && (rc = survey_seal_open(c->db, first, &c->in, c->key_file, &c->seal, err)))
			return rc;
		aggset_group(&c->a, w);
	}
	if (c->team) {
		sqlite3_stmt *st;
		if ((rc = store_prepare(c->db, "SELECT name FROM team WHERE id = ?1", &st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, c->team);
		if (sqlite3_step(st) == SQLITE_ROW)
			c->team_name = xstrdup(store_col_text(st, 0));
		sqlite3_finalize(st);
	}
	if ((rc = survey_min_n(c->db, c->school, &c->in, min_n, &c->base, &c->minn, &c->reason, err)))
		return rc;
	for (int w = 0; w < 2; w++)
		if ((rc = survey_supp_load(c->db, c->school, &c->in, c->iid, c->waves[w], c->base, c->minn, c->key_file,
					   &c->sp[w], err)))
			return rc;
	return cmp_read(c, err);
}

static void cmp_row(const struct cmp *c, int s, struct out *o)
{
	const struct survey_stat *s1 = &c->a.g[0].sstat[s], *s2 = &c->a.g[1].sstat[s];
	/* a wave's figure is shown when the wave's decision shows it */
	int hidden = s1->n < c->minn || s2->n < c->minn || survey_supp_wave(&c->sp[0], s, c->team) ||
		     survey_supp_wave(&c->sp[1], s, c->team);

	out_text(o, c->in.scales[s].id);
	out_text(o, c->in.scales[s].title);
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

int survey_compare(sqlite3 *db, int64_t school, const char *instrument, const char *wave1, const char *wave2,
		   int64_t team, int64_t min_n, const char *key_file, struct out *o, struct beter_err *err)
{
	struct cmp c;
	int rc;

	memset(&c, 0, sizeof(c));
	c.db = db;
	c.school = school;
	c.team = team;
	c.waves[0] = wave1;
	c.waves[1] = wave2;
	c.key_file = key_file;
	if (!(rc = cmp_load(&c, instrument, min_n, err))) {
		out_doc_begin(o, cmp_cols, sizeof(cmp_cols) / sizeof(*cmp_cols));
		out_section(o, "compare", "Comparison");
		out_record(o, cmp_cols, CMP_HEAD);
		out_text(o, c.in.id);
		out_text(o, wave1);
		out_text(o, wave2);
		out_text(o, c.team_name);
		out_int(o, c.minn);
		out_text(o, c.reason);
		out_end(o);
		out_section(o, "scales", "Change per scale (Cohen's d, pooled SD)");
		out_list(o, cmp_cols + CMP_HEAD, sizeof(cmp_cols) / sizeof(*cmp_cols) - CMP_HEAD);
		for (int s = 0; s < c.in.nscales; s++)
			cmp_row(&c, s, o);
		out_end(o);
		out_doc_end(o);
	}
	cmp_release(&c);
	return rc;
}
