/* Mean framework scores of lesson visits (visit_scores) and the rule that
 * keeps them from giving away one teacher's scores.
 *
 * Scores are published for a whole round or a whole school year, of one
 * team or of the school; never for a period, a teacher or an observer. So
 * every figure that can be published is a cell of one table per school year
 * and item: a row per round that starts in the year plus one for the visits
 * without a round (dated in the year), with the year as the margin row; a
 * column per team plus one for visits without a team, with the school as the
 * margin column. The inner cells (round x team) are the atoms: each figure
 * is the count and sum of scores (its mean) over some of them, and the
 * counts are shown always. The row without a round and the column without
 * a team are never published themselves, but count in the margins.
 *
 * Which cells are hidden is decided once for the whole table, and every
 * selection shows that decision:
 *  1. primary: a cell resting on fewer than VISIT_SCORES_MIN_TEACHERS
 *     different teachers is hidden;
 *  2. audit: while the shown cells, added and subtracted in any way, pin down
 *     any combination of atoms that together hold fewer than that many
 *     teachers (a vector in the shown cells' row space that is zero outside
 *     such a set of atoms), one more cell is hidden: the smallest shown cell
 *     in the row or column of a hidden cell over those atoms, else the
 *     smallest shown margin over them. Teachers are counted as different
 *     people over the set, so a teacher visited in two teams counts once.
 * The audit is exact (ranks over the rationals, taken modulo two large
 * primes), so it holds against any linear combination of shown figures, not
 * only the difference of two. tests/unit/test_visit_scores.c attacks it.
 */
#include "beter/visit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/framework.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

_Static_assert(VISIT_SCORES_MIN_TEACHERS == 3, "the audit looks at sets of two teachers");

unsigned visit_scores_steps = VISIT_SCORES_PRIMARY | VISIT_SCORES_AUDIT;

/* Scores in a cell: how many, their sum, the different teachers. */
struct vs_cell {
	int64_t n, sum;
	int64_t *t;
	size_t nt;
	int hidden;
};

/* One school year and item: nr rows (round ids, 0: none) and nc columns
 * (team ids, 0: none), each with its margin at index nr or nc. */
struct vs_tab {
	size_t nr, nc;
	const int64_t *rows, *cols;
	struct vs_cell *c;
};

#define CELL(t, i, j) (&(t)->c[(i) * ((t)->nc + 1) + (j)])

static void cell_add(struct vs_cell *c, int64_t teacher, int64_t n, int64_t sum)
{
	size_t t;
	c->n += n;
	c->sum += sum;
	for (t = 0; t < c->nt && c->t[t] != teacher; t++)
		;
	if (t == c->nt) {
		c->t = xrealloc(c->t, (c->nt + 1) * sizeof(*c->t));
		c->t[c->nt++] = teacher;
	}
}

static int published(const struct vs_tab *t, size_t i, size_t j)
{
	return (i == t->nr || t->rows[i]) && (j == t->nc || t->cols[j]);
}

/* cell (i, j) sums atom (a, b) */
static int holds(const struct vs_tab *t, size_t i, size_t j, size_t a, size_t b)
{
	return (i == t->nr || i == a) && (j == t->nc || j == b);
}

static int64_t powmod(int64_t b, int64_t e, int64_t p)
{
	int64_t r = 1;
	for (b %= p; e; e >>= 1, b = b * b % p)
		if (e & 1)
			r = r * b % p;
	return r;
}

/* Row echelon form of the rows x cols matrix m (entries in [0, p), p a
 * prime below 2^31 so that products fit) in place: the first rank rows have
 * a leading 1 in column piv[k] (piv may be NULL) and zeros to its left.
 * Returns the rank. */
static size_t echelon(int64_t *m, size_t rows, size_t cols, int64_t p, size_t *piv)
{
	size_t r = 0;
	for (size_t c = 0; c < cols && r < rows; c++) {
		size_t q = r;
		while (q < rows && !m[q * cols + c])
			q++;
		if (q == rows)
			continue;
		for (size_t k = 0; k < cols && q != r; k++) {
			int64_t x = m[q * cols + k];
			m[q * cols + k] = m[r * cols + k];
			m[r * cols + k] = x;
		}
		int64_t inv = powmod(m[r * cols + c], p - 2, p);
		for (size_t k = c; k < cols; k++)
			m[r * cols + k] = m[r * cols + k] * inv % p;
		for (size_t i = r + 1; i < rows; i++) {
			int64_t f = m[i * cols + c];
			for (size_t k = c; f && k < cols; k++)
				m[i * cols + k] = ((m[i * cols + k] - f * m[r * cols + k]) % p + p) % p;
		}
		if (piv)
			piv[r] = c;
		r++;
	}
	return r;
}

