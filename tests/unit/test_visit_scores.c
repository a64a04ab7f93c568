/* Framework scores of lesson visits: an attack on what 'visit scores'
 * publishes. Every allowed selection (each round and the school year, each
 * team and the school) is asked for; every shown mean is an equation over
 * the atoms (round x team, with the visits without a round or team as atoms
 * of their own), and a brute force over the sets of atoms that hold fewer
 * than 3 teachers checks by Gaussian elimination that no combination of
 * such a set follows from the shown means. */
#include "unit.h"

#include <cjson/cJSON.h>
#include <math.h>

#include "beter/date.h"
#include "beter/framework.h"
#include "beter/person.h"
#include "beter/team.h"
#include "beter/visit.h"
#include "beter/store_sqlite.h"

#define NROUND 6 /* 0: none, R1-R5 */
#define NTEAM 5  /* 0: none, T1-T4 */
#define NITEM 2
#define NYEAR 2 /* 0: 2026-2027; 1: 2025-2026 with R0 as its round 1 */

static const char *const items[NITEM] = { "klimaat.1", "klimaat.2" };

/* One cell of the fixture: year, round (0 none), team (0 none), the
 * teachers visited: members first..first+count-1 of letter (a b c d are the
 * members of T1-T4; e for people in no team). */
struct fx {
	int year, round, team;
	char letter;
	int first, count;
};

/* Rounds 1-4 form two cycles of small cells (R1/R2 x T1/T2 and R3/R4 x
 * T3/T4) joined by R1 x T3 with one teacher: every row and column there
 * holds two or more small cells with 3 or more teachers together, and still
 * R1 x T3 is a sum of the others (a rule on rows and columns alone misses
 * it). R5 is a late round with one teacher, visited in two teams. e0 is in
 * no team. Last year: R0 (which started then; one of its visits is dated
 * this year) and one visit without a round. */
static const struct fx fixture[] = {
	{ 0, 1, 1, 'a', 0, 2 },	 { 0, 1, 2, 'b', 0, 2 }, { 0, 1, 3, 'c', 0, 1 }, { 0, 1, 4, 'd', 5, 5 },
	{ 0, 2, 1, 'a', 2, 2 },	 { 0, 2, 2, 'b', 2, 2 }, { 0, 2, 3, 'c', 5, 5 }, { 0, 2, 4, 'd', 5, 4 },
	{ 0, 3, 1, 'a', 5, 5 },	 { 0, 3, 2, 'b', 5, 5 }, { 0, 3, 3, 'c', 1, 2 }, { 0, 3, 4, 'd', 1, 2 },
	{ 0, 4, 1, 'a', 5, 4 },	 { 0, 4, 2, 'b', 5, 4 }, { 0, 4, 3, 'c', 3, 2 }, { 0, 4, 4, 'd', 3, 2 },
	{ 0, 5, 1, 'a', 10, 1 }, { 0, 5, 2, 'a', 10, 1 },
	{ 0, 0, 1, 'a', 5, 4 },	 { 0, 0, 2, 'b', 5, 3 }, { 0, 0, 3, 'c', 5, 3 }, { 0, 0, 4, 'd', 5, 3 },
	{ 0, 0, 0, 'e', 0, 1 },
	{ 0, 3, 2, 'a', 11, 1 }, /* a member of T1 visited in T2 too, in a big cell */
	{ 1, 1, 1, 'a', 0, 4 },	 { 1, 0, 1, 'a', 4, 1 },
};
static const char *const round_names[NYEAR][NROUND] = { { NULL, "R1", "R2", "R3", "R4", "R5" }, { NULL, "R0" } };

/* the fixture's count and sum per atom and item, and its teachers (bits of
 * 5 letters x 12 members) */
struct atom {
	int64_t n[NITEM], sum[NITEM];
	uint64_t who[NITEM];
};
static struct atom atoms[NYEAR][NROUND][NTEAM];

/* the score of a teacher on item i in a round; item 2 only for some */
static int score_of(int bit, int round, int i)
{
	if (i == 1 && bit % 2)
		return 0;
	return 1 + (bit * 7 + round * 3 + i) % 4;
}

static int64_t round_id(struct store *db, const char *name)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "SELECT id FROM visit_round WHERE name = '%s'", name);
	return store_int(db, sql, 0);
}

