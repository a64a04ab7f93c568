/* survey_report.c - the report of one survey per item, scale, team or
 * rater category, with the wave's suppression decision (survey_supp.c). */
#include "beter/survey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "survey_agg.h"
#include "beter/i18n.h"

/* ---- output helpers ---- */

struct cols {
	struct out_col *c;
	size_t n, cap;
	char **owned;
	size_t nowned;
};

static void cols_add(struct cols *c, const char *name, enum out_type t)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->c[i].name, name))
			return;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->c = xrealloc(c->c, c->cap * sizeof(*c->c));
	}
	c->c[c->n].name = name;
	c->c[c->n].prec = t == OUT_T_REAL ? 2 : 0; /* means and SDs: two decimals in a table */
	c->c[c->n++].type = t;
}

/* count_1 ... count_5: the key in JSON and CSV; a table people read says
 * it in their language */
static void cols_add_dist(struct cols *c, int lo, int hi, int people)
{
	for (int v = lo; v <= hi; v++) {
		struct strbuf sb = STRBUF_INIT;
		/* TRANSLATORS: a column: how many answered with the value %d */
		strbuf_addf(&sb, people ? _("count_%d") : "count_%d", v);
		c->owned = xrealloc(c->owned, (c->nowned + 1) * sizeof(char *));
		c->owned[c->nowned++] = strbuf_detach(&sb);
		cols_add(c, c->owned[c->nowned - 1], OUT_T_INT);
	}
}

static void cols_release(struct cols *c)
{
	for (size_t i = 0; i < c->nowned; i++)
		free(c->owned[i]);
	free(c->owned);
	free(c->c);
}

/* n, mean, sd, the distribution over a's range (values outside lk: null) and suppressed */
static void out_stats(struct out *o, const struct aggset *a, const struct survey_stat *s, const int64_t *dist,
		      const struct survey_likert *lk, int hidden)
{
	if (hidden) {
		out_null(o);
		out_null(o);
		out_null(o);
		for (int v = a->lo; v <= a->hi; v++)
			out_null(o);
		out_bool(o, 1);
		return;
	}
	out_int(o, s->n);
	survey_out_realn(o, survey_stat_mean(s));
	survey_out_realn(o, survey_stat_sd(s));
	for (int v = a->lo; v <= a->hi; v++) {
		if (v < lk->lo || v > lk->hi)
			out_null(o);
		else
			out_int(o, dist[v - a->lo]);
	}
	out_bool(o, 0);
}

/* ---- the school leader's own answers in a 360-degree feedback ----
 * The rater category 'zelf' is the leader's own: shown beside the others
 * (theirs to see, so not suppressed), never counted into the total or any
 * group, which are the others only. */

static void self_out(struct out *o, const struct aggset *self, const struct survey_instrument *in, int s)
{
	const char *label = SURVEY_SEAL_SELF;
	if (!self->n || !self->g[0].sstat[s].n)
		return;
	for (int i = 0; i < in->nraters; i++)
		if (!strcmp(in->raters[i].id, SURVEY_SEAL_SELF))
			label = in->raters[i].label;
	out_text(o, label);
	out_text(o, in->scales[s].id);
	out_text(o, in->scales[s].title);
	out_stats(o, self, &self->g[0].sstat[s], self->g[0].sdist + (size_t)s * (size_t)self->nvals,
		  &in->likert[in->scales[s].likert], 0);
	out_row_end(o);
}

/* ---- reports ---- */

struct survey_info {
	int64_t id, team, school, instrument_id;
	char *wave, *team_name, *code;
};

