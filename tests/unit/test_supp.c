/* test_supp.c - the suppression decision, attacked: every set of atoms
 * smaller than the minimum is tried against the span of the shown cells,
 * with exact arithmetic (modulo a prime larger than any minor here), by code
 * that shares nothing with lib/supp.c. */
#include "unit.h"

#include "beter/supp.h"

#define P 2147483647LL /* 2^31 - 1 */
#define MAXA 24

static int64_t md(int64_t x)
{
	x %= P;
	return x < 0 ? x + P : x;
}

static int64_t inv(int64_t a)
{
	int64_t r = 1, e = P - 2;
	a = md(a);
	while (e) {
		if (e & 1)
			r = r * a % P;
		a = a * a % P;
		e >>= 1;
	}
	return r;
}

/* rank of rows[0..n) of width m, modulo P */
static int rank_of(int64_t rows[][MAXA], int n, int m)
{
	int r = 0;
	for (int c = 0; c < m && r < n; c++) {
		int piv = -1;
		for (int i = r; i < n; i++)
			if (rows[i][c]) {
				piv = i;
				break;
			}
		if (piv < 0)
			continue;
		for (int j = 0; j < m; j++) {
			int64_t t = rows[r][j];
			rows[r][j] = rows[piv][j];
			rows[piv][j] = t;
		}
		int64_t f = inv(rows[r][c]);
		for (int j = 0; j < m; j++)
			rows[r][j] = rows[r][j] * f % P;
		for (int i = 0; i < n; i++) {
			if (i == r || !rows[i][c])
				continue;
			int64_t g = rows[i][c];
			for (int j = 0; j < m; j++)
				rows[i][j] = md(rows[i][j] - g * rows[r][j]);
		}
		r++;
	}
	return r;
}

/* The attacker: a set of non-empty atoms with 0 < n < min_n whose sum is a
 * combination of the shown cells; its bit mask, or 0. */
static unsigned attack(const struct supp *p, const int *hidden)
{
	static int64_t base[256][MAXA], with[257][MAXA];
	int m = (int)p->natoms, nr = 0;

	assert_true(m <= MAXA && p->ncells <= 256);
	for (size_t c = 0; c < p->ncells; c++) {
		int64_t n = 0;
		for (int a = 0; a < m; a++)
			n += p->in[c * p->natoms + (size_t)a] ? p->n[a] : 0;
		if (hidden[c] || n == 0)
			continue;
		for (int a = 0; a < m; a++)
			base[nr][a] = p->in[c * p->natoms + (size_t)a] && p->n[a] > 0;
		nr++;
	}
	memcpy(with, base, sizeof(base));
	int r0 = rank_of(with, nr, m);
	for (unsigned u = 1; u < (1u << m); u++) {
		int64_t n = 0;
		int empty = 0;
		for (int a = 0; a < m; a++)
			if (u >> a & 1) {
				n += p->n[a];
				empty |= p->n[a] == 0;
			}
		if (empty || n >= p->min_n)
			continue;
		memcpy(with, base, sizeof(base));
		for (int a = 0; a < m; a++)
			with[nr][a] = u >> a & 1;
		if (rank_of(with, nr + 1, m) == r0)
			return u;
	}
	return 0;
}

/* A partition: groups, the total last. */
static void partition(const int64_t *n, size_t k, int64_t min_n, struct supp *p, unsigned char *in)
{
	memset(in, 0, (k + 1) * k);
	for (size_t i = 0; i < k; i++) {
		in[i * k + i] = 1;
		in[k * k + i] = 1;
	}
	p->natoms = k;
	p->ncells = k + 1;
	p->n = n;
	p->in = in;
	p->min_n = min_n;
}

static void decide_and_attack(const struct supp *p, int *hidden, unsigned *found)
{
	memset(hidden, 0, p->ncells * sizeof(int));
	supp_decide(p, hidden);
	*found = attack(p, hidden);
}