static void add_fixture(struct store *db, const struct fx *cells, size_t ncells)
{
	static const char *const dates[NYEAR][NROUND] = {
		{ "2026-10-15", "2026-09-10", "2026-10-12", "2026-11-10", "2026-11-12", "2026-11-19" },
		{ "2026-05-10", "2026-09-10" },
	};
	struct beter_err err = { 0 };
	struct framework fw;
	struct store_stmt *v, *s;
	int64_t id, teams[NTEAM] = { 0 }, rounds[NYEAR][NROUND] = { { 0 } };
	char code[16], name[24];

	assert_int_equal(framework_get(db, 1, "leskwaliteit", 1, &fw, &err), 0);
	for (int t = 1; t < NTEAM; t++) {
		snprintf(name, sizeof(name), "T%d", t);
		assert_int_equal(team_add(db, 1, name, NULL, &teams[t], &err), 0);
	}
	assert_int_equal(person_add(db, 1, "OBS", "Observer", "leraar", &id, &err), 0);
	for (char l = 'a'; l <= 'e'; l++)
		for (int m = 0; m < 12; m++) {
			snprintf(code, sizeof(code), "%c%d", l, m);
			assert_int_equal(person_add(db, 1, code, code, "leraar", &id, &err), 0);
		}
	assert_int_equal(sqlite3_exec(store_sqlite(db), "INSERT INTO visit_round(uid, school_id, name, from_date, to_date) VALUES "
					  "('r1', 1, 'R1', '2026-09-01', '2026-09-30'), ('r2', 1, 'R2', '2026-10-01', "
					  "'2026-10-31'), ('r3', 1, 'R3', '2026-11-01', '2026-11-11'), ('r4', 1, 'R4', "
					  "'2026-11-12', '2026-11-18'), ('r5', 1, 'R5', '2026-11-19', '2026-11-20'), "
					  "('r0', 1, 'R0', '2026-07-01', '2026-09-15')", NULL, NULL, NULL), STORE_OK);
	for (int y = 0; y < NYEAR; y++)
		for (int r = 1; r < NROUND; r++)
			if (round_names[y][r])
				rounds[y][r] = round_id(db, round_names[y][r]);
	assert_int_equal(store_prepare(db, "INSERT INTO visit(uid, school_id, observer_id, teacher_id, team_id, "
						"round_id, framework_id, date, seen, effect, recorded, created) VALUES "
						"(?1, 1, (SELECT id FROM person WHERE code = 'OBS'), (SELECT id FROM "
						"person WHERE code = ?2), ?3, ?4, ?5, ?6, 's', 'e', ?6, ?6)", &v, NULL),
			 STORE_OK);
	assert_int_equal(store_prepare(db, "INSERT INTO visit_score(uid, visit_id, item, score) VALUES "
						"(?1 || ?2, (SELECT max(id) FROM visit), ?2, ?3)", &s, NULL), STORE_OK);
	memset(atoms, 0, sizeof(atoms));
	for (size_t f = 0; f < ncells; f++) {
		const struct fx *x = &cells[f];
		for (int m = x->first; m < x->first + x->count; m++) {
			int bit = (x->letter - 'a') * 12 + m;
			char uid[48];
			snprintf(uid, sizeof(uid), "v%zu-%d", f, m);
			snprintf(code, sizeof(code), "%c%d", x->letter, m);
			store_reset(v);
			store_bind_text(v, 1, uid);
			store_bind_text(v, 2, code);
			if (x->team)
				store_bind_int(v, 3, teams[x->team]);
			else
				store_bind_null(v, 3);
			if (x->round)
				store_bind_int(v, 4, rounds[x->year][x->round]);
			else
				store_bind_null(v, 4);
			store_bind_int(v, 5, fw.id);
			store_bind_text(v, 6, dates[x->year][x->round]);
			assert_int_equal(store_step(v), STORE_DONE);
			for (int i = 0; i < NITEM; i++) {
				int sc = score_of(bit, x->round, i);
				if (!sc)
					continue;
				store_reset(s);
				store_bind_text(s, 1, uid);
				store_bind_text(s, 2, items[i]);
				store_bind_int(s, 3, sc);
				assert_int_equal(store_step(s), STORE_DONE);
				struct atom *a = &atoms[x->year][x->round][x->team];
				a->n[i]++;
				a->sum[i] += sc;
				a->who[i] |= (uint64_t)1 << bit;
			}
		}
	}
	store_finalize(v);
	store_finalize(s);
	framework_release(&fw);
}

/* ---- the attack ---- */

/* A shown mean: the cell (round, or -1 for the year; team, or -1 for the
 * school) of a year and item, as the sum of its atoms' scores. */
struct eq {
	int year, row, col, item;
	int64_t sum;
};

static int holds(const struct eq *e, int r, int t)
{
	return (e->row < 0 || e->row == r) && (e->col < 0 || e->col == t);
}

