/* survey_supp.c - one suppression decision per wave of an instrument in a
 * school, shared by every command that prints its figures.
 *
 * The respondents of a wave are in surveys (the school's and teams' own) and
 * teams. Per scale, the figures that can be printed are: the wave (survey
 * compare), the wave for one team (survey compare --team, the progress
 * report of a team), each survey (survey report), and each survey for one
 * team or for no team (survey report --by team). The atoms are the teams in
 * a survey; lib/supp.c decides over all these cells at once, first at the
 * school's minimum and then, when an option asks for more, at that minimum
 * with everything the first decision hid kept hidden, so that figures
 * printed with different minimums do not combine either.
 */
#include "beter/survey.h"

#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/supp.h"
#include "beter/survey_seal.h"
#include "survey_agg.h"

struct atom {
	int64_t survey, team, rater;
	int64_t *n; /* per scale */
};

struct atoms {
	struct atom *a;
	size_t n, cap;
	int nscales;
};

static int atom_is(const struct atom *a, int64_t survey, int64_t team, int64_t rater)
{
	return a->survey == survey && a->team == team && a->rater == rater;
}

static size_t atom_get(struct atoms *as, int64_t survey, int64_t team, int64_t rater, size_t hint)
{
	if (hint < as->n && atom_is(&as->a[hint], survey, team, rater))
		return hint;
	for (size_t i = 0; i < as->n; i++)
		if (atom_is(&as->a[i], survey, team, rater))
			return i;
	if (as->n == as->cap) {
		as->cap = as->cap ? as->cap * 2 : 16;
		as->a = xrealloc(as->a, as->cap * sizeof(*as->a));
	}
	as->a[as->n].survey = survey;
	as->a[as->n].team = team;
	as->a[as->n].rater = rater;
	as->a[as->n].n = xcalloc((size_t)as->nscales + 1, sizeof(int64_t));
	return as->n++;
}

static size_t index_of(const int64_t *v, size_t n, int64_t x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return i;
	return n;
}

static void add_unique(int64_t **v, size_t *n, int64_t x)
{
	if (index_of(*v, *n, x) < *n)
		return;
	*v = xrealloc(*v, (*n + 1) * sizeof(int64_t));
	(*v)[(*n)++] = x;
}

static int64_t rater_index(const struct survey_instrument *in, const char *r)
{
	for (int i = 0; r && i < in->nraters; i++)
		if (!strcmp(in->raters[i].id, r))
			return i;
	return -1;
}

/* Per response: in which scales it has an answer. The responses of a
 * 360-degree feedback are opened with the school leader's key; the leader's
 * own (rater 'zelf') are in no figure but their own and stay out. */
static int read_atoms(struct store *db, int64_t school, const struct survey_instrument *in, int64_t iid,
		      const char *wave,
		      const char *key_file, struct atoms *as, struct beter_err *err)
{
	struct store_stmt *st;
	struct survey_seal seal;
	int64_t open_for = 0;
	int bad = 0; /* a sealed row that could not be opened */
	int *scale_of = xcalloc((size_t)in->npacked + 1, sizeof(int));
	int *hi_of = xcalloc((size_t)in->npacked + 1, sizeof(int));
	int *lo_of = xcalloc((size_t)in->npacked + 1, sizeof(int));
	unsigned char *seen = xcalloc((size_t)in->nscales + 1, 1);
	size_t hint = 0;
	int rc;

	for (int i = 0; i < in->nitems; i++) {
		const struct survey_item *it = &in->items[i];
		if (!it->pos)
			continue;
		const struct survey_likert *lk = &in->likert[in->scales[it->scale].likert];
		scale_of[it->pos - 1] = it->scale;
		lo_of[it->pos - 1] = lk->lo;
		hi_of[it->pos - 1] = lk->hi;
	}
	rc = store_prepare(db, "SELECT r.survey_id, coalesce(r.team_id, -1), r.answers, r.rater FROM survey_response r "
			       "JOIN survey s ON s.id = r.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 "
			       "AND lower(s.wave) = lower(?3) ORDER BY r.survey_id", &st, err);
	if (!rc) {
		store_bind_int(st, 1, school);
		store_bind_int(st, 2, iid);
		store_bind_text(st, 3, wave);
		memset(&seal, 0, sizeof(seal));
		while (store_next(db, st, &rc, N_("reading responses"), err)) {
			const unsigned char *ans;
			const char *rater;
			int len;
			int64_t survey = store_col_int(st, 0);
			if (survey != open_for) {
				survey_seal_close(&seal);
				open_for = survey;
				if ((bad = survey_seal_open(db, survey, in, key_file, &seal, err)))
					break;
			}
			if ((bad = survey_seal_row(&seal, st, 3, 2, &rater, &ans, &len, err)))
				break;
			if (seal.on && rater && !strcmp(rater, SURVEY_SEAL_SELF))
				continue;
			int np = len < in->npacked ? len : in->npacked;
			hint = atom_get(as, survey, store_col_int(st, 1), rater_index(in, rater), hint);
			memset(seen, 0, (size_t)in->nscales);
			for (int p = 0; p < np; p++)
				if (ans[p] && survey_unpack(lo_of[p], ans[p]) <= hi_of[p])
					seen[scale_of[p]] = 1;
			for (int s = 0; s < in->nscales; s++)
				as->a[hint].n[s] += seen[s];
		}
		store_finalize(st);
		survey_seal_close(&seal);
		if (bad)
			rc = bad;
	}
	free(scale_of);
	free(hi_of);
	free(lo_of);
	free(seen);
	return rc;
}