/* The shown cells of a table as sums over its atoms, ready for asking
 * whether they pin down a combination of a set of small atoms (fewer than 3
 * teachers each; the others are never in such a set). The rank of the shown
 * cells without the atoms of a set S is rbig + the rank of the small atoms
 * outside S reduced modulo the big ones' (res, nsmall x d, on d independent
 * columns); with S empty it is rbig + d. Ranks are taken modulo two primes:
 * never larger than over the rationals, and smaller only when the prime
 * divides every largest nonzero minor, so the larger of the two is taken. */
#define NPRIME 2
static const int64_t primes[NPRIME] = { 2147483647, 2147483629 };

struct audit {
	size_t nsmall, *small; /* atom indexes a = i * nc + j */
	size_t rbig[NPRIME], d[NPRIME];
	int64_t *res[NPRIME];
};

static void audit_build(const struct vs_tab *t, struct audit *au)
{
	size_t na = t->nr * t->nc, ne = 0, nbig = 0, *eq = xcalloc((t->nr + 1) * (t->nc + 1), sizeof(*eq));
	size_t *big = xcalloc(na ? na : 1, sizeof(*big)), *piv = NULL;

	memset(au, 0, sizeof(*au));
	au->small = xcalloc(na ? na : 1, sizeof(*au->small));
	for (size_t k = 0; k < (t->nr + 1) * (t->nc + 1); k++)
		if (!t->c[k].hidden && t->c[k].n && published(t, k / (t->nc + 1), k % (t->nc + 1)))
			eq[ne++] = k;
	for (size_t a = 0; a < na; a++) {
		const struct vs_cell *c = CELL(t, a / t->nc, a % t->nc);
		if (c->n && c->nt < VISIT_SCORES_MIN_TEACHERS)
			au->small[au->nsmall++] = a;
		else if (c->n)
			big[nbig++] = a;
	}
	piv = xcalloc(ne + 1, sizeof(*piv));
	for (int q = 0; q < NPRIME; q++) {
		/* rows: the atoms; columns: the shown cells holding them */
		int64_t *b = xcalloc((nbig + 1) * (ne + 1), sizeof(*b)), *s = xcalloc((au->nsmall + 1) * (ne + 1),
				     sizeof(*s));
		for (size_t x = 0; x < nbig + au->nsmall; x++) {
			size_t a = x < nbig ? big[x] : au->small[x - nbig];
			int64_t *row = x < nbig ? &b[x * ne] : &s[(x - nbig) * ne];
			for (size_t e = 0; e < ne; e++)
				row[e] = holds(t, eq[e] / (t->nc + 1), eq[e] % (t->nc + 1), a / t->nc, a % t->nc);
		}
		au->rbig[q] = echelon(b, nbig, ne, primes[q], piv);
		for (size_t x = 0; x < au->nsmall; x++) /* modulo the big atoms */
			for (size_t k = 0; k < au->rbig[q]; k++) {
				int64_t f = s[x * ne + piv[k]];
				for (size_t e = piv[k]; f && e < ne; e++)
					s[x * ne + e] = ((s[x * ne + e] - f * b[k * ne + e]) % primes[q] + primes[q]) % primes[q];
			}
		/* keep d independent columns: ranks of sets of rows stay the same */
		int64_t *w = xcalloc((au->nsmall + 1) * (ne + 1), sizeof(*w));
		memcpy(w, s, au->nsmall * ne * sizeof(*w));
		au->d[q] = echelon(w, au->nsmall, ne, primes[q], piv);
		au->res[q] = xcalloc((au->nsmall + 1) * (au->d[q] + 1), sizeof(**au->res));
		for (size_t x = 0; x < au->nsmall; x++)
			for (size_t k = 0; k < au->d[q]; k++)
				au->res[q][x * au->d[q] + k] = s[x * ne + piv[k]];
		free(w);
		free(b);
		free(s);
	}
	free(piv);
	free(big);
	free(eq);
}