static int load_info(struct store *db, int64_t id, struct survey_info *si, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	memset(si, 0, sizeof(*si));
	if ((rc = store_prepare(db, "SELECT s.school_id, coalesce(s.team_id, 0), s.wave, t.name, i.code, i.id "
				    "FROM survey s JOIN survey_instrument i ON i.id = s.instrument_id "
				    "LEFT JOIN team t ON t.id = s.team_id WHERE s.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_step(st) != STORE_ROW) {
		store_finalize(st);
		return beter_err_set(err, BETER_FAIL, _("no survey with number %lld (see 'beter survey list')"), (long long)id);
	}
	si->id = id;
	si->school = store_col_int(st, 0);
	si->team = store_col_int(st, 1);
	si->wave = xstrdup(store_col_text(st, 2));
	si->team_name = store_col_null(st, 3) ? NULL : xstrdup(store_col_text(st, 3));
	si->code = xstrdup(store_col_text(st, 4));
	si->instrument_id = store_col_int(st, 5);
	store_finalize(st);
	return 0;
}

static void info_release(struct survey_info *si)
{
	free(si->wave);
	free(si->team_name);
	free(si->code);
}

static int group_cmp_name(const void *x, const void *y)
{
	const struct agg *a = x, *b = y;
	if ((a->key < 0) != (b->key < 0))
		return a->key < 0 ? 1 : -1;
	if (a->name && b->name)
		return strcmp(a->name, b->name);
	return (a->key > b->key) - (a->key < b->key);
}

static int group_cmp_key(const void *x, const void *y)
{
	const struct agg *a = x, *b = y;
	if ((a->key < 0) != (b->key < 0))
		return a->key < 0 ? 1 : -1;
	return (a->key > b->key) - (a->key < b->key);
}

/* One survey's report: its figures per group, the school's minimum and the
 * wave's suppression decision. */
struct rep {
	struct store *db;
	enum survey_by by;
	struct survey_info si;
	struct survey_instrument in;
	struct aggset a; /* a.g[0]: the whole survey, then the groups */
	struct aggset self; /* a 360-degree feedback: the leader's own answers */
	struct survey_seal seal;
	int64_t iid, base, minn;
	int rows; /* the answers of each respondent are read (else the store's figures: survey_view.c) */
	char *reason;
	struct survey_supp sp;
	struct cols all, head, res, com;
};

static void rep_release(struct rep *r)
{
	cols_release(&r->all);
	cols_release(&r->head);
	cols_release(&r->res);
	cols_release(&r->com);
	if (r->a.in)
		aggset_release(&r->a);
	if (r->self.in)
		aggset_release(&r->self);
	survey_seal_close(&r->seal);
	survey_supp_release(&r->sp);
	free(r->reason);
	survey_instrument_release(&r->in);
	info_release(&r->si);
}

static int rep_read(struct rep *r, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if (!r->rows)
		return survey_view_read(r->db, r->si.id, r->by == SURVEY_BY_TEAM, &r->a, err);
	if ((rc = store_prepare(r->db, "SELECT coalesce(team_id, -1), rater, answers FROM survey_response "
				       "WHERE survey_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, r->si.id);
	aggset_group(&r->a, -2); /* the whole survey; kept apart below */
	while (store_next(r->db, st, &rc, N_("reading responses"), err)) {
		const unsigned char *ans;
		const char *rt;
		int len;
		if ((rc = survey_seal_row(&r->seal, st, 1, 2, &rt, &ans, &len, err))) {
			store_finalize(st);
			return rc;
		}
		if (survey_self_row(&r->seal, rt)) {
			agg_row(&r->self, &r->self.g[0], ans, len);
			continue;
		}
		agg_row(&r->a, &r->a.g[0], ans, len);
		if (r->by == SURVEY_BY_TEAM || r->by == SURVEY_BY_RATER) {
			int64_t key = -1;
			if (r->by == SURVEY_BY_TEAM) {
				key = store_col_int(st, 0);
			} else if (rt) {
				for (int i = 0; i < r->in.nraters; i++)
					if (!strcmp(r->in.raters[i].id, rt))
						key = i;
			}
			agg_row(&r->a, aggset_group(&r->a, key), ans, len);
		}
	}
	store_finalize(st);
	return rc;
}

/* name and order the groups (the whole survey stays first) */
static void rep_name_groups(struct rep *r)
{
	for (size_t i = 1; i < r->a.n; i++) {
		struct agg *g = &r->a.g[i];
		if (r->by == SURVEY_BY_TEAM && g->key >= 0) {
			struct store_stmt *q;
			if (!store_prepare(r->db, "SELECT name FROM team WHERE id = ?1", &q, NULL)) {
				store_bind_int(q, 1, g->key);
				if (store_step(q) == STORE_ROW)
					g->name = xstrdup(store_col_text(q, 0));
				store_finalize(q);
			}
		} else if (r->by == SURVEY_BY_RATER && g->key >= 0) {
			g->name = xstrdup(r->in.raters[g->key].label);
		}
		if (!g->name)
			g->name = xstrdup(r->by == SURVEY_BY_TEAM ? "(zonder team)" : "(onbekend)");
	}
	if (r->a.n > 1)
		qsort(r->a.g + 1, r->a.n - 1, sizeof(*r->a.g),
		      r->by == SURVEY_BY_TEAM ? group_cmp_name : group_cmp_key);
}

static int rep_load(struct rep *r, struct store *db, int64_t survey, int64_t min_n, const char *key_file,
		    struct beter_err *err)
{
	int rc;

	r->db = db;
	if ((rc = load_info(db, survey, &r->si, err)) ||
	    (rc = survey_instrument_get(db, r->si.code, 0, &r->in, &r->iid, err)))
		return rc;
	if (r->by == SURVEY_BY_RATER && !r->in.nraters)
		return beter_err_set(err, BETER_USAGE, _("--by rater: '%s' has no rater categories (only a 360-degree "
				     "feedback has them)"), r->in.id);
	if ((rc = survey_seal_open(db, survey, &r->in, key_file, &r->seal, err)) ||
	    (rc = survey_min_n(db, r->si.school, &r->in, min_n, &r->base, &r->minn, &r->reason, err)) ||
	    (rc = survey_supp_load(db, r->si.school, &r->in, r->si.instrument_id, r->si.wave, r->base, r->minn,
	     key_file,
				   &r->sp, err)))
		return rc;
	r->rows = survey_rows_readable(db, &r->in);
	aggset_init(&r->a, &r->in);
	aggset_init(&r->self, &r->in);
	aggset_group(&r->self, -3);
	if ((rc = rep_read(r, err)))
		return rc;
	rep_name_groups(r);
	return 0;
}

static void rep_columns(struct rep *r, int people)
{
	cols_add(&r->head, N_("survey"), OUT_T_INT);
	cols_add(&r->head, N_("instrument"), OUT_T_TEXT);
	cols_add(&r->head, N_("wave"), OUT_T_TEXT);
	cols_add(&r->head, N_("team"), OUT_T_TEXT);
	cols_add(&r->head, N_("by"), OUT_T_TEXT);
	cols_add(&r->head, N_("respondents"), OUT_T_INT);
	cols_add(&r->head, N_("min_n"), OUT_T_INT);
	cols_add(&r->head, N_("min_n_policy"), OUT_T_TEXT);
	cols_add(&r->head, N_("comments"), OUT_T_TEXT);
	if (r->by == SURVEY_BY_ITEM) {
		cols_add(&r->res, N_("item"), OUT_T_TEXT);
		cols_add(&r->res, N_("scale"), OUT_T_TEXT);
		cols_add(&r->res, N_("reverse"), OUT_T_BOOL);
		cols_add(&r->res, N_("text"), OUT_T_TEXT);
	} else {
		cols_add(&r->res, N_("group"), OUT_T_TEXT);
		cols_add(&r->res, N_("scale"), OUT_T_TEXT);
		cols_add(&r->res, N_("title"), OUT_T_TEXT);
	}
	cols_add(&r->res, N_("n"), OUT_T_INT);
	cols_add(&r->res, N_("mean"), OUT_T_REAL);
	cols_add(&r->res, N_("sd"), OUT_T_REAL);
	cols_add_dist(&r->res, r->a.lo, r->a.hi, people);
	cols_add(&r->res, N_("suppressed"), OUT_T_BOOL);
	cols_add(&r->com, N_("item"), OUT_T_TEXT);
	cols_add(&r->com, N_("text"), OUT_T_TEXT);
	for (size_t i = 0; i < r->head.n; i++)
		cols_add(&r->all, r->head.c[i].name, r->head.c[i].type);
	for (size_t i = 0; i < r->res.n; i++)
		cols_add(&r->all, r->res.c[i].name, r->res.c[i].type);
	for (size_t i = 0; i < r->com.n; i++)
		cols_add(&r->all, r->com.c[i].name, r->com.c[i].type);
}

/* Is a group's figure on scale s hidden? The wave's decision says. */
static int rep_hidden(const struct rep *r, int s, const struct agg *g)
{
	if (g->given && !g->given[s]) /* the store gave no figure of it */
		return 1;
	if (g == &r->a.g[0])
		return survey_supp_survey(&r->sp, s, r->si.id, 0);
	if (r->by == SURVEY_BY_TEAM)
		return survey_supp_survey(&r->sp, s, r->si.id, g->key);
	if (g->key < 0) /* respondents without a known rater category: never a figure of their own */
		return 1;
	return survey_supp_rater(&r->sp, s, r->si.id, (int)g->key);
}

static void rep_results(struct rep *r, struct out *o)
{
	const struct aggset *a = &r->a;
	const struct agg *total = &a->g[0];

	out_list(o, r->res.c, r->res.n);
	if (r->by == SURVEY_BY_ITEM) {
		for (int i = 0; i < r->in.nitems; i++) {
			const struct survey_item *it = &r->in.items[i];
			if (!it->pos)
				continue;
			const struct survey_stat *s = &total->istat[it->pos - 1];
			out_text(o, it->id);
			out_text(o, r->in.scales[it->scale].id);
			out_bool(o, it->reverse);
			out_text(o, it->text);
			out_stats(o, a, s, total->icount + (size_t)(it->pos - 1) * (size_t)a->nvals,
				  survey_item_likert(&r->in, i),
				  s->n < r->minn || rep_hidden(r, it->scale, total));
			out_row_end(o);
		}
		out_end(o);
		return;
	}
	for (int s = 0; s < r->in.nscales; s++) {
		const struct survey_likert *lk = &r->in.likert[r->in.scales[s].likert];
		for (size_t g = 1; g <= a->n; g++) {
			const struct agg *grp = &a->g[g % a->n]; /* the groups, then the whole survey */
			if (g == a->n)
				self_out(o, &r->self, &r->in, s);
			out_text(o, g == a->n ? "totaal" : grp->name);
			out_text(o, r->in.scales[s].id);
			out_text(o, r->in.scales[s].title);
			out_stats(o, a, &grp->sstat[s], grp->sdist + (size_t)s * (size_t)a->nvals, lk, rep_hidden(r, s,
				  grp));
			out_row_end(o);
		}
	}
	out_end(o);
}

static int rep_comments(struct rep *r, int show, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	out_list(o, r->com.c, r->com.n);
	if (show && r->seal.on) {
		survey_seal_sort_texts(&r->seal);
		for (size_t i = 0; i < r->seal.ntexts; i++) {
			out_text(o, r->in.items[r->seal.texts[i].item].id);
			out_text(o, r->seal.texts[i].text);
			out_row_end(o);
		}
	} else if (show) {
		/* sorted by item and text, never in response order */
		if ((rc = store_prepare(r->db, r->rows ? "SELECT i.code, t.text FROM survey_text t JOIN survey_response r "
					       "ON r.id = t.response_id JOIN survey_item i ON i.id = t.item_id "
					       "WHERE r.survey_id = ?1 ORDER BY i.seq, t.text"
					       : "SELECT item, text FROM beter_survey_comment WHERE survey_id = ?1 "
						 "ORDER BY seq, text", &st, err)))
			return rc;
		store_bind_int(st, 1, r->si.id);
		while (store_next(r->db, st, &rc, N_("reading comments"), err)) {
			out_text(o, store_col_text(st, 0));
			out_text(o, store_col_text(st, 1));
			out_row_end(o);
		}
		store_finalize(st);
		if (rc)
			return rc;
	}
	out_end(o);
	return 0;
}

int survey_report(struct store *db, int64_t survey, enum survey_by by, int64_t min_n, const char *key_file,
		  struct out *o,
		  struct beter_err *err)
{
	static const char *const by_names[] = { "scale", "item", "team", "rater" };
	struct rep r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.by = by;
	if ((rc = rep_load(&r, db, survey, min_n, key_file, err)))
		goto out;
	/* JSON and CSV keep the English words; a Dutch table says them in Dutch */
	int people = o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD);
	rep_columns(&r, people);

	int has_text = 0;
	for (int i = 0; i < r.in.nitems; i++)
		has_text |= r.in.items[i].pos == 0;
	int64_t text_min = r.minn > SURVEY_TEXT_MIN_N ? r.minn : SURVEY_TEXT_MIN_N;
	int show_text = has_text && r.a.g[0].respondents >= text_min;
	char textnote[128];
	if (!has_text)
		snprintf(textnote, sizeof(textnote), "%s", people ? _("none") : "none");
	else if (show_text)
		snprintf(textnote, sizeof(textnote), "%s", people ? _("shown") : "shown");
	else if (people)
		snprintf(textnote, sizeof(textnote), P_("hidden: fewer than %lld respondent",
							"hidden: fewer than %lld respondents", text_min),
			 (long long)text_min);
	else
		snprintf(textnote, sizeof(textnote), "hidden: fewer than %lld respondents", (long long)text_min);

	out_doc_begin(o, r.all.c, r.all.n);
	out_section(o, "survey", _("Survey"));
	out_record(o, r.head.c, r.head.n);
	out_int(o, r.si.id);
	out_text(o, r.si.code);
	out_text(o, r.si.wave);
	out_text(o, r.si.team_name);
	out_text(o, by_names[by]);
	out_int(o, r.a.g[0].respondents);
	out_int(o, r.minn);
	char *policy = survey_policy_line(r.reason, people);
	out_text(o, policy);
	free(policy);
	out_text(o, textnote);
	out_end(o);
	out_section(o, "results", _("Results"));
	rep_results(&r, o);
	out_section(o, "comments", _("Comments"));
	if (!(rc = rep_comments(&r, show_text, o, err)))
		out_doc_end(o);
out:
	rep_release(&r);
	return rc;
}

