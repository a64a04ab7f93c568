/* visit_plan.c - rounds: the duo planner and the plan of a round. */
#include "beter/visit.h"

#include <stdlib.h>
#include <string.h>

#include "beter/calendar.h"
#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"
#include "visit_int.h"

/* ---- the duo planner ---- */

static int overlap_of(int n, const unsigned char *prev, const int *t)
{
	int k = 0;
	for (int i = 0; prev && i < n; i++)
		k += prev[i * n + t[i]] != 0;
	return k;
}

static int gcd(int a, int b)
{
	while (b) {
		int t = a % b;
		a = b;
		b = t;
	}
	return a;
}

struct search {
	int n;
	const unsigned char *prev;
	int *t, *used;
	long nodes;
};

/* a derangement using no previous pair, trying targets from i+1 onwards */
static int search_free(struct search *s, int i)
{
	if (i == s->n)
		return 1;
	for (int d = 1; d < s->n; d++) {
		int j = (i + d) % s->n;
		if (s->used[j] || (s->prev && s->prev[i * s->n + j]))
			continue;
		if (++s->nodes > 200000)
			return 0;
		s->used[j] = 1;
		s->t[i] = j;
		if (search_free(s, i + 1))
			return 1;
		s->used[j] = 0;
	}
	return 0;
}

int visit_plan_pairs(int n, const unsigned char *prev, int *target)
{
	int best = -1, best_ov = 0, best_score = 0;
	int *t = xcalloc((size_t)n, sizeof(int));

	/* rotations of the sorted list: i visits i+k. Prefer no repeats, then
	 * no duo of the previous round the other way round, then a single cycle
	 * (nobody visits the one who visits them), then the smallest k */
	for (int k = 1; k < n; k++) {
		int rev = 0;
		for (int i = 0; i < n; i++)
			t[i] = (i + k) % n;
		for (int i = 0; prev && i < n; i++)
			rev += prev[t[i] * n + i] != 0;
		int ov = overlap_of(n, prev, t);
		int score = ov * 4 * n + rev * 2 + (gcd(k, n) != 1);
		if (best < 0 || score < best_score) {
			best = k;
			best_ov = ov;
			best_score = score;
		}
	}
	if (best_ov > 0 && n > 2) {
		struct search s = { n, prev, t, xcalloc((size_t)n, sizeof(int)), 0 };
		int found = search_free(&s, 0);
		free(s.used);
		if (found) {
			memcpy(target, t, (size_t)n * sizeof(int));
			free(t);
			return 0;
		}
	}
	for (int i = 0; i < n; i++)
		target[i] = (i + best) % n;
	free(t);
	return best_ov;
}

/* ---- rounds: the duo plan ---- */

static int weekdays_in(int from, int to)
{
	int n = 0;
	for (int d = from; d <= to; d++)
		n += date_weekday(d) <= 5;
	return n;
}

/* The days of a plan. Given dates must hold a weekday and lie today or
 * later. Without them: four weeks from today for a new round; the rest of an
 * existing round from today on, widened to four weeks when it is over or
 * spans a single day (a round made by 'visit add --round'). */
static int plan_window(struct store *db, int64_t school, const struct visit_plan_opts *p, int *from, int *to,
		       struct beter_err *err)
{
	struct store_stmt *st;
	char f[11], t[11], today[11];
	int rc, have = 0, rf = 0, rt = 0;