/* A login of a PostgreSQL store, who may not read each respondent's row:
 * the same atoms from the store's counts (survey_view.c). */
static int read_tally(struct store *db, int64_t school, const struct survey_instrument *in, int64_t iid,
		      const char *wave, struct atoms *as, struct beter_err *err)
{
	struct store_stmt *st;
	size_t hint = 0;
	int rc;

	rc = store_prepare(db, "SELECT t.survey_id, coalesce(t.team_id, -1), NULL, t.n FROM beter_survey_tally t "
			       "JOIN survey s ON s.id = t.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 "
			       "AND lower(s.wave) = lower(?3) UNION ALL "
			       "SELECT t.survey_id, coalesce(t.team_id, -1), t.scale, t.n FROM beter_survey_scale_tally t "
			       "JOIN survey s ON s.id = t.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 "
			       "AND lower(s.wave) = lower(?3) ORDER BY 1, 2, 3", &st, err);
	if (rc)
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, iid);
	store_bind_text(st, 3, wave);
	while (store_next(db, st, &rc, N_("reading responses"), err)) {
		hint = atom_get(as, store_col_int(st, 0), store_col_int(st, 1), -1, hint);
		if (store_col_null(st, 2))
			continue;
		for (int s = 0; s < in->nscales; s++)
			if (!strcmp(in->scales[s].id, store_col_text(st, 2)))
				as->a[hint].n[s] += store_col_int(st, 3);
	}
	store_finalize(st);
	return rc;
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* cells: the wave, the wave per team, each survey, each survey per team,
 * each survey per rater category */
static size_t cell_wave_team(size_t t)
{
	return 1 + t;
}

static size_t cell_survey(const struct survey_supp *sp, size_t j)
{
	return 1 + sp->nteams + j;
}

static size_t cell_survey_team(const struct survey_supp *sp, size_t j, size_t t)
{
	return 1 + sp->nteams + sp->nsurveys + j * sp->nteams + t;
}

static size_t cell_survey_rater(const struct survey_supp *sp, size_t j, size_t r)
{
	return 1 + sp->nteams + sp->nsurveys * (1 + sp->nteams) + j * sp->nraters + r;
}

static void fill_cells(const struct survey_supp *sp, const struct atoms *as, unsigned char *in)
{
	size_t m = as->n;
	for (size_t a = 0; a < m; a++) {
		size_t j = index_of(sp->surveys, sp->nsurveys, as->a[a].survey);
		size_t t = index_of(sp->teams, sp->nteams, as->a[a].team);
		in[a] = 1;
		if (as->a[a].team >= 0) /* "no team" is never a figure of the wave */
			in[cell_wave_team(t) * m + a] = 1;
		in[cell_survey(sp, j) * m + a] = 1;
		in[cell_survey_team(sp, j, t) * m + a] = 1;
		if (as->a[a].rater >= 0)
			in[cell_survey_rater(sp, j, (size_t)as->a[a].rater) * m + a] = 1;
	}
}