static void test_partition(void **state)
{
	static const int64_t cases[][6] = {
		{ 4, 6, 0 },	     /* 4 beside 6: the total minus 6 gives 4 */
		{ 4, 6, 7, 0 },	     /* Team C of the attack: 4 hidden, then one more */
		{ 6, 7, 1, 3, 0 },   /* MT 1 and Middenbouw 3: their union of 4 is too small */
		{ 1, 1, 1, 9, 9, 0 }, /* three of one: together 3 */
		{ 5, 5, 5, 0 },	     /* nothing to hide */
		{ 2, 2, 0 },	     /* the total of 4 is too small itself */
	};
	unsigned char in[64];
	int hidden[8];
	unsigned found;
	(void)state;

	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		size_t k = 0;
		while (cases[c][k])
			k++;
		struct supp p;
		partition(cases[c], k, 5, &p, in);
		decide_and_attack(&p, hidden, &found);
		assert_int_equal(found, 0);
	}
	/* the MT and Middenbouw case: both hidden, and one more, the total shown */
	struct supp p;
	partition(cases[2], 4, 5, &p, in);
	decide_and_attack(&p, hidden, &found);
	assert_int_equal(hidden[2] + hidden[3], 2);
	assert_int_equal(hidden[0], 1); /* the smallest shown group, 6 */
	assert_int_equal(hidden[1], 0);
	assert_int_equal(hidden[4], 0);
}

/* Without the secondary step the attacker wins: the total minus the shown
 * groups gives a hidden one, or the union of two hidden ones. The secondary
 * step alone is the whole rule (a cell below the minimum is itself a small
 * set in the span); the primary step only spares it the search. */
static void test_each_step_needed(void **state)
{
	static const int64_t two[] = { 4, 6 }, four[] = { 6, 7, 1, 3 };
	unsigned char in[64];
	int hidden[8];
	unsigned found;
	struct supp p;
	(void)state;

	partition(two, 2, 5, &p, in);
	supp_steps = 0;
	decide_and_attack(&p, hidden, &found);
	assert_int_equal(found, 1u << 0); /* shown as it is */
	supp_steps = SUPP_PRIMARY;
	decide_and_attack(&p, hidden, &found);
	assert_int_equal(found, 1u << 0); /* the total minus 6 */
	supp_steps = SUPP_SECONDARY;
	decide_and_attack(&p, hidden, &found);
	assert_int_equal(found, 0);

	partition(four, 4, 5, &p, in);
	supp_steps = SUPP_PRIMARY;
	decide_and_attack(&p, hidden, &found);
	assert_int_equal(found, 1u << 2 | 1u << 3); /* MT and Middenbouw together: 4 */
	supp_steps = SUPP_SECONDARY;
	decide_and_attack(&p, hidden, &found);
	assert_int_equal(found, 0);
	supp_steps = SUPP_PRIMARY | SUPP_SECONDARY;
}

/* A wave: surveys x teams, with the cells the commands print: the wave, the
 * wave per team, each survey, each survey per team. Random sizes, many of
 * them small. */
static void test_random_waves(void **state)
{
	unsigned seed = 12345;
	int wins = 0;
	(void)state;

	for (int round = 0; round < 300; round++) {
		int ns = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 3;
		int nt = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 5;
		int m = ns * nt;
		int64_t n[MAXA];
		size_t ncells = 1 + (size_t)nt + (size_t)ns * (1 + (size_t)nt);
		unsigned char in[64 * MAXA];
		int hidden[64];
		unsigned found;

		for (int a = 0; a < m; a++) {
			unsigned r = (seed = seed * 1103515245u + 12345u) >> 16;
			n[a] = r % 3 == 0 ? 0 : (int64_t)(r % 9);
		}
		memset(in, 0, ncells * (size_t)m);
		for (int j = 0; j < ns; j++)
			for (int t = 0; t < nt; t++) {
				int a = j * nt + t;
				in[0 * m + a] = 1;
				in[(size_t)(1 + t) * (size_t)m + (size_t)a] = 1;
				in[(size_t)(1 + nt + j) * (size_t)m + (size_t)a] = 1;
				in[(size_t)(1 + nt + ns + j * nt + t) * (size_t)m + (size_t)a] = 1;
			}
		struct supp p = { .natoms = (size_t)m, .ncells = ncells, .n = n, .in = in, .min_n = 5 };
		decide_and_attack(&p, hidden, &found);
		assert_int_equal(found, 0);
		supp_steps = SUPP_PRIMARY;
		decide_and_attack(&p, hidden, &found);
		supp_steps = SUPP_PRIMARY | SUPP_SECONDARY;
		wins += found != 0;
	}
	assert_true(wins > 30); /* without the secondary step the attacker often wins */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partition),
		cmocka_unit_test(test_each_step_needed),
		cmocka_unit_test(test_random_waves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