static int popcount64(uint64_t x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* rank of a rows x cols matrix of doubles (small integers), overwritten */
static int rank_of(double *m, int rows, int cols)
{
	int r = 0;
	for (int c = 0; c < cols && r < rows; c++) {
		int piv = r;
		for (int i = r + 1; i < rows; i++)
			if (fabs(m[i * cols + c]) > fabs(m[piv * cols + c]))
				piv = i;
		if (fabs(m[piv * cols + c]) < 1e-9)
			continue;
		for (int k = 0; k < cols; k++) {
			double x = m[piv * cols + k];
			m[piv * cols + k] = m[r * cols + k];
			m[r * cols + k] = x;
		}
		for (int i = r + 1; i < rows; i++) {
			double f = m[i * cols + c] / m[r * cols + c];
			for (int k = c; k < cols; k++)
				m[i * cols + k] -= f * m[r * cols + k];
		}
		r++;
	}
	return r;
}

/* The rank of the equations of (year, item) over its atoms, leaving out the
 * atoms in skip (bits of r * NTEAM + t). */
static int eq_rank(const struct eq *eqs, int neq, int year, int item, uint64_t skip)
{
	double m[64 * NROUND * NTEAM];
	int rows = 0, cols = NROUND * NTEAM;
	for (int e = 0; e < neq && rows < 64; e++) {
		if (eqs[e].year != year || eqs[e].item != item)
			continue;
		for (int r = 0; r < NROUND; r++)
			for (int t = 0; t < NTEAM; t++)
				m[rows * cols + r * NTEAM + t] = atoms[year][r][t].n[item] && holds(&eqs[e], r, t) &&
								 !(skip >> (r * NTEAM + t) & 1);
		rows++;
	}
	return rank_of(m, rows, cols);
}

struct search {
	const struct eq *eqs;
	int neq, year, item, full, nsmall, count;
	int small[NROUND * NTEAM];
	char *found;
	size_t size;
};

/* Every set of the small atoms from k on added to skip (holding who) that
 * stays under 3 teachers: is some combination of it pinned down? */
static void search_from(struct search *s, int k, uint64_t skip, uint64_t who)
{
	for (; k < s->nsmall; k++) {
		int r = s->small[k] / NTEAM, t = s->small[k] % NTEAM;
		uint64_t w = who | atoms[s->year][r][t].who[s->item], sk = skip | (uint64_t)1 << s->small[k];
		if (popcount64(w) >= 3)
			continue;
		if (eq_rank(s->eqs, s->neq, s->year, s->item, sk) < s->full && !s->count++) {
			size_t len = (size_t)snprintf(s->found, s->size, "year %d item %s:", s->year, items[s->item]);
			for (int a = 0; a < NROUND * NTEAM && len < s->size; a++)
				if (sk >> a & 1)
					len += (size_t)snprintf(s->found + len, s->size - len, " R%dxT%d", a / NTEAM, a % NTEAM);
		}
		search_from(s, k + 1, sk, w);
	}
}

/* How many sets of atoms with 1 or 2 teachers among them have some
 * combination that follows from the equations (a nonzero vector of their
 * row space that is zero outside the set): brute force over every such set.
 * The first is described in found. */
static int disclosures(const struct eq *eqs, int neq, char *found, size_t size)
{
	struct search s = { .eqs = eqs, .neq = neq, .found = found, .size = size };
	for (s.year = 0; s.year < NYEAR; s.year++)
		for (s.item = 0; s.item < NITEM; s.item++) {
			s.full = eq_rank(eqs, neq, s.year, s.item, 0);
			s.nsmall = 0;
			for (int r = 0; r < NROUND; r++)
				for (int t = 0; t < NTEAM; t++)
					if (atoms[s.year][r][t].n[s.item] && popcount64(atoms[s.year][r][t].who[s.item]) < 3)
						s.small[s.nsmall++] = r * NTEAM + t;
			search_from(&s, 0, 0, 0);
		}
	return s.count;
}

/* Ask for every allowed selection, check what is shown against the fixture
 * and collect the shown means as equations; returns how many, with the
 * number of means shown on fewer than 3 teachers in under. */
static int published(struct store *db, struct eq *eqs, int max, int *under)
{
	int neq = 0;
	*under = 0;
	for (int y = 0; y < NYEAR; y++)
		for (int r = -1; r < NROUND; r++)
			for (int t = -1; t < NTEAM; t++) {
				struct visit_scores_sel sel = { 0, NULL, 2026 - y };
				struct beter_err err = { 0 };
				struct capture c;
				char sql[128];
				if ((r >= 0 && !round_names[y][r]) || !t)
					continue;
				sel.round = r >= 0 ? round_names[y][r] : NULL;
				snprintf(sql, sizeof(sql), "SELECT id FROM team WHERE name = 'T%d'", t);
				sel.team = t > 0 ? store_int(db, sql, 0) : 0;
				capture_begin(&c, OUT_JSON);
				assert_int_equal(visit_scores(db, 1, &sel, &c.out, &err), 0);
				assert_int_equal(sel.year, 2026 - y);
				cJSON *doc = cJSON_Parse(capture_end(&c));
				free(c.buf);
				assert_non_null(doc);
				int dom_hidden = 0, dom_n = 0;
				const cJSON *it;
				cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "items"))
				{
					const char *id = cJSON_GetObjectItem(it, "item_id")->valuestring;
					int i = !strcmp(id, items[0]) ? 0 : !strcmp(id, items[1]) ? 1 : -1;
					int64_t n = 0, sum = 0;
					uint64_t who = 0;
					const cJSON *mean = cJSON_GetObjectItem(it, "mean");
					int hidden = cJSON_IsTrue(cJSON_GetObjectItem(it, "suppressed"));
					if (i < 0) {
						assert_int_equal(cJSON_GetObjectItem(it, "scores")->valueint, 0);
						continue;
					}
					for (int a = 0; a < NROUND; a++)
						for (int b = 0; b < NTEAM; b++) {
							struct eq e = { y, r, t, i, 0 };
							if (!holds(&e, a, b))
								continue;
							n += atoms[y][a][b].n[i];
							sum += atoms[y][a][b].sum[i];
							who |= atoms[y][a][b].who[i];
						}
					/* the counts are the fixture's; a mean rests on 3 teachers or more */
					assert_int_equal(cJSON_GetObjectItem(it, "scores")->valueint, n);
					assert_int_equal(cJSON_GetObjectItem(it, "teachers")->valueint, popcount64(who));
					assert_int_equal(hidden, n > 0 && cJSON_IsNull(mean));
					dom_n += n > 0;
					dom_hidden |= hidden;
					if (!cJSON_IsNumber(mean))
						continue;
					*under += popcount64(who) < 3;
					assert_true(fabs(mean->valuedouble - (double)sum / (double)n) < 0.0051);
					assert_true(neq < max);
					eqs[neq++] = (struct eq){ y, r, t, i, sum };
				}
				/* the domain is suppressed when one of its items is */
				cJSON_ArrayForEach(it, cJSON_GetObjectItem(doc, "domains"))
				{
					if (strcmp(cJSON_GetObjectItem(it, "domain_id")->valuestring, "klimaat"))
						continue;
					assert_int_equal(cJSON_IsTrue(cJSON_GetObjectItem(it, "suppressed")), dom_n && dom_hidden);
				}
				cJSON_Delete(doc);
			}
	return neq;
}