static void audit_release(struct audit *au)
{
	free(au->small);
	for (int q = 0; q < NPRIME; q++)
		free(au->res[q]);
}

/* whether the shown cells pin down a combination of the small atoms in
 * (in[x] for au->small[x]) */
static int audit_pins(const struct audit *au, const unsigned char *in)
{
	size_t full = 0, rest = 0;
	for (int q = 0; q < NPRIME; q++) {
		size_t d = au->d[q], n = 0;
		int64_t *m = xcalloc((au->nsmall + 1) * (d + 1), sizeof(*m));
		for (size_t x = 0; x < au->nsmall; x++)
			if (!in[x])
				memcpy(&m[n++ * d], &au->res[q][x * d], d * sizeof(*m));
		size_t r = au->rbig[q] + echelon(m, n, d, primes[q], NULL);
		free(m);
		if (au->rbig[q] + d > full)
			full = au->rbig[q] + d;
		if (r > rest)
			rest = r;
	}
	return rest < full;
}

/* Some set of atoms holding fewer than 3 teachers whose scores the shown
 * cells pin down in some combination: 1 with the set in set (nr x nc). A
 * smaller set is pinned down only when a larger one is, so the largest set
 * for each pair of teachers is enough: the atoms with only them. */
static int disclosed(const struct vs_tab *t, unsigned char *set)
{
	struct audit au;
	size_t nteach = 0;
	int64_t *teach = NULL;
	int found = 0;

	audit_build(t, &au);
	unsigned char *in = xcalloc(au.nsmall + 1, 1);
	for (size_t x = 0; x < au.nsmall; x++) {
		const struct vs_cell *c = CELL(t, au.small[x] / t->nc, au.small[x] % t->nc);
		for (size_t k = 0; k < c->nt; k++) {
			size_t i;
			for (i = 0; i < nteach && teach[i] != c->t[k]; i++)
				;
			if (i == nteach) {
				teach = xrealloc(teach, (nteach + 1) * sizeof(*teach));
				teach[nteach++] = c->t[k];
			}
		}
	}
	for (size_t u = 0; u < nteach && !found; u++)
		for (size_t v = u; v < nteach && !found; v++) {
			int any = 0;
			for (size_t x = 0; x < au.nsmall; x++) {
				const struct vs_cell *c = CELL(t, au.small[x] / t->nc, au.small[x] % t->nc);
				size_t k = 0;
				while (k < c->nt && (c->t[k] == teach[u] || c->t[k] == teach[v]))
					k++;
				in[x] = k == c->nt;
				any |= in[x];
			}
			found = any && audit_pins(&au, in);
		}
	memset(set, 0, t->nr * t->nc);
	for (size_t x = 0; found && x < au.nsmall; x++)
		set[au.small[x]] = in[x];
	free(in);
	free(teach);
	audit_release(&au);
	return found;
}

/* the smaller of two cells to hide: fewer teachers, fewer scores, first */
static void consider(const struct vs_tab *t, size_t i, size_t j, struct vs_cell **best)
{
	struct vs_cell *c = CELL(t, i, j);
	if (c->hidden || !c->n || !published(t, i, j))
		return;
	if (!*best || c->nt < (*best)->nt || (c->nt == (*best)->nt && c->n < (*best)->n))
		*best = c;
}

/* Hide one more cell against the pinned-down set: the smallest shown part in
 * the row or column of a hidden cell over the set, else the smallest shown
 * cell over it. */
static void hide_one(struct vs_tab *t, const unsigned char *set)
{
	struct vs_cell *best = NULL;

	for (int margins = 0; margins < 2 && !best; margins++)
		for (size_t i = 0; i <= t->nr; i++)
			for (size_t j = 0; j <= t->nc; j++) {
				int over = 0;
				for (size_t a = 0; a < t->nr && !over; a++)
					for (size_t b = 0; b < t->nc && !over; b++)
						over = set[a * t->nc + b] && holds(t, i, j, a, b);
				if (!over)
					continue;
				if (margins) {
					consider(t, i, j, &best);
				} else if (CELL(t, i, j)->hidden) {
					for (size_t k = 0; k < t->nc; k++)
						consider(t, i, k, &best);
					for (size_t k = 0; k < t->nr; k++)
						consider(t, k, j, &best);
				}
			}
	if (best) {
		best->hidden = 1;
		return;
	}
	/* nothing shown holds the set, so it was not pinned down: hide all */
	for (size_t k = 0; k < (t->nr + 1) * (t->nc + 1); k++)
		t->c[k].hidden = 1;
}