static void decide(struct survey_supp *sp, const struct atoms *as, int64_t base_min, int64_t min_n)
{
	size_t m = as->n;
	unsigned char *in = xcalloc(sp->ncells * (m ? m : 1), 1);
	int64_t *n = xcalloc(m ? m : 1, sizeof(int64_t));

	fill_cells(sp, as, in);
	for (int s = 0; s < sp->nscales; s++) {
		int *hid = sp->hidden + (size_t)s * sp->ncells;
		for (size_t a = 0; a < m; a++)
			n[a] = as->a[a].n[s];
		struct supp p = { .natoms = m, .ncells = sp->ncells, .n = n, .in = in, .min_n = base_min };
		supp_decide(&p, hid);
		if (min_n > base_min) {
			p.min_n = min_n;
			supp_decide(&p, hid);
		}
	}
	free(in);
	free(n);
}

int survey_supp_load(struct store *db, int64_t school, const struct survey_instrument *in, int64_t iid,
		     const char *wave,
		     int64_t base_min, int64_t min_n, const char *key_file, struct survey_supp *sp,
		     struct beter_err *err)
{
	struct atoms as = { .nscales = in->nscales };
	int rc;

	memset(sp, 0, sizeof(*sp));
	sp->min_n = min_n > base_min ? min_n : base_min;
	sp->nscales = in->nscales;
	if ((rc = survey_rows_readable(db, in) ? read_atoms(db, school, in, iid, wave, key_file, &as, err)
					       : read_tally(db, school, in, iid, wave, &as, err)))
		goto out;
	for (size_t a = 0; a < as.n; a++) {
		add_unique(&sp->surveys, &sp->nsurveys, as.a[a].survey);
		add_unique(&sp->teams, &sp->nteams, as.a[a].team);
	}
	if (sp->nsurveys)
		qsort(sp->surveys, sp->nsurveys, sizeof(int64_t), cmp_i64);
	if (sp->nteams)
		qsort(sp->teams, sp->nteams, sizeof(int64_t), cmp_i64);
	sp->nraters = (size_t)in->nraters;
	sp->ncells = 1 + sp->nteams + sp->nsurveys * (1 + sp->nteams + sp->nraters);
	sp->hidden = xcalloc((size_t)(sp->nscales ? sp->nscales : 1) * sp->ncells, sizeof(int));
	decide(sp, &as, base_min, min_n);
out:
	for (size_t a = 0; a < as.n; a++)
		free(as.a[a].n);
	free(as.a);
	return rc;
}

void survey_supp_release(struct survey_supp *sp)
{
	free(sp->surveys);
	free(sp->teams);
	free(sp->hidden);
	memset(sp, 0, sizeof(*sp));
}

int survey_supp_wave(const struct survey_supp *sp, int scale, int64_t team)
{
	size_t c = 0;
	if (scale < 0 || scale >= sp->nscales)
		return 1;
	if (team) {
		size_t t = index_of(sp->teams, sp->nteams, team);
		if (t == sp->nteams)
			return 0; /* nobody: nothing to hide */
		c = cell_wave_team(t);
	}
	return sp->hidden[(size_t)scale * sp->ncells + c];
}

int survey_supp_survey(const struct survey_supp *sp, int scale, int64_t survey, int64_t team)
{
	size_t j = index_of(sp->surveys, sp->nsurveys, survey), c;
	if (scale < 0 || scale >= sp->nscales)
		return 1;
	if (j == sp->nsurveys)
		return 0;
	if (team) {
		size_t t = index_of(sp->teams, sp->nteams, team);
		if (t == sp->nteams)
			return 0;
		c = cell_survey_team(sp, j, t);
	} else {
		c = cell_survey(sp, j);
	}
	return sp->hidden[(size_t)scale * sp->ncells + c];
}

int survey_supp_rater(const struct survey_supp *sp, int scale, int64_t survey, int rater)
{
	size_t j = index_of(sp->surveys, sp->nsurveys, survey);
	if (scale < 0 || scale >= sp->nscales || rater < 0 || (size_t)rater >= sp->nraters)
		return 1;
	if (j == sp->nsurveys)
		return 0;
	return sp->hidden[(size_t)scale * sp->ncells + cell_survey_rater(sp, j, (size_t)rater)];
}