static int shown; /* the means shown in the last attack */

/* The sets disclosed with the given steps on; under as for published(). */
static int attack(struct store *db, unsigned steps, int *under, char *found, size_t size)
{
	struct eq eqs[512];
	unsigned was = visit_scores_steps;
	visit_scores_steps = steps;
	int neq = published(db, eqs, 512, under);
	visit_scores_steps = was;
	shown = neq;
	*found = '\0';
	return disclosures(eqs, neq, found, size);
}

static void test_scores_attack(void **state)
{
	struct store *db = unit_store();
	char found[256];
	int n, under;
	(void)state;

	add_fixture(db, fixture, sizeof(fixture) / sizeof(*fixture));
	/* everything on: no mean on fewer than 3 teachers, and no set under 3
	 * teachers follows from the shown means in any combination */
	n = attack(db, VISIT_SCORES_PRIMARY | VISIT_SCORES_AUDIT, &under, found, sizeof(found));
	if (n)
		print_message("disclosed: %s\n", found);
	assert_int_equal(n, 0);
	assert_int_equal(under, 0);
	/* not by hiding everything: 27 means are shown (hidden are R5, the
	 * year of T4 and, for the item scored by fewer teachers, more) */
	assert_int_equal(shown, 27);
	/* without the audit, small cells follow from their rows and columns */
	n = attack(db, VISIT_SCORES_PRIMARY, &under, found, sizeof(found));
	print_message("without the audit: %d sets disclosed, first %s\n", n, found);
	assert_true(n > 0);
	assert_int_equal(under, 0);
	/* without either, small cells are shown as they are */
	n = attack(db, 0, &under, found, sizeof(found));
	print_message("without both: %d sets disclosed, %d means on fewer than 3 teachers\n", n, under);
	assert_true(n > 0 && under > 0);
	/* the audit alone hides the small cells too: a shown cell under 3
	 * teachers is itself a combination it looks for */
	n = attack(db, VISIT_SCORES_AUDIT, &under, found, sizeof(found));
	assert_int_equal(n, 0);
	assert_int_equal(under, 0);
	store_close(db);
}

