/* survey_agg.c - statistics and the aggregation of packed responses.
 *
 * Responses are read as packed rows and aggregated here in C: per group,
 * answer counts per item and value, and per scale the respondents' scale
 * scores (the mean of their answers on the scale's items, reverse items
 * turned) with Welford's running mean and variance. The mean printed is
 * kept exact besides (a sum of whole multiples of 1/720720), so that the
 * same answers give the same figures in any order: 2.875 is 2.88, never
 * 2.87 because of the order the rows came in.
 */
#include "survey_agg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/supp.h"

/* ---- statistics ---- */

static void welford(struct survey_stat *s, double x)
{
	double d = x - s->mean;
	s->n++;
	s->mean += d / (double)s->n;
	s->m2 += d * (x - s->mean);
}

void survey_stat_add(struct survey_stat *s, double x)
{
	welford(s, x);
	s->inexact = 1;
}

void survey_stat_add_frac(struct survey_stat *s, int64_t num, int64_t den)
{
	welford(s, (double)num / (double)den);
	if (den > 0 && SURVEY_STAT_L % den == 0)
		s->lsum += num * (SURVEY_STAT_L / den);
	else
		s->inexact = 1;
}

double survey_stat_mean(const struct survey_stat *s)
{
	if (!s->n)
		return NAN;
	if (s->inexact)
		return s->mean;
	return (double)s->lsum / ((double)SURVEY_STAT_L * (double)s->n);
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

double survey_round2(double x)
{
	return isnan(x) ? x : round(x * 100.0) / 100.0;
}

/* ---- aggregation ---- */

void aggset_init(struct aggset *a, const struct survey_instrument *in)
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

void aggset_release(struct aggset *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->g[i].name);
		free(a->g[i].icount);
		free(a->g[i].istat);
		free(a->g[i].sstat);
		free(a->g[i].sdist);
		free(a->g[i].given);
	}
	free(a->g);
	free(a->ssum);
	free(a->scnt);
	free(a->item_of_pos);
}

struct agg *aggset_group(struct aggset *a, int64_t key)
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

void agg_row(struct aggset *a, struct agg *g, const unsigned char *ans, int len)
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
		survey_stat_add_frac(&g->istat[p], t, 1);
		a->ssum[it->scale] += t;
		a->scnt[it->scale]++;
	}
	for (int s = 0; s < in->nscales; s++) {
		if (!a->scnt[s])
			continue;
		double score = a->ssum[s] / a->scnt[s];
		survey_stat_add_frac(&g->sstat[s], (int64_t)a->ssum[s], a->scnt[s]);
		int r = (int)floor(score + 0.5);
		g->sdist[(size_t)s * (size_t)a->nvals + (size_t)(r - a->lo)]++;
	}
}

void agg_value(struct aggset *a, struct agg *g, int pos, int value, int64_t n)
{
	const struct survey_instrument *in = a->in;
	if (pos < 1 || pos > in->npacked)
		return;
	const struct survey_item *it = &in->items[a->item_of_pos[pos - 1]];
	const struct survey_likert *lk = &in->likert[in->scales[it->scale].likert];
	if (value < lk->lo || value > lk->hi)
		return;
	int t = survey_turn(lk->lo, lk->hi, value, it->reverse);
	g->icount[(size_t)(pos - 1) * (size_t)a->nvals + (size_t)(t - a->lo)] += n;
	for (int64_t k = 0; k < n; k++)
		survey_stat_add_frac(&g->istat[pos - 1], t, 1);
}

void agg_score(struct aggset *a, struct agg *g, int s, int64_t ssum, int64_t scnt, int64_t n)
{
	if (s < 0 || s >= a->in->nscales || scnt <= 0)
		return;
	double score = (double)ssum / (double)scnt;
	int r = (int)floor(score + 0.5);
	if (r < a->lo || r > a->hi)
		return;
	for (int64_t k = 0; k < n; k++)
		survey_stat_add_frac(&g->sstat[s], ssum, scnt);
	g->sdist[(size_t)s * (size_t)a->nvals + (size_t)(r - a->lo)] += n;
	if (g->given)
		g->given[s] = 1;
}

void survey_out_realn(struct out *o, double v)
{
	if (isnan(v))
		out_null(o);
	else
		out_real(o, survey_round2(v));
}

int survey_self_row(const struct survey_seal *seal, const char *rater)
{
	return seal->on && rater && !strcmp(rater, SURVEY_SEAL_SELF);
}