static void decide(struct vs_tab *t)
{
	for (size_t i = 0; i <= t->nr; i++)
		for (size_t j = 0; j <= t->nc; j++) {
			struct vs_cell *c = CELL(t, i, j);
			c->hidden = !published(t, i, j) ||
				    ((visit_scores_steps & VISIT_SCORES_PRIMARY) && c->n && c->nt < VISIT_SCORES_MIN_TEACHERS);
		}
	if (!(visit_scores_steps & VISIT_SCORES_AUDIT) || !t->nr || !t->nc)
		return;
	unsigned char *set = xcalloc(t->nr * t->nc, 1);
	while (disclosed(t, set))
		hide_one(t, set);
	free(set);
}

/* ---- one school year's tables ---- */

struct vs_year {
	int64_t *rows, *cols; /* round and team ids, ascending; 0: none */
	size_t nr, nc;
	struct framework *fw; /* by key */
	size_t nfw;
	struct vs_tab **tab; /* per framework, per item */
};

static void id_add(int64_t **ids, size_t *n, int64_t id)
{
	size_t k = 0;
	while (k < *n && (*ids)[k] < id)
		k++;
	if (k < *n && (*ids)[k] == id)
		return;
	*ids = xrealloc(*ids, (*n + 1) * sizeof(**ids));
	memmove(*ids + k + 1, *ids + k, (*n - k) * sizeof(**ids));
	(*ids)[k] = id;
	(*n)++;
}

/* the index of id, or n */
static size_t id_index(const int64_t *ids, size_t n, int64_t id)
{
	size_t k = 0;
	while (k < n && ids[k] != id)
		k++;
	return k;
}

static void year_release(struct vs_year *y)
{
	for (size_t k = 0; k < y->nfw; k++) {
		for (size_t i = 0; y->tab && y->tab[k] && i < y->fw[k].nitems; i++) {
			struct vs_tab *t = &y->tab[k][i];
			for (size_t c = 0; t->c && c < (y->nr + 1) * (y->nc + 1); c++)
				free(t->c[c].t);
			free(t->c);
		}
		if (y->tab)
			free(y->tab[k]);
		framework_release(&y->fw[k]);
	}
	free(y->tab);
	free(y->fw);
	free(y->rows);
	free(y->cols);
}

struct vs_score {
	int64_t fw, round, team, teacher, n, sum;
	char *item;
};

static int fw_cmp(const void *a, const void *b)
{
	return strcmp(((const struct framework *)a)->key, ((const struct framework *)b)->key);
}

/* Read the scores of the school year starting 1 August of year: a visit of
 * a round belongs to the year its round starts in, one without a round to
 * the year of its date. */
