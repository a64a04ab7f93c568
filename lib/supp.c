/* supp.c - which aggregates of small groups to hide, decided once over every
 * aggregate that can be published of the same respondents.
 *
 * The respondents fall into atoms (a team in a survey, a rater category, a
 * team in a round, ...); every figure beter can print is a cell: the sum of
 * some atoms. Whoever reads several cells can add and subtract them, so what
 * they learn is every linear combination of the shown cells. A group is
 * disclosed when its atoms' sum is such a combination: the decision below
 * makes sure that no set of atoms with fewer than min_n respondents (and more
 * than none) is in the span of the shown cells.
 *
 * Primary step: a cell below min_n is hidden. Secondary step: while some
 * small set of atoms is still in the span, hide one more shown cell, the
 * smallest one whose loss takes that set out of the span (or, if no single
 * cell does, the smallest shown cell, and so on). Only atoms smaller
 * than min_n can be part of such a set, so the search is over few atoms;
 * the span is kept as a reduced row echelon form and a set is in it when the
 * sum of its atoms' residues is zero.
 */
#include "beter/supp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/util.h"

unsigned supp_steps = SUPP_PRIMARY | SUPP_SECONDARY;

#define SUPP_EPS 1e-9
#define SUPP_MAX_NODES 2000000L /* sets tried per search; past it everything is hidden */

struct span {
	size_t m;       /* atoms (columns) */
	size_t rank;
	double *rows;   /* rank x m, reduced */
	size_t *pivot;  /* rank */
};

static void span_init(struct span *s, size_t m)
{
	s->m = m;
	s->rank = 0;
	s->rows = xcalloc((m ? m : 1) * (m ? m : 1), sizeof(double));
	s->pivot = xcalloc(m ? m : 1, sizeof(size_t));
}

static void span_release(struct span *s)
{
	free(s->rows);
	free(s->pivot);
}

/* v minus its parts along the basis: zero when v is in the span */
static void span_reduce(const struct span *s, double *v)
{
	for (size_t r = 0; r < s->rank; r++) {
		double f = v[s->pivot[r]];
		if (fabs(f) < SUPP_EPS)
			continue;
		const double *row = s->rows + r * s->m;
		for (size_t j = 0; j < s->m; j++)
			v[j] -= f * row[j];
	}
}

static void span_add(struct span *s, const double *in)
{
	if (s->rank == s->m)
		return;
	double *v = s->rows + s->rank * s->m;
	memcpy(v, in, s->m * sizeof(double));
	span_reduce(s, v);
	size_t p = 0;
	double best = 0;
	for (size_t j = 0; j < s->m; j++)
		if (fabs(v[j]) > best + SUPP_EPS) {
			best = fabs(v[j]);
			p = j;
		}
	if (best < SUPP_EPS)
		return;
	double f = v[p];
	for (size_t j = 0; j < s->m; j++)
		v[j] /= f;
	/* keep the basis reduced: clear the new pivot from the other rows */
	for (size_t r = 0; r < s->rank; r++) {
		double *o = s->rows + r * s->m;
		double g = o[p];
		if (fabs(g) < SUPP_EPS)
			continue;
		for (size_t j = 0; j < s->m; j++)
			o[j] -= g * v[j];
	}
	s->pivot[s->rank++] = p;
}

static int64_t cell_n(const struct supp *p, size_t c)
{
	int64_t n = 0;
	for (size_t a = 0; a < p->natoms; a++)
		if (p->in[c * p->natoms + a])
			n += p->n[a];
	return n;
}

/* The span of the shown non-empty cells, leaving out cell skip (or none). */
static void build_span(const struct supp *p, const int *hidden, const int64_t *cn, size_t skip, struct span *s)
{
	double *v = xcalloc(p->natoms ? p->natoms : 1, sizeof(double));
	span_init(s, p->natoms);
	for (size_t c = 0; c < p->ncells; c++) {
		if (c == skip || hidden[c] || cn[c] <= 0)
			continue;
		for (size_t a = 0; a < p->natoms; a++)
			v[a] = p->in[c * p->natoms + a] && p->n[a] > 0;
		span_add(s, v);
	}
	free(v);
}

struct search {
	const struct supp *p;
	size_t *small, nsmall; /* atoms with 0 < n < min_n */
	double *res;           /* nsmall x m: each small atom's residue */
	double *acc;           /* (depth + 1) x m running sums */
	unsigned char *pick;   /* nsmall: the set being tried */
	long nodes;
	int found, gave_up;
};

static int is_zero(const double *v, size_t m)
{
	for (size_t j = 0; j < m; j++)
		if (fabs(v[j]) > 1e-7)
			return 0;
	return 1;
}

static void dfs(struct search *s, size_t from, size_t depth, int64_t sum)
{
	size_t m = s->p->natoms;
	for (size_t i = from; i < s->nsmall && !s->found && !s->gave_up; i++) {
		int64_t t = sum + s->p->n[s->small[i]];
		if (t >= s->p->min_n)
			continue;
		if (++s->nodes > SUPP_MAX_NODES) {
			s->gave_up = 1;
			return;
		}
		double *cur = s->acc + (depth + 1) * m, *prev = s->acc + depth * m;
		for (size_t j = 0; j < m; j++)
			cur[j] = prev[j] + s->res[i * m + j];
		s->pick[i] = 1;
		if (is_zero(cur, m)) {
			s->found = 1;
			return;
		}
		dfs(s, i + 1, depth + 1, t);
		if (s->found)
			return;
		s->pick[i] = 0;
	}
}