	date_format(p->today, today);
	if (p->from <= p->to) {
		date_format(p->from, f);
		date_format(p->to, t);
		if (!weekdays_in(p->from, p->to))
			return beter_err_set(err, BETER_DATAERR, _("--from/--to: %s to %s has no weekday; visits are planned "
					     "on Monday to Friday"), f, t);
		if (p->to < p->today)
			return beter_err_set(err, BETER_DATAERR, _("--from/--to: %s to %s lies in the past (today is %s); "
					     "plans are for the future (add a visit that took place with 'beter visit "
					     "add ... --seen ... --effect ...')"), f, t, today);
		if (p->from < p->today)
			return beter_err_set(err, BETER_DATAERR, _("--from: %s is before today (%s); plans are for the "
					     "future: start the round today or later"), f, today);
		*from = p->from;
		*to = p->to;
		return 0;
	}
	if ((rc = store_prepare(db, "SELECT from_date, to_date FROM visit_round WHERE school_id = ?1 AND name = ?2", &st,
				err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, p->round);
	if ((have = store_next(db, st, &rc, N_("reading the round"), err))) {
		date_parse(store_col_text(st, 0), &rf, "from", NULL);
		date_parse(store_col_text(st, 1), &rt, "to", NULL);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!have) {
		*from = p->today;
		*to = p->today + 27;
		return 0;
	}
	*from = rf > p->today ? rf : p->today;
	*to = rt;
	if (rf == rt || *to < *from || !weekdays_in(*from, *to))
		*to = *from + 27;
	return 0;
}

/* Observers for the members still to be visited when the round holds visits
 * of the team already: teacher need[k] gets obs[k], an observer who has no
 * visit in the round yet, never themself, each observer once; pairs of the
 * previous round only when nothing else fits. Deterministic: the member
 * before the teacher (by code) first. */
struct fill {
	int n, nneed, lax;
	const int *need;
	const unsigned char *busy, *prev;
	unsigned char *used;
	int *obs;
	long nodes;
};

static int fill_search(struct fill *s, int k)
{
	if (k == s->nneed)
		return 1;
	int j = s->need[k];
	for (int d = 1; d < s->n; d++) {
		int i = (j - d + s->n) % s->n;
		if (s->busy[i] || s->used[i] || (!s->lax && s->prev[i * s->n + j]))
			continue;
		if (++s->nodes > 200000)
			return 0;
		s->used[i] = 1;
		s->obs[k] = i;
		if (fill_search(s, k + 1))
			return 1;
		s->used[i] = 0;
	}
	return 0;
}

/* A plan being made: the team's members by code, who visits whom. */
struct plan {
	int64_t *ids;
	int n;
	unsigned char *busy, *visited, *prev; /* prev: n x n, observer x teacher */
	int *obs, *tea, nvis;
	int nexist;
	int64_t observer; /* VISIT_PLAN_OBSERVER: who visits everyone */
};

static void plan_release(struct plan *pl)
{
	free(pl->ids);
	free(pl->busy);
	free(pl->visited);
	free(pl->prev);
	free(pl->obs);
	free(pl->tea);
}

static int member_index(const struct plan *pl, int64_t id)
{
	for (int i = 0; i < pl->n; i++)
		if (pl->ids[i] == id)
			return i;
	return -1;
}

/* the members, by code */
static int plan_members(struct store *db, int64_t team, struct plan *pl, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT p.id FROM team_member m JOIN person p ON p.id = m.person_id "
				    "WHERE m.team_id = ?1 ORDER BY p.code", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	while (store_next(db, st, &rc, N_("reading the team"), err)) {
		pl->ids = xrealloc(pl->ids, (size_t)(pl->n + 1) * sizeof(*pl->ids));
		pl->ids[pl->n++] = store_col_int(st, 0);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (pl->n < 2)
		return beter_err_set(err, BETER_DATAERR, P_("--team: the team has %d member; a duo round needs at least 2",
					"--team: the team has %d members; a duo round needs at least 2", pl->n),
				     pl->n);
	pl->busy = xcalloc((size_t)pl->n, 1);
	pl->visited = xcalloc((size_t)pl->n, 1);
	pl->prev = xcalloc((size_t)pl->n * (size_t)pl->n, 1);
	pl->obs = xcalloc((size_t)pl->n, sizeof(int));
	pl->tea = xcalloc((size_t)pl->n, sizeof(int));
	return 0;
}

/* visits of the team in the round already (e.g. added by hand): whoever
 * visits in them is busy, whoever is visited is done */
static int plan_existing(struct store *db, int64_t round, int64_t team, struct plan *pl, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	/* planning again replaces the visits that did not take place (neither
	 * recorded nor held as the latest board session said) */
	if ((rc = store_prepare(db, "DELETE FROM visit WHERE round_id = ?1 AND recorded IS NULL AND cancelled IS NULL "
				    "AND coalesce(" VISIT_WORD_SQL("visit.id", "'9999-12-31'") ", 0) = 0 "
				    "AND (team_id = ?2 OR teacher_id IN (SELECT person_id FROM team_member WHERE team_id = ?2))",
				&st, err)))
		return rc;
	store_bind_int(st, 1, round);
	store_bind_int(st, 2, team);
	if ((rc = store_step_done(db, st, N_("replacing the round's plan"), err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT observer_id, teacher_id FROM visit WHERE round_id = ?1 AND cancelled IS NULL "
				    "AND (team_id = ?2 OR teacher_id IN (SELECT person_id FROM team_member WHERE team_id = ?2))",
				&st, err)))
		return rc;
	store_bind_int(st, 1, round);
	store_bind_int(st, 2, team);
	while (store_next(db, st, &rc, N_("reading the round"), err)) {
		int a = member_index(pl, store_col_int(st, 0)), b = member_index(pl, store_col_int(st, 1));
		pl->nexist++;
		if (a >= 0)
			pl->busy[a] = 1;
		if (b >= 0)
			pl->visited[b] = 1;
	}
	store_finalize(st);
	return rc;
}

/* the pairs of the team's previous round */
static int plan_previous(struct store *db, int64_t round, int64_t team, struct plan *pl, struct beter_err *err)
{
	struct store_stmt *st;
	int64_t prev_round = 0;
	int rc, n = pl->n;

	if ((rc = store_prepare(db, "SELECT v.round_id FROM visit v JOIN visit_round r ON r.id = v.round_id "
				    "WHERE v.team_id = ?1 AND v.round_id <> ?2 ORDER BY r.from_date DESC, r.id DESC "
				    "LIMIT 1", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_int(st, 2, round);
	if (store_next(db, st, &rc, N_("reading the previous round"), err))
		prev_round = store_col_int(st, 0);
	store_finalize(st);
	if (rc || !prev_round)
		return rc;
	if ((rc = store_prepare(db, "SELECT observer_id, teacher_id FROM visit WHERE round_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, prev_round);
	while (store_next(db, st, &rc, N_("reading the previous round"), err)) {
		int a = member_index(pl, store_col_int(st, 0)), b = member_index(pl, store_col_int(st, 1));
		if (a >= 0 && b >= 0)
			pl->prev[a * n + b] = 1;
	}
	store_finalize(st);
	return rc;
}

/* observers for the members not visited yet in a round that has visits */
static int plan_fill(const struct visit_plan_opts *p, struct plan *pl, int *repeats, struct beter_err *err)
{
	int n = pl->n, rc = 0;
	int *need = xcalloc((size_t)n, sizeof(int)), nneed = 0, *o2 = xcalloc((size_t)n, sizeof(int));

	for (int j = 0; j < n; j++)
		if (!pl->visited[j])
			need[nneed++] = j;
	struct fill s = { n, nneed, 0, need, pl->busy, pl->prev, xcalloc((size_t)n, 1), o2, 0 };
	int found = fill_search(&s, 0);
	if (!found) {
		memset(s.used, 0, (size_t)n);
		s.lax = 1;
		s.nodes = 0;
		found = fill_search(&s, 0);
	}
	if (found) {
		for (int k = 0; k < nneed; k++) {
			pl->obs[pl->nvis] = o2[k];
			pl->tea[pl->nvis++] = need[k];
			*repeats += pl->prev[o2[k] * n + need[k]] != 0;
		}
	} else {
		rc = beter_err_set(err, BETER_FAIL, _("the round '%s' has %d visits for this team already and no free "
				   "observer is left for every member still to be visited; add the rest with "
				   "'beter visit add --round \"%s\"'"), p->round, pl->nexist, p->round);
	}
	free(s.used);
	free(need);
	free(o2);
	return rc;
}

/* the visits, spread over the school days of the window */
static int plan_add(struct store *db, int64_t school, const struct visit_plan_opts *p, const struct plan *pl, int from,
		    int to, int *nplanned, struct beter_err *err)
{
	int *days = xcalloc((size_t)(to - from + 1), sizeof(int)), nd = 0, rc;
	struct calendar cal;

	if ((rc = calendar_load(db, school, from, to, &cal, err))) {
		free(days);
		return rc;
	}
	for (int d = from; d <= to; d++)
		if (calendar_school_day(&cal, d))
			days[nd++] = d;
	calendar_release(&cal);
	if (!nd && pl->nvis) {
		char f[11], t[11];
		date_format(from, f);
		date_format(to, t);
		free(days);
		return beter_err_set(err, BETER_DATAERR, _("--from/--to: %s to %s holds no school day (holidays and study "
				     "days of 'beter calendar' are skipped); give other days"), f, t);
	}
	for (int k = 0; k < pl->nvis && !rc; k++) {
		struct visit_new v;
		int64_t vid;
		memset(&v, 0, sizeof(v));
		v.observer = pl->observer ? pl->observer : pl->ids[pl->obs[k]];
		v.teacher = pl->ids[pl->tea[k]];
		v.team = p->team;
		v.round = p->round;
		v.day = days[(long)k * nd / pl->nvis];
		v.time = -1;
		v.framework = p->framework;
		if (!(rc = visit_add(db, school, &v, &vid, err)))
			(*nplanned)++;
	}
	free(days);
	return rc;
}

int visit_plan(struct store *db, int64_t school, const struct visit_plan_opts *p, int *nplanned, int *repeats,
	       struct beter_err *err)
{
	struct plan pl;
	int64_t round = 0;
	int rc, from = 0, to = 0;

	*nplanned = *repeats = 0;
	memset(&pl, 0, sizeof(pl));
	if ((rc = visit_round_text_ok(p->round, err)) || (rc = plan_window(db, school, p, &from, &to, err)))
		return rc;
	if ((rc = plan_members(db, p->team, &pl, err)) ||
	    (rc = visit_round_get(db, school, p->round, from, to, &round, err)) ||
	    (rc = plan_existing(db, round, p->team, &pl, err)))
		goto done;
	if (pl.nexist && !memchr(pl.visited, 0, (size_t)pl.n)) {
		rc = beter_err_set(err, BETER_FAIL, _("the round '%s' has %d visits for this team already and every member "
				   "is visited (see 'beter visit list --round \"%s\"')"), p->round, pl.nexist, p->round);
		goto done;
	}
	if ((rc = plan_previous(db, round, p->team, &pl, err)))
		goto done;
	if (p->mode == VISIT_PLAN_OBSERVER) {
		pl.observer = p->observer;
		for (int j = 0; j < pl.n; j++)
			if (!pl.visited[j] && pl.ids[j] != p->observer)
				pl.tea[pl.nvis++] = j;
	} else if (!pl.nexist) {
		int *target = xcalloc((size_t)pl.n, sizeof(int));
		*repeats = p->mode == VISIT_PLAN_ROTATION ? visit_plan_pairs(pl.n, pl.prev, target)
							  : visit_plan_duos(pl.n, pl.prev, target);
		for (int i = 0; i < pl.n; i++) {
			pl.obs[pl.nvis] = i;
			pl.tea[pl.nvis++] = target[i];
		}
		free(target);
	} else if ((rc = plan_fill(p, &pl, repeats, err))) {
		goto done;
	}
	rc = plan_add(db, school, p, &pl, from, to, nplanned, err);
done:
	plan_release(&pl);
	return rc;
}
