/* report_surveys.c - the report's section on surveys: the figures the
 * survey commands print, captured. */
#include "report_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/out.h"
#include "beter/survey.h"

/* One instrument in the survey section: its last wave in the period against
 * the wave before (survey_compare), or the one wave on its own
 * (survey_report), read from the rows those commands print; suppressed
 * values are null and drawn as "too few". */
struct sv_wave {
	int64_t survey;
	char *wave;
	int64_t team; /* the survey's team, 0 for the school */
};

/* The columns read from the rows, and from the head record. */
enum { SV_GROUP, SV_TITLE, SV_SUPP, SV_N1, SV_MEAN1, SV_N2, SV_MEAN2, SV_CHANGE, SV_D, SV_NCOLS };
static const char *const sv_compare_cols[SV_NCOLS] = { "group", "title", "suppressed", "n_1", "mean_1",
						       "n_2", "mean_2", "change", "cohen_d" };
static const char *const sv_report_cols[SV_NCOLS] = { "group", "title", "suppressed", "", "", "n", "mean", "", "" };
enum { SVH_MIN_N, SVH_TEAM, SVH_POLICY, SVH_NCOLS };
static const char *const sv_head_cols[SVH_NCOLS] = { "min_n", "team", "min_n_policy" };

struct sv_one {
	const char *code;
	const struct sv_wave *w1, *w2;
	struct survey_instrument in;
	int lo, hi;
	struct out_capture cap;
	const struct out_block *head, *rows;
	int col[SV_NCOLS], hcol[SVH_NCOLS];
	const char **cats;
	double *vals;
	size_t n;
	int64_t nmax;
	char team_name[256];
};

static const struct out_cell *sv_cell(const struct sv_one *v, size_t row, int c)
{
	return out_block_cell(v->rows, row, v->col[c]);
}

static double sv_num(const struct sv_one *v, size_t row, int c)
{
	return out_cell_num(sv_cell(v, row, c));
}

static struct rv sv_int(const struct sv_one *v, size_t row, int c)
{
	double d = sv_num(v, row, c);
	return isnan(d) ? rv_null() : rv_int((int64_t)d);
}

/* The figures of the waves, captured as the survey commands write them. */
static int sv_capture(struct bctx *b, struct sv_one *v)
{
	const struct sv_wave *w1 = v->w1, *w2 = v->w2;
	struct out o;
	int rc;

	out_capture_init(&o, &v->cap);
	if (w1)
		rc = survey_compare(b->db, b->ro->school, v->code, w1->wave, w2->wave,
				    b->ro->team ? b->ro->team : w2->team, 0, NULL, &o, b->err);
	else
		rc = survey_report(b->db, w2->survey, b->ro->team && !w2->team ? SURVEY_BY_TEAM : SURVEY_BY_SCALE, 0,
				   NULL, &o, b->err);
	out_release(&o);
	if (rc)
		return rc;
	v->head = out_capture_block(&v->cap, w1 ? "compare" : "survey");
	v->rows = out_capture_block(&v->cap, w1 ? "scales" : "results");
	out_block_cols(v->rows, w1 ? sv_compare_cols : sv_report_cols, v->col, SV_NCOLS);
	out_block_cols(v->head, sv_head_cols, v->hcol, SVH_NCOLS);
	if (!v->head || !v->rows)
		return beter_err_set(b->err, BETER_IOERR, _("reading the survey figures"));
	return 0;
}

/* The team's name, for a team report of one wave (its group in the rows). */
static int sv_team_name(struct bctx *b, struct sv_one *v)
{
	struct store_stmt *q;
	int rc;

	if (!b->ro->team || v->w1)
		return 0;
	if ((rc = store_prepare(b->db, "SELECT name FROM team WHERE id = ?1", &q, b->err)))
		return rc;
	store_bind_int(q, 1, b->ro->team);
	if (store_next(b->db, q, &rc, N_("reading the team"), b->err))
		snprintf(v->team_name, sizeof(v->team_name), "%s", store_col(q, 0));
	store_finalize(q);
	return rc;
}

/* One row of the table and one category of the chart. */
static void sv_row(struct bctx *b, struct rep_table *t, struct sv_one *v, size_t r)
{
	const struct sv_wave *w1 = v->w1;
	int hidden = out_cell_true(sv_cell(v, r, SV_SUPP));
	const char *title = out_cell_text(sv_cell(v, r, SV_TITLE));
	size_t n = v->n;

	v->cats[n] = title;
	rep_cell(t, rv_text(v->in.title));
	rep_cell(t, rv_text(title));
	if (w1) {
		rep_cell(t, rv_text(w1->wave));
		rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : sv_int(v, r, SV_N1));
		rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : rv_realp(sv_num(v, r, SV_MEAN1), 2));
	} else {
		/* one wave: it fills the columns of the second */
		for (int i = 0; i < 3; i++)
			rep_cell(t, rv_null());
	}
	rep_cell(t, rv_text(v->w2->wave));
	rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : sv_int(v, r, SV_N2));
	rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : rv_realp(sv_num(v, r, SV_MEAN2), 2));
	rep_cell(t, w1 && !hidden ? rv_realp(sv_num(v, r, SV_CHANGE), 2) : rv_null());
	rep_cell(t, w1 && !hidden ? rv_realp(sv_num(v, r, SV_D), 2) : rv_null());
	if (w1) {
		v->vals[n * 2] = hidden ? NAN : round_to(sv_num(v, r, SV_MEAN1), 2);
		v->vals[n * 2 + 1] = hidden ? NAN : round_to(sv_num(v, r, SV_MEAN2), 2);
	} else
		v->vals[n] = hidden ? NAN : round_to(sv_num(v, r, SV_MEAN2), 2);
	if (!hidden) {
		double m = sv_num(v, r, SV_N2);
		if (!isnan(m) && (int64_t)m > v->nmax)
			v->nmax = (int64_t)m;
	}
	v->n++;
}