/* Tables of random cells, many of them small, with teachers visited in
 * more than one team: nothing under 3 teachers follows either. */
static void test_scores_attack_random(void **state)
{
	uint32_t seed = 12345;
	int leaks = 0, shown_all = 0;
	(void)state;

	for (int round = 0; round < 25; round++) {
		struct fx cells[NROUND * NTEAM];
		size_t n = 0;
		char found[256];
		int under;
		for (int r = 0; r < NROUND; r++)
			for (int t = 0; t < NTEAM; t++) {
				seed = seed * 1103515245u + 12345u;
				int count = (int)(seed >> 16) % 6, first = (int)(seed >> 8) % 8;
				char letter = t ? (char)('a' + t - 1) : 'e';
				if ((seed >> 4) % 5 == 0)
					letter = (char)('a' + (seed >> 12) % 4); /* someone of another team */
				if (count)
					cells[n++] = (struct fx){ 0, r, t, letter, first, count > 4 ? 1 : count };
			}
		struct store *db = unit_store();
		add_fixture(db, cells, n);
		int d = attack(db, VISIT_SCORES_PRIMARY | VISIT_SCORES_AUDIT, &under, found, sizeof(found));
		if (d)
			print_message("table %d: disclosed %s\n", round, found);
		assert_int_equal(d, 0);
		assert_int_equal(under, 0);
		shown_all += shown;
		/* tables the audit has work in */
		leaks += attack(db, VISIT_SCORES_PRIMARY, &under, found, sizeof(found)) > 0;
		store_close(db);
	}
	print_message("without the audit %d of 25 tables leak; %d means shown with it\n", leaks, shown_all);
	assert_true(leaks > 15 && shown_all > 25 * 10);
}

/* The check is not only about two figures: the fixture's small cells of
 * R1-R4 x T1-T4 hidden, every other cell of that part of the table and its
 * margins shown, meets a rule on rows and columns (each row and column with a
 * hidden cell has two or more, with 3 teachers or more together), and the
 * attack still finds R1 x T3 (one teacher) as a combination of them. */
static void test_scores_attack_bridge(void **state)
{
	struct eq eqs[64];
	int neq = 0, hidden[NROUND][NTEAM] = { { 0 } };
	char found[256];
	(void)state;

	memset(atoms, 0, sizeof(atoms));
	for (size_t f = 0; f < sizeof(fixture) / sizeof(*fixture); f++) {
		const struct fx *x = &fixture[f];
		if (x->year || x->round < 1 || x->round > 4 || x->team < 1)
			continue;
		if (x->letter != 'a' + x->team - 1)
			continue; /* only the team's own members here */
		for (int m = x->first; m < x->first + x->count; m++) {
			struct atom *a = &atoms[0][x->round][x->team];
			a->n[0]++;
			a->sum[0] += m + 1;
			a->who[0] |= (uint64_t)1 << ((x->letter - 'a') * 12 + m);
		}
	}
	for (int r = 1; r <= 4; r++)
		for (int t = 1; t <= 4; t++)
			hidden[r][t] = popcount64(atoms[0][r][t].who[0]) < 3;
	/* the rule on rows and columns holds */
	for (int k = 1; k <= 4; k++) {
		int nr = 0, nc = 0;
		uint64_t wr = 0, wc = 0;
		for (int l = 1; l <= 4; l++) {
			if (hidden[k][l])
				nr++, wr |= atoms[0][k][l].who[0];
			if (hidden[l][k])
				nc++, wc |= atoms[0][l][k].who[0];
		}
		assert_true(nr != 1 && (!nr || popcount64(wr) >= 3));
		assert_true(nc != 1 && (!nc || popcount64(wc) >= 3));
	}
	for (int r = -1; r <= 4; r++)
		for (int t = -1; t <= 4; t++)
			if (r && t && (r < 0 || t < 0 || !hidden[r][t]))
				eqs[neq++] = (struct eq){ 0, r, t, 0, 0 };
	int n = disclosures(eqs, neq, found, sizeof(found));
	print_message("a rule on rows and columns: %d sets disclosed, first %s\n", n, found);
	assert_true(n > 0);
	assert_non_null(strstr(found, "R1xT3"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scores_attack),
		cmocka_unit_test(test_scores_attack_random),
		cmocka_unit_test(test_scores_attack_bridge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