static int year_load(struct store *db, int64_t school, int year, struct vs_year *y, struct beter_err *err)
{
	struct vs_score *sc = NULL;
	size_t nsc = 0;
	int64_t *fws = NULL;
	size_t nfws = 0;
	char from[11], to[11];
	struct store_stmt *st;
	int rc;

	memset(y, 0, sizeof(*y));
	if ((rc = store_prepare(db, "SELECT v.framework_id, s.item, coalesce(v.round_id, 0), coalesce(v.team_id, 0), "
				    "v.teacher_id, count(*), sum(s.score) FROM visit_score s JOIN visit v ON v.id = "
				    "s.visit_id LEFT JOIN visit_round r ON r.id = v.round_id WHERE v.school_id = ?1 AND "
				    "v.framework_id IS NOT NULL AND coalesce(r.from_date, v.date) BETWEEN ?2 AND ?3 "
				    "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5", &st, err)))
		return rc;
	date_format(date_from_ymd(year, 8, 1), from);
	date_format(date_from_ymd(year + 1, 7, 31), to);
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, from);
	store_bind_text(st, 3, to);
	while (store_next(db, st, &rc, N_("reading the scores"), err)) {
		sc = xrealloc(sc, (nsc + 1) * sizeof(*sc));
		struct vs_score *s = &sc[nsc++];
		s->fw = store_col_int(st, 0);
		s->item = xstrdup(store_col_text(st, 1));
		s->round = store_col_int(st, 2);
		s->team = store_col_int(st, 3);
		s->teacher = store_col_int(st, 4);
		s->n = store_col_int(st, 5);
		s->sum = store_col_int(st, 6);
		id_add(&fws, &nfws, s->fw);
		id_add(&y->rows, &y->nr, s->round);
		id_add(&y->cols, &y->nc, s->team);
	}
	store_finalize(st);

	y->fw = xcalloc(nfws ? nfws : 1, sizeof(*y->fw));
	for (size_t k = 0; k < nfws && !rc; k++)
		if (!(rc = framework_load(db, fws[k], &y->fw[k], err)))
			y->nfw++;
	if (!rc)
		qsort(y->fw, y->nfw, sizeof(*y->fw), fw_cmp);
	y->tab = xcalloc(y->nfw ? y->nfw : 1, sizeof(*y->tab));
	for (size_t k = 0; k < y->nfw && !rc; k++) {
		y->tab[k] = xcalloc(y->fw[k].nitems ? y->fw[k].nitems : 1, sizeof(**y->tab));
		for (size_t i = 0; i < y->fw[k].nitems; i++) {
			struct vs_tab *t = &y->tab[k][i];
			t->nr = y->nr;
			t->nc = y->nc;
			t->rows = y->rows;
			t->cols = y->cols;
			t->c = xcalloc((y->nr + 1) * (y->nc + 1), sizeof(*t->c));
		}
	}
	for (size_t s = 0; s < nsc; s++) {
		size_t k;
		for (k = 0; !rc && k < y->nfw && y->fw[k].id != sc[s].fw; k++)
			;
		const struct fw_item *it = !rc && k < y->nfw ? framework_item(&y->fw[k], sc[s].item) : NULL;
		if (it) {
			struct vs_tab *t = &y->tab[k][it - y->fw[k].items];
			size_t i = id_index(y->rows, y->nr, sc[s].round), j = id_index(y->cols, y->nc, sc[s].team);
			cell_add(CELL(t, i, j), sc[s].teacher, sc[s].n, sc[s].sum);
			cell_add(CELL(t, i, y->nc), sc[s].teacher, sc[s].n, sc[s].sum);
			cell_add(CELL(t, y->nr, j), sc[s].teacher, sc[s].n, sc[s].sum);
			cell_add(CELL(t, y->nr, y->nc), sc[s].teacher, sc[s].n, sc[s].sum);
		}
		free(sc[s].item);
	}
	for (size_t k = 0; k < y->nfw && !rc; k++)
		for (size_t i = 0; i < y->fw[k].nitems; i++)
			decide(&y->tab[k][i]);
	free(sc);
	free(fws);
	return rc;
}

/* ---- output ---- */

static const struct out_col sitem_cols[] = {
	{ N_("framework"), OUT_T_TEXT }, { N_("domain_id"), OUT_T_TEXT }, { N_("domain"), OUT_T_TEXT }, { N_("item_id"), OUT_T_TEXT },
	{ N_("item"), OUT_T_TEXT },	     { N_("scores"), OUT_T_INT },	  { N_("teachers"), OUT_T_INT }, { N_("mean"), OUT_T_REAL, 2 },
	{ N_("suppressed"), OUT_T_BOOL },
};
static const struct out_col sdom_cols[] = {
	{ N_("framework"), OUT_T_TEXT }, { N_("domain_id"), OUT_T_TEXT }, { N_("domain"), OUT_T_TEXT },
	{ N_("scores"), OUT_T_INT },     { N_("teachers"), OUT_T_INT },	  { N_("mean"), OUT_T_REAL, 2 },
	{ N_("suppressed"), OUT_T_BOOL },
};

/* scores, teachers, mean, suppressed */
static void cell_out(struct out *o, const struct vs_cell *c)
{
	int hide = c->n > 0 && c->hidden;
	out_int(o, c->n);
	out_int(o, (int64_t)c->nt);
	if (c->n && !hide)
		out_real(o, round(100.0 * (double)c->sum / (double)c->n) / 100.0);
	else
		out_null(o);
	out_bool(o, hide);
}