/* The bar chart of the instrument's scales. */
static void sv_chart(struct bctx *b, struct rep_section *s, struct sv_one *v)
{
	const struct sv_wave *w1 = v->w1, *w2 = v->w2;
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	const char *groups[2] = { w1 ? w1->wave : w2->wave, w2->wave };
	char key[128];
	double min_n = out_cell_num(out_block_cell(v->head, 0, v->hcol[SVH_MIN_N]));
	const char *policy = out_cell_text(out_block_cell(v->head, 0, v->hcol[SVH_POLICY]));

	strbuf_adds(&title, v->in.title);
	if (w2->team && !b->ro->team) {
		const char *tn = out_cell_text(out_block_cell(v->head, 0, v->hcol[SVH_TEAM]));
		if (tn)
			strbuf_addf(&title, " (%s)", tn);
	}
	if (w1)
		strbuf_addf(&title, ": %s %s %s", w1->wave, L(S_AGAINST), w2->wave);
	else
		strbuf_addf(&title, ": %s", w2->wave);
	strbuf_addf(&desc, L(S_SV_DESC), v->lo, v->hi, (long long)(int64_t)min_n);
	if (policy) { /* a minimum the school set is said with every figure it lets through */
		char *line = survey_policy_line(policy, b->ro->lang != REPORT_EN);
		strbuf_addf(&desc, " (%s)", line);
		free(line);
	}
	if (w2->team)
		snprintf(key, sizeof(key), "survey-%s-team-%lld", v->code, (long long)w2->team);
	else
		snprintf(key, sizeof(key), "survey-%s", v->code);
	struct rep_chart *ch = rep_chart_add(s, REP_CHART_BARS, key, strbuf_str(&title), strbuf_str(&desc), v->n,
					     v->cats, w1 ? 2 : 1, w1 ? groups : groups + 1, v->vals, v->lo, v->hi);
	ch->prec = 2;
	strbuf_release(&title);
	strbuf_release(&desc);
}

static int survey_one(struct bctx *b, struct rep_section *s, struct rep_table *t, const char *code,
		      const struct sv_wave *w1, const struct sv_wave *w2, int64_t *respondents)
{
	struct sv_one v;
	int64_t iid;
	int rc;

	memset(&v, 0, sizeof(v));
	v.code = code;
	v.w1 = w1;
	v.w2 = w2;
	v.lo = 1;
	v.hi = 5;
	if ((rc = survey_instrument_get(b->db, code, 0, &v.in, &iid, b->err)))
		return rc;
	if (v.in.nscales && v.in.nlikert) {
		v.lo = v.in.likert[v.in.scales[0].likert].lo;
		v.hi = v.in.likert[v.in.scales[0].likert].hi;
	}
	if (!(rc = sv_capture(b, &v)) && !(rc = sv_team_name(b, &v))) {
		v.cats = xcalloc(v.rows->nrows + 1, sizeof(*v.cats));
		v.vals = xcalloc((v.rows->nrows + 1) * 2, sizeof(*v.vals));
		for (size_t r = 0; r < v.rows->nrows; r++) {
			const char *group = out_cell_text(sv_cell(&v, r, SV_GROUP));
			/* survey_report: the scope's own rows only (the total, or the team's group) */
			if (!w1 && group && strcmp(group, b->ro->team && !w2->team ? v.team_name : "totaal"))
				continue;
			sv_row(b, t, &v, r);
		}
		*respondents += v.nmax;
		if (v.n)
			sv_chart(b, s, &v);
	}
	free(v.cats);
	free(v.vals);
	out_capture_release(&v.cap);
	survey_instrument_release(&v.in);
	return rc;
}

/* A wave read from the list of waves, waiting for the next row. */
struct sv_pending {
	char *code;
	struct sv_wave w;
};

static void sv_take(struct store_stmt *st, struct sv_pending *p)
{
	p->code = xstrdup(store_col(st, 0));
	p->w.survey = store_col_int(st, 1);
	p->w.wave = xstrdup(store_col(st, 2));
	p->w.team = store_col_int(st, 3);
}