/* Look for a small set of atoms in the span; 1 found (s->pick holds it), 0
 * none, -1 too many sets to try. */
static int find_small_set(const struct supp *p, const struct span *sp, struct search *s)
{
	size_t m = p->natoms;
	memset(s, 0, sizeof(*s));
	s->p = p;
	s->small = xcalloc(m ? m : 1, sizeof(size_t));
	for (size_t a = 0; a < m; a++)
		if (p->n[a] > 0 && p->n[a] < p->min_n)
			s->small[s->nsmall++] = a;
	s->res = xcalloc((s->nsmall ? s->nsmall : 1) * (m ? m : 1), sizeof(double));
	for (size_t i = 0; i < s->nsmall; i++) {
		double *v = s->res + i * m;
		v[s->small[i]] = 1;
		span_reduce(sp, v);
	}
	size_t depth = (size_t)(p->min_n > 0 ? p->min_n : 1) + 1;
	if (depth > s->nsmall + 1)
		depth = s->nsmall + 1;
	s->acc = xcalloc((depth + 1) * (m ? m : 1), sizeof(double));
	s->pick = xcalloc(s->nsmall ? s->nsmall : 1, 1);
	dfs(s, 0, 0, 0);
	free(s->acc);
	s->acc = NULL;
	return s->gave_up ? -1 : s->found;
}

static void search_release(struct search *s)
{
	free(s->small);
	free(s->res);
	free(s->acc);
	free(s->pick);
}

/* Is the set (s->pick over s->small) in the span without cell skip? */
static int set_in_span_without(const struct supp *p, const int *hidden, const int64_t *cn, size_t skip,
			       const struct search *s)
{
	struct span sp;
	double *v = xcalloc(p->natoms ? p->natoms : 1, sizeof(double));
	build_span(p, hidden, cn, skip, &sp);
	for (size_t i = 0; i < s->nsmall; i++)
		if (s->pick[i])
			v[s->small[i]] = 1;
	span_reduce(&sp, v);
	int in = is_zero(v, p->natoms);
	free(v);
	span_release(&sp);
	return in;
}

/* The cell to hide so that the set found leaves the span: any shown cell
 * may be the one that gives it away (a team is found from the total minus
 * the other teams), the smallest that does is taken. */
static size_t pick_cell(const struct supp *p, const int *hidden, const int64_t *cn, const struct search *s)
{
	size_t first = p->ncells, best = p->ncells;
	for (;;) {
		/* the next candidate in order of size, then number */
		size_t c = p->ncells;
		for (size_t k = 0; k < p->ncells; k++) {
			if (hidden[k] || cn[k] <= 0)
				continue;
			if (best < p->ncells && (cn[k] < cn[best] || (cn[k] == cn[best] && k <= best)))
				continue;
			if (c == p->ncells || cn[k] < cn[c] || (cn[k] == cn[c] && k < c))
				c = k;
		}
		if (c == p->ncells)
			return first;
		if (first == p->ncells)
			first = c;
		if (!set_in_span_without(p, hidden, cn, c, s))
			return c;
		best = c;
	}
}

void supp_decide(const struct supp *p, int *hidden)
{
	int64_t *cn = xcalloc(p->ncells ? p->ncells : 1, sizeof(int64_t));

	for (size_t c = 0; c < p->ncells; c++) {
		cn[c] = cell_n(p, c);
		if ((supp_steps & SUPP_PRIMARY) && cn[c] > 0 && cn[c] < p->min_n)
			hidden[c] = 1;
	}
	while (supp_steps & SUPP_SECONDARY) {
		struct span sp;
		struct search s;
		build_span(p, hidden, cn, p->ncells, &sp);
		int r = find_small_set(p, &sp, &s);
		span_release(&sp);
		if (r == 0) {
			search_release(&s);
			break;
		}
		if (r < 0) {
			/* too many small atoms to try every set: show nothing */
			for (size_t c = 0; c < p->ncells; c++)
				hidden[c] |= cn[c] > 0;
			search_release(&s);
			break;
		}
		size_t c = pick_cell(p, hidden, cn, &s);
		search_release(&s);
		if (c == p->ncells)
			break; /* cannot happen: a set in the span meets a shown cell */
		hidden[c] = 1;
	}
	free(cn);
}

void supp_partition(const int64_t *n, size_t k, int64_t total, int64_t min_n, int *hidden, int *total_hidden)
{
	int64_t sum = 0;
	for (size_t i = 0; i < k; i++)
		sum += n[i];
	/* an atom per group, and one for the respondents in no group shown */
	size_t natoms = k + (total > sum);
	int64_t *an = xcalloc(natoms + 1, sizeof(int64_t));
	unsigned char *in = xcalloc((k + 1) * (natoms + 1), 1);
	int *hid = xcalloc(k + 1, sizeof(int));
	memcpy(an, n, k * sizeof(int64_t));
	if (natoms > k)
		an[k] = total - sum;
	for (size_t i = 0; i < k; i++)
		in[i * natoms + i] = 1;
	for (size_t a = 0; a < natoms; a++)
		in[k * natoms + a] = 1;
	struct supp p = { .natoms = natoms, .ncells = k + 1, .n = an, .in = in, .min_n = min_n };
	supp_decide(&p, hid);
	for (size_t i = 0; i < k; i++)
		hidden[i] = hid[i];
	*total_hidden = hid[k];
	free(an);
	free(in);
	free(hid);
}