/* The domains of framework k in cell (i, j): a domain is hidden when one of
 * its items is (its figures are then the sum of the items' figures, which
 * tells nothing the items do not). */
static void domains_out(struct out *o, const struct vs_year *y, size_t k, size_t i, size_t j)
{
	const struct framework *fw = &y->fw[k];
	for (size_t d = 0; d < fw->ndomains; d++) {
		struct vs_cell dom;
		int hidden = 0;
		memset(&dom, 0, sizeof(dom));
		for (size_t it = 0; it < fw->nitems; it++) {
			const struct vs_cell *c = CELL(&y->tab[k][it], i, j);
			if (fw->items[it].domain != d)
				continue;
			for (size_t t = 0; t < c->nt; t++)
				cell_add(&dom, c->t[t], 0, 0);
			dom.n += c->n;
			dom.sum += c->sum;
			hidden |= c->n > 0 && c->hidden;
		}
		dom.hidden = hidden;
		out_text(o, fw->key);
		out_text(o, fw->domains[d].id);
		out_text(o, fw->domains[d].title);
		cell_out(o, &dom);
		out_row_end(o);
		free(dom.t);
	}
}

/* the round's id and the school year it starts in */
static int round_year(struct store *db, int64_t school, const char *name, int64_t *id, int *year, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = visit_round_find(db, school, name, id, err)) ||
	    (rc = store_prepare(db, "SELECT from_date FROM visit_round WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, *id);
	if (store_next(db, st, &rc, N_("reading the round"), err))
		*year = date_school_year(date_of(store_col_text(st, 0)));
	store_finalize(st);
	return rc;
}

int visit_scores(struct store *db, int64_t school, struct visit_scores_sel *s, struct out *o, struct beter_err *err)
{
	static const struct out_col all[] = {
		{ N_("framework"), OUT_T_TEXT }, { N_("domain_id"), OUT_T_TEXT }, { N_("domain"), OUT_T_TEXT },
		{ N_("item_id"), OUT_T_TEXT },   { N_("item"), OUT_T_TEXT },	  { N_("scores"), OUT_T_INT },
		{ N_("teachers"), OUT_T_INT },   { N_("mean"), OUT_T_REAL, 2 },	  { N_("suppressed"), OUT_T_BOOL },
	};
	struct vs_year y;
	int64_t rid = 0;
	int rc;

	if (s->round && (rc = round_year(db, school, s->round, &rid, &s->year, err)))
		return rc;
	if ((rc = year_load(db, school, s->year, &y, err))) {
		year_release(&y);
		return rc;
	}
	/* the selected cell; a round or team without scores in the year has none */
	size_t i = s->round ? id_index(y.rows, y.nr, rid) : y.nr, j = s->team ? id_index(y.cols, y.nc, s->team) : y.nc;
	int have = (!s->round || i < y.nr) && (!s->team || j < y.nc);

	out_doc_begin(o, all, sizeof(all) / sizeof(*all));
	out_section(o, "items", _("Mean per item"));
	out_list(o, sitem_cols, sizeof(sitem_cols) / sizeof(*sitem_cols));
	for (size_t k = 0; have && k < y.nfw; k++) {
		int any = 0;
		for (size_t it = 0; it < y.fw[k].nitems; it++)
			any |= CELL(&y.tab[k][it], i, j)->n > 0;
		for (size_t it = 0; any && it < y.fw[k].nitems; it++) {
			const struct fw_item *fi = &y.fw[k].items[it];
			out_text(o, y.fw[k].key);
			out_text(o, y.fw[k].domains[fi->domain].id);
			out_text(o, y.fw[k].domains[fi->domain].title);
			out_text(o, fi->id);
			out_text(o, fi->text);
			cell_out(o, CELL(&y.tab[k][it], i, j));
			out_row_end(o);
		}
	}
	out_end(o);
	out_section(o, "domains", _("Mean per domain"));
	out_list(o, sdom_cols, sizeof(sdom_cols) / sizeof(*sdom_cols));
	for (size_t k = 0; have && k < y.nfw; k++) {
		int any = 0;
		for (size_t it = 0; it < y.fw[k].nitems; it++)
			any |= CELL(&y.tab[k][it], i, j)->n > 0;
		if (any)
			domains_out(o, &y, k, i, j);
	}
	out_end(o);
	out_doc_end(o);
	year_release(&y);
	return 0;
}