static void sv_drop(struct sv_pending *p)
{
	free(p->code);
	free(p->w.wave);
	memset(p, 0, sizeof(*p));
}

/* Per instrument (and team) its last two waves, the earlier first: two
 * waves compared, or one on its own. Respondents are counted per scale in
 * the table: a sum over instruments would add teachers and pupils. */
static int sv_waves(struct bctx *b, struct rep_section *s, struct rep_table *t, struct store_stmt *st,
		    int64_t *instruments)
{
	struct sv_pending prev, cur;
	int64_t respondents = 0;
	int rc, r2 = 0;

	memset(&prev, 0, sizeof(prev));
	memset(&cur, 0, sizeof(cur));
	while (!r2 && store_next(b->db, st, &rc, N_("reading surveys"), b->err)) {
		sv_take(st, &cur);
		if (prev.code && !strcmp(cur.code, prev.code) && cur.w.team == prev.w.team) {
			r2 = survey_one(b, s, t, prev.code, &prev.w, &cur.w, &respondents);
			(*instruments)++;
			sv_drop(&prev);
			sv_drop(&cur);
			continue;
		}
		if (prev.code) {
			/* a new instrument: the previous one is complete */
			r2 = survey_one(b, s, t, prev.code, NULL, &prev.w, &respondents);
			(*instruments)++;
			sv_drop(&prev);
		}
		prev = cur;
		memset(&cur, 0, sizeof(cur));
	}
	if (!rc && !r2 && prev.code) {
		r2 = survey_one(b, s, t, prev.code, NULL, &prev.w, &respondents);
		(*instruments)++;
	}
	sv_drop(&prev);
	sv_drop(&cur);
	return rc ? rc : r2;
}

/* Survey scales, wave against wave (a bar chart), with the suppression of
 * small groups of lib/survey.c applied: per instrument with a wave in the
 * period (its day: closes, else opens, else created), that wave against the
 * one before. A team report counts that team's respondents; per-team figures
 * of the whole school are left to 'beter survey report --by team', which
 * also hides groups that could be worked out from the total. */
int report_section_surveys(struct bctx *b)
{
	static const char *const keys[] = { "instrument", "scale", "wave_1", "n_1", "mean_1", "wave_2", "n_2", "mean_2",
					    "change", "cohen_d" };
	const char *labels[] = { L(S_INSTRUMENT), L(S_SCALE), L(S_WAVE1), "n 1", L(S_MEAN1), L(S_WAVE2), "n 2",
				 L(S_MEAN2), L(S_CHANGE), L(S_COHEN) };
	struct rep_section *s = rep_section_add(b->r, "surveys", L(S_SEC_SURVEYS));
	struct rep_table *t;
	struct store_stmt *st;
	int64_t instruments = 0, sealed;
	int rc;

	rep_figure_add(s, "instruments", L(S_SV_INSTRUMENTS), rv_int(0));
	t = rep_table_add(s, "scales", L(S_SV_TABLE), 10, keys, labels);
	/* the instruments with a wave in the period, and their last two waves up to its end */
	if ((rc = store_prepare(b->db,
				"WITH w AS (SELECT s.id, i.code, s.wave, coalesce(s.team_id, 0) AS team, "
				"coalesce(s.closes, s.opens, substr(s.created, 1, 10)) AS day FROM survey s "
				"JOIN survey_instrument i ON i.id = s.instrument_id WHERE s.school_id = ?1 "
				"AND (?2 = 0 OR s.team_id IS NULL OR s.team_id = ?2) AND i.kind <> 'feedback360' AND "
				"coalesce(s.closes, s.opens, substr(s.created, 1, 10)) <= ?4) "
				"SELECT code, id, wave, team FROM (SELECT w.*, row_number() OVER (PARTITION BY code, team "
				"ORDER BY day DESC, id DESC) AS k FROM w WHERE (code, team) IN (SELECT code, team FROM w "
				"WHERE day >= ?3)) WHERE k <= 2 ORDER BY lower(code), team, k DESC", &st, b->err)))
		return rc;
	bind_scope(b, st);
	rc = sv_waves(b, s, t, st, &instruments);
	store_finalize(st);
	if (rc)
		return rc;
	s->figs[0].v = rv_int(instruments);
	rep_section_note(s, L(S_SV_RULE));
	if ((rc = rep_count(b, "SELECT count(*) FROM survey s JOIN survey_instrument i ON i.id = s.instrument_id "
			       "WHERE s.school_id = ?1 AND (?2 = 0 OR s.team_id IS NULL OR s.team_id = ?2) AND "
			       "i.kind = 'feedback360' AND coalesce(s.closes, s.opens, substr(s.created, 1, 10)) "
			       "BETWEEN ?3 AND ?4", &sealed, _("counting surveys"))))
		return rc;
	if (sealed > 0) {
		/* sealed: never read here, not even with the key */
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s %s", L(S_SV_RULE), L(S_SV_SEALED));
		rep_section_note(s, sb.buf);
		strbuf_release(&sb);
	}
	if (!instruments)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}
