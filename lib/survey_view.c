/* survey_view.c - a survey's figures for a login of a PostgreSQL store, who
 * may not read the answers of each respondent: the store's views give the
 * counts, and the distributions of answers and scale scores of the groups
 * that are large enough (share/sql/pg/security.sql); the report aggregates
 * them as it does the rows (survey_agg.c) and decides over the counts what
 * to hide as on SQLite (survey_supp.c). */
#include "survey_agg.h"

#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/survey_seal.h"

int survey_rows_readable(struct store *db, const struct survey_instrument *in)
{
	struct store_stmt *st;
	int ok = 1;

	if (!store_on_pg(db) || (in->kind && !strcmp(in->kind, SURVEY_SEAL_KIND)))
		return 1;
	if (store_prepare(db, "SELECT CASE WHEN beter_compat.beter_owns() OR pg_has_role(current_user, 'beter_import', "
			      "'MEMBER') THEN 1 ELSE 0 END", &st, NULL))
		return 1; /* the rows, then, and their error */
	if (store_step(st) == STORE_ROW)
		ok = (int)store_col_int(st, 0);
	store_finalize(st);
	return ok;
}

static int scale_index(const struct survey_instrument *in, const char *code)
{
	for (int s = 0; s < in->nscales; s++)
		if (!strcmp(in->scales[s].id, code))
			return s;
	return -1;
}

static struct agg *group(struct aggset *a, int64_t key)
{
	struct agg *g = aggset_group(a, key);
	if (!g->given)
		g->given = xcalloc((size_t)a->in->nscales + 1, 1);
	return g;
}

/* the responses: the survey's, and per team */
static int read_tally(struct store *db, int64_t survey, int by_team, struct aggset *a, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT coalesce(team_id, -1), n FROM beter_survey_tally WHERE survey_id = ?1 "
				    "ORDER BY 1", &st, err)))
		return rc;
	store_bind_int(st, 1, survey);
	while (store_next(db, st, &rc, N_("reading responses"), err)) {
		int64_t n = store_col_int(st, 1);
		a->g[0].respondents += n;
		if (by_team)
			group(a, store_col_int(st, 0))->respondents += n;
	}
	store_finalize(st);
	return rc;
}

static int read_scores(struct store *db, int64_t survey, int by_team, struct aggset *a, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT by_team, coalesce(team_id, -1), scale, ssum, scnt, n FROM beter_survey_score "
				    "WHERE survey_id = ?1 ORDER BY 1, 2, 3, 4, 5", &st, err)))
		return rc;
	store_bind_int(st, 1, survey);
	while (store_next(db, st, &rc, N_("reading responses"), err)) {
		int s = scale_index(a->in, store_col_text(st, 2));
		if (store_col_int(st, 0) && !by_team)
			continue;
		struct agg *g = store_col_int(st, 0) ? group(a, store_col_int(st, 1)) : &a->g[0];
		agg_score(a, g, s, store_col_int(st, 3), store_col_int(st, 4), store_col_int(st, 5));
	}
	store_finalize(st);
	return rc;
}

static int read_values(struct store *db, int64_t survey, struct aggset *a, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT pos, value, n FROM beter_survey_value WHERE survey_id = ?1 ORDER BY 1, 2", &st,
				err)))
		return rc;
	store_bind_int(st, 1, survey);
	while (store_next(db, st, &rc, N_("reading responses"), err))
		agg_value(a, &a->g[0], (int)store_col_int(st, 0), (int)store_col_int(st, 1), store_col_int(st, 2));
	store_finalize(st);
	return rc;
}

int survey_view_read(struct store *db, int64_t survey, int by_team, struct aggset *a, struct beter_err *err)
{
	int rc;

	group(a, -2); /* the whole survey, first */
	if ((rc = read_tally(db, survey, by_team, a, err)) || (rc = read_scores(db, survey, by_team, a, err)) ||
	    (rc = read_values(db, survey, a, err)))
		return rc;
	return 0;
}

/* One wave (all of its surveys; team: one team's respondents only) into g:
 * a scale's figure is given when every survey of the wave gave its part. */
int survey_view_wave(struct store *db, int64_t school, int64_t iid, const char *wave, int64_t team, struct aggset *a,
		     struct agg *g, struct beter_err *err)
{
	static const char from[] = "JOIN survey s ON s.id = x.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 "
				   "AND lower(s.wave) = lower(?3) AND (CAST(?4 AS INTEGER) = 0 OR x.team_id = CAST(?4 AS INTEGER))";
	int64_t *want = xcalloc((size_t)a->in->nscales + 1, sizeof(int64_t));
	struct strbuf sql = STRBUF_INIT;
	struct store_stmt *st;
	int rc;

	if (!g->given)
		g->given = xcalloc((size_t)a->in->nscales + 1, 1);
	for (int pass = 0; pass < 2; pass++) {
		strbuf_reset(&sql);
		if (pass == 0)
			strbuf_addf(&sql, "SELECT x.scale, x.n, 0, 0 FROM beter_survey_scale_tally x %s", from);
		else
			strbuf_addf(&sql, "SELECT x.scale, x.n, x.ssum, x.scnt FROM beter_survey_score x %s AND x.by_team = "
					  "CASE WHEN CAST(?4 AS INTEGER) = 0 THEN 0 ELSE 1 END "
					  "ORDER BY x.survey_id, x.scale, x.ssum, x.scnt", from);
		if ((rc = store_prepare(db, strbuf_str(&sql), &st, err)))
			break;
		store_bind_int(st, 1, school);
		store_bind_int(st, 2, iid);
		store_bind_text(st, 3, wave);
		store_bind_int(st, 4, team);
		while (store_next(db, st, &rc, N_("reading responses"), err)) {
			int k = scale_index(a->in, store_col_text(st, 0));
			if (k < 0)
				continue;
			if (pass == 0)
				want[k] += store_col_int(st, 1);
			else
				agg_score(a, g, k, store_col_int(st, 2), store_col_int(st, 3), store_col_int(st, 1));
		}
		store_finalize(st);
		if (rc)
			break;
	}
	for (int k = 0; k < a->in->nscales; k++)
		g->given[k] = g->sstat[k].n == want[k];
	strbuf_release(&sql);
	free(want);
	return rc;
}
