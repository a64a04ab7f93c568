/* survey_compare.c - two waves of an instrument side by side per scale,
 * with Cohen's d, under both waves' suppression decisions. */
#include "beter/survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "survey_agg.h"
#include "beter/i18n.h"

/* Cohen's d read as a word: English in JSON and CSV, the interface's language in a table */
static const char *effect_word(double d, const struct out *o)
{
	double x = fabs(d);
	if (isnan(d))
		return NULL;
	const char *w = x < 0.2 ? N_("negligible") : x < 0.5 ? N_("small") : x < 0.8 ? N_("medium") : N_("large");
	return o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(w) : w;
}

static const struct out_col cmp_cols[] = {
	{ N_("instrument"), OUT_T_TEXT },  { N_("wave_1"), OUT_T_TEXT },      { N_("wave_2"), OUT_T_TEXT },
	{ N_("team"), OUT_T_TEXT },	       { N_("min_n"), OUT_T_INT },	      { N_("min_n_policy"), OUT_T_TEXT },
	{ N_("scale"), OUT_T_TEXT },       { N_("title"), OUT_T_TEXT },	      { N_("n_1"), OUT_T_INT },
	{ N_("mean_1"), OUT_T_REAL, 2 },   { N_("sd_1"), OUT_T_REAL, 2 },     { N_("n_2"), OUT_T_INT },
	{ N_("mean_2"), OUT_T_REAL, 2 },   { N_("sd_2"), OUT_T_REAL, 2 },     { N_("change"), OUT_T_REAL, 2 },
	{ N_("cohen_d"), OUT_T_REAL, 2 },  { N_("effect"), OUT_T_TEXT },      { N_("suppressed"), OUT_T_BOOL },
};
#define CMP_HEAD 6

/* Two waves of an instrument in a school, all respondents or one team's. */
struct cmp {
	struct store *db;
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
	struct store_stmt *st;
	int rc;

	if (!survey_rows_readable(c->db, &c->in)) { /* a login of a PostgreSQL store: the store's figures */
		for (int w = 0; w < 2; w++)
			if ((rc = survey_view_wave(c->db, c->school, c->iid, c->waves[w], c->team, &c->a, &c->a.g[w], err)))
				return rc;
		return 0;
	}

	if ((rc = store_prepare(c->db, "SELECT lower(s.wave) = lower(?4), r.answers, r.rater FROM survey_response r "
				       "JOIN survey s ON s.id = r.survey_id WHERE s.school_id = ?1 AND s.instrument_id = ?2 "
				       "AND lower(s.wave) IN (lower(?3), lower(?4)) AND (?5 = 0 OR r.team_id = ?5)", &st,
				       err)))
		return rc;
	store_bind_int(st, 1, c->school);
	store_bind_int(st, 2, c->iid);
	store_bind_text(st, 3, c->waves[0]);
	store_bind_text(st, 4, c->waves[1]);
	store_bind_int(st, 5, c->team);
	while (store_next(c->db, st, &rc, N_("reading responses"), err)) {
		const unsigned char *ans;
		const char *rt;
		int len;
		if ((rc = survey_seal_row(&c->seal, st, 2, 1, &rt, &ans, &len, err))) {
			store_finalize(st);
			return rc;
		}
		if (!survey_self_row(&c->seal, rt)) /* the others only */
			agg_row(&c->a, &c->a.g[(int)store_col_int(st, 0) ? 1 : 0], ans, len);
	}
	store_finalize(st);
	return rc;
}

static int cmp_load(struct cmp *c, const char *instrument, int64_t min_n, struct beter_err *err)
{
	int rc;

	if ((rc = survey_instrument_get(c->db, instrument, 0, &c->in, &c->iid, err)))
		return rc;
	if (!c->iid)
		return beter_err_set(err, BETER_FAIL, _("no survey of '%s' yet (see 'beter survey list')"), instrument);
	aggset_init(&c->a, &c->in);
	for (int w = 0; w < 2; w++) {
		struct store_stmt *st;
		if ((rc = store_prepare(c->db, "SELECT count(*), min(id) FROM survey WHERE school_id = ?1 AND "
					       "instrument_id = ?2 AND lower(wave) = lower(?3)", &st, err)))
			return rc;
		store_bind_int(st, 1, c->school);
		store_bind_int(st, 2, c->iid);
		store_bind_text(st, 3, c->waves[w]);
		int64_t n = store_step(st) == STORE_ROW ? store_col_int(st, 0) : 0;
		int64_t first = n ? store_col_int(st, 1) : 0;
		store_finalize(st);
		if (!n)
			return beter_err_set(err, BETER_FAIL, _("no survey of '%s' with the wave '%s' (see 'beter survey list')"),
					     c->in.id, c->waves[w]);
		/* a 360-degree feedback: the secret key of the later wave's school leader */
		if (w == 1 && (rc = survey_seal_open(c->db, first, &c->in, c->key_file, &c->seal, err)))
			return rc;
		aggset_group(&c->a, w);
	}
	if (c->team) {
		struct store_stmt *st;
		if ((rc = store_prepare(c->db, "SELECT name FROM team WHERE id = ?1", &st, err)))
			return rc;
		store_bind_int(st, 1, c->team);
		if (store_step(st) == STORE_ROW)
			c->team_name = xstrdup(store_col_text(st, 0));
		store_finalize(st);
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
		     survey_supp_wave(&c->sp[1], s, c->team) || (c->a.g[0].given && !c->a.g[0].given[s]) ||
		     (c->a.g[1].given && !c->a.g[1].given[s]);

	out_text(o, c->in.scales[s].id);
	out_text(o, c->in.scales[s].title);
	if (hidden) {
		for (int i = 0; i < 9; i++)
			out_null(o);
		out_bool(o, 1);
	} else {
		double d = survey_cohen_d(s1, s2);
		out_int(o, s1->n);
		survey_out_realn(o, survey_stat_mean(s1));
		survey_out_realn(o, survey_stat_sd(s1));
		out_int(o, s2->n);
		survey_out_realn(o, survey_stat_mean(s2));
		survey_out_realn(o, survey_stat_sd(s2));
		survey_out_realn(o, survey_round2(survey_stat_mean(s2)) - survey_round2(survey_stat_mean(s1)));
		survey_out_realn(o, d);
		out_text(o, effect_word(d, o));
		out_bool(o, 0);
	}
	out_row_end(o);
}

int survey_compare(struct store *db, int64_t school, const char *instrument, const char *wave1, const char *wave2,
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
		out_section(o, "compare", _("Comparison"));
		out_record(o, cmp_cols, CMP_HEAD);
		out_text(o, c.in.id);
		out_text(o, wave1);
		out_text(o, wave2);
		out_text(o, c.team_name);
		out_int(o, c.minn);
		char *policy = survey_policy_line(c.reason, o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML ||
								       o->fmt == OUT_MD));
		out_text(o, policy);
		free(policy);
		out_end(o);
		out_section(o, "scales", _("Change per scale (Cohen's d, pooled SD)"));
		out_list(o, cmp_cols + CMP_HEAD, sizeof(cmp_cols) / sizeof(*cmp_cols) - CMP_HEAD);
		for (int s = 0; s < c.in.nscales; s++)
			cmp_row(&c, s, o);
		out_end(o);
		out_doc_end(o);
	}
	cmp_release(&c);
	return rc;
}
