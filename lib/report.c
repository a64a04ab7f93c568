/* report.c - the report's model, the helpers its renderers share, and
 * building it from the store section by section (lib/report_*.c). */
#include "report_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "beter/date.h"

/* ---- the model --------------------------------------------------------- */

struct rv rv_null(void)
{
	struct rv v = { RV_NULL, NULL, 0, 0, 0 };
	return v;
}

struct rv rv_text(const char *s)
{
	struct rv v = { s ? RV_TEXT : RV_NULL, s ? xstrdup(s) : NULL, 0, 0, 0 };
	return v;
}

struct rv rv_unknown(const char *label)
{
	struct rv v = { RV_NULL, label ? xstrdup(label) : NULL, 0, 0, 0 };
	return v;
}

struct rv rv_int(int64_t i)
{
	struct rv v = { RV_INT, NULL, i, 0, 0 };
	return v;
}

struct rv rv_real(double d)
{
	return rv_realp(d, 1);
}

struct rv rv_realp(double d, int prec)
{
	struct rv v = { isnan(d) ? RV_NULL : RV_REAL, NULL, 0, d, prec < 0 ? 0 : prec > 3 ? 3 : prec };
	if (!v.prec)
		v.prec = -1; /* zero decimals asked for */
	return v;
}

struct rv rv_share(double d)
{
	struct rv v = { isnan(d) ? RV_NULL : RV_SHARE, NULL, 0, d, 0 };
	return v;
}

#define GROW(arr, n, a)                                                        \
	do {                                                                   \
		if ((n) == (a)) {                                              \
			(a) = (a) ? 2 * (a) : 8;                               \
			(arr) = xrealloc((arr), (a) * sizeof(*(arr)));         \
		}                                                              \
	} while (0)

struct rep_section *rep_section_add(struct report *r, const char *key, const char *title)
{
	struct rep_section *s = xcalloc(1, sizeof(*s));
	s->key = xstrdup(key);
	s->title = xstrdup(title);
	GROW(r->sections, r->nsections, r->asections);
	r->sections[r->nsections++] = s;
	return s;
}

void rep_section_empty(struct rep_section *s, const char *note)
{
	free(s->empty);
	s->empty = xstrdup(note);
}

void rep_section_note(struct rep_section *s, const char *note)
{
	free(s->note);
	s->note = xstrdup(note);
}

void rep_figure_add(struct rep_section *s, const char *key, const char *label, struct rv v)
{
	GROW(s->figs, s->nfigs, s->afigs);
	s->figs[s->nfigs].key = xstrdup(key);
	s->figs[s->nfigs].label = xstrdup(label);
	s->figs[s->nfigs].v = v;
	s->nfigs++;
}

static char **strv(size_t n, const char *const *in)
{
	char **out = xcalloc(n + 1, sizeof(*out));
	for (size_t i = 0; i < n; i++)
		out[i] = xstrdup(in[i]);
	return out;
}

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

struct rep_table *rep_table_add(struct rep_section *s, const char *key, const char *title, size_t ncols,
				const char *const *keys, const char *const *labels)
{
	struct rep_table *t = xcalloc(1, sizeof(*t));
	t->key = xstrdup(key);
	t->title = xstrdup(title);
	t->ncols = ncols;
	t->keys = strv(ncols, keys);
	t->labels = strv(ncols, labels);
	GROW(s->tables, s->ntables, s->atables);
	s->tables[s->ntables++] = t;
	return t;
}

void rep_cell(struct rep_table *t, struct rv v)
{
	GROW(t->cells, t->ncells, t->acells);
	t->cells[t->ncells++] = v;
	t->nrows = t->ncells / t->ncols;
}

struct rep_chart *rep_chart_add(struct rep_section *s, enum rep_chart_kind kind, const char *key, const char *title,
				const char *desc, size_t n, const char *const *labels, size_t ngroups,
				const char *const *groups, const double *values, double ymin, double ymax)
{
	struct rep_chart *c = xcalloc(1, sizeof(*c));
	c->kind = kind;
	c->key = xstrdup(key);
	c->title = xstrdup(title);
	c->desc = xstrdup(desc);
	c->n = n;
	c->labels = strv(n, labels);
	c->ngroups = ngroups ? ngroups : 1;
	c->groups = strv(ngroups, groups);
	c->values = xcalloc(n * c->ngroups + 1, sizeof(double));
	memcpy(c->values, values, n * c->ngroups * sizeof(double));
	c->ymin = ymin;
	c->ymax = ymax;
	c->norm = NAN;
	c->baseline = NAN;
	c->prec = 1;
	GROW(s->charts, s->ncharts, s->acharts);
	s->charts[s->ncharts++] = c;
	return c;
}

void report_release(struct report *r)
{
	for (size_t i = 0; i < r->nmeta; i++) {
		free(r->meta[i].key);
		free(r->meta[i].label);
		rv_free(&r->meta[i].v);
	}
	for (size_t i = 0; i < r->nsections; i++) {
		struct rep_section *s = r->sections[i];
		for (size_t j = 0; j < s->nfigs; j++) {
			free(s->figs[j].key);
			free(s->figs[j].label);
			rv_free(&s->figs[j].v);
		}
		for (size_t j = 0; j < s->ntables; j++) {
			struct rep_table *t = s->tables[j];
			for (size_t k = 0; k < t->ncells; k++)
				rv_free(&t->cells[k]);
			strv_free(t->keys, t->ncols);
			strv_free(t->labels, t->ncols);
			free(t->cells);
			free(t->key);
			free(t->title);
			free(t);
		}
		for (size_t j = 0; j < s->ncharts; j++) {
			struct rep_chart *c = s->charts[j];
			strv_free(c->labels, c->n);
			strv_free(c->groups, c->ngroups);
			free(c->values);
			free(c->key);
			free(c->title);
			free(c->desc);
			free(c);
		}
		free(s->figs);
		free(s->tables);
		free(s->charts);
		free(s->key);
		free(s->title);
		free(s->empty);
		free(s->note);
		free(s);
	}
	free(r->sections);
	free(r->title);
	memset(r, 0, sizeof(*r));
}

static void meta_add(struct report *r, const char *key, const char *label, struct rv v)
{
	if (r->nmeta >= sizeof(r->meta) / sizeof(*r->meta)) {
		rv_free(&v);
		return;
	}
	r->meta[r->nmeta].key = xstrdup(key);
	r->meta[r->nmeta].label = xstrdup(label);
	r->meta[r->nmeta].v = v;
	r->nmeta++;
}

/* ---- rendering helpers ----------------------------------------------- */

/* A value for people: Dutch decimal commas, shares as percentages. */
void rv_human(struct strbuf *sb, const struct rv *v, enum report_lang lang)
{
	char buf[64];

	switch (v->t) {
	case RV_NULL: strbuf_adds(sb, v->s ? v->s : "\xe2\x80\x93"); return; /* en dash */
	case RV_TEXT: strbuf_adds(sb, v->s); return;
	case RV_INT: strbuf_addf(sb, "%lld", (long long)v->i); return;
	case RV_REAL: snprintf(buf, sizeof(buf), "%.*f", rv_prec(v), round_to(v->d, rv_prec(v))); break;
	case RV_SHARE: snprintf(buf, sizeof(buf), "%.0f%%", round_to(v->d * 100, 0)); break;
	case RV_ENUM: strbuf_adds(sb, v->s + strlen(v->s) + 1); return;
	}
	if (lang == REPORT_NL)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	strbuf_adds(sb, buf);
}

int rv_numeric(const struct rv *v)
{
	return v->t == RV_INT || v->t == RV_REAL || v->t == RV_SHARE;
}

/* A date (YYYY-MM-DD): kept on one line. */
int rv_is_date(const struct rv *v)
{
	const char *s = v->s;
	if (v->t != RV_TEXT || strlen(s) != 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* The chart's numbers as a table: its text alternative in HTML and Markdown. */
void rep_chart_table(const struct rep_chart *c, enum report_lang lang, struct rep_table *t)
{
	size_t ng = c->kind == REP_CHART_LINE ? 1 : c->ngroups;

	memset(t, 0, sizeof(*t));
	t->title = (char *)S(lang, S_CHART_DATA);
	t->ncols = ng + 1;
	t->labels = xcalloc(t->ncols, sizeof(char *));
	t->labels[0] = (char *)"";
	for (size_t g = 0; g < ng; g++)
		t->labels[g + 1] = c->kind == REP_CHART_LINE ? (char *)S(lang, S_VALUE) : c->groups[g];
	for (size_t i = 0; i < c->n; i++) {
		rep_cell(t, rv_text(c->labels[i]));
		for (size_t g = 0; g < ng; g++)
			rep_cell(t, isnan(c->values[i * ng + g]) && c->kind == REP_CHART_BARS
					    ? rv_unknown(S(lang, S_SUPPRESSED))
					    : rv_realp(c->values[i * ng + g], c->prec));
	}
}

void rep_chart_table_free(struct rep_table *t)
{
	for (size_t k = 0; k < t->ncells; k++)
		rv_free(&t->cells[k]);
	free(t->cells);
	free(t->labels);
}

void report_render(const struct report *r, enum report_format f, struct strbuf *sb)
{
	switch (f) {
	case REPORT_HTML: report_render_html(r, sb); break;
	case REPORT_MD: report_render_md(r, sb); break;
	case REPORT_JSON: report_render_json(r, sb); break;
	}
	strbuf_adds(sb, "");
}

/* ---- building ---------------------------------------------------------- */

int rep_count(struct bctx *b, const char *sql, int64_t *n, const char *what)
{
	struct store_stmt *st;
	int rc;

	*n = 0;
	if ((rc = store_prepare(b->db, sql, &st, b->err)))
		return rc;
	bind_scope(b, st);
	if (store_next(b->db, st, &rc, what, b->err))
		*n = store_col_int(st, 0);
	store_finalize(st);
	return rc;
}

static void format_stamp(int64_t now, char *buf, size_t size)
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm); /* ISO 8601 */
}

static int report_build_snapshot(struct store *db, const struct report_opts *ro, struct report *r,
				 struct beter_err *err);

/* Every figure of a report comes from one snapshot of the store, so a
 * report made while someone records a session never mixes two states. */
int report_build(struct store *db, const struct report_opts *ro, struct report *r, struct beter_err *err)
{
	int began, rc;

	memset(r, 0, sizeof(*r));
	if ((rc = store_read_begin(db, &began, err)))
		return rc;
	rc = report_build_snapshot(db, ro, r, err);
	store_read_end(db, began);
	return rc;
}

static int report_build_snapshot(struct store *db, const struct report_opts *ro, struct report *r,
				 struct beter_err *err)
{
	struct bctx bc = { db, ro, r, err, "", "", "", 0 };
	struct bctx *b = &bc;
	struct store_stmt *st;
	char stamp[64];
	int rc;

	memset(r, 0, sizeof(*r));
	r->lang = ro->lang;
	r->title = xstrdup(L(S_TITLE));
	date_format(ro->from, bc.from);
	date_format(ro->to, bc.to);
	bc.today_days = (int)(ro->now >= 0 ? ro->now / 86400 : (ro->now - 86399) / 86400);
	date_format(bc.today_days, bc.today);

	if ((rc = store_prepare(db, "SELECT s.name, (SELECT name FROM team WHERE id = ?2) FROM school s WHERE s.id = ?1",
				&st, err))) {
		report_release(r);
		return rc;
	}
	store_bind_int(st, 1, ro->school);
	store_bind_int(st, 2, ro->team);
	if (!store_next(db, st, &rc, N_("reading the school"), err)) {
		store_finalize(st);
		report_release(r);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no school with number %lld"), (long long)ro->school);
	}
	meta_add(r, "school", L(S_SCHOOL), col_text(st, 0));
	meta_add(r, "team", L(S_SCOPE), ro->team ? col_text(st, 1) : rv_unknown(L(S_WHOLE_SCHOOL)));
	store_finalize(st);
	meta_add(r, "from", L(S_FROM), rv_text(bc.from));
	meta_add(r, "to", L(S_TO), rv_text(bc.to));
	format_stamp(ro->now, stamp, sizeof(stamp));
	meta_add(r, "generated", L(S_GENERATED), rv_text(stamp));

	if ((rc = report_section_phase(b)) || (rc = report_section_goals(b)) || (rc = report_section_actions(b)) ||
	    (rc = report_section_successes(b)) || (rc = report_section_visits(b)) || (rc = report_section_design(b)) ||
	    (rc = report_section_arena(b)) ||
	    (rc = report_section_surveys(b)) || (rc = report_section_periods(b))) {
		report_release(r);
		return rc;
	}
	return 0;
}

/* ---- time stamps and files ------------------------------------------- */

int report_now_parse(const char *s, int64_t *now, struct beter_err *err)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	int64_t v;

	if (s && s[0] == '@' && parse_int64(s + 1, &v) == 0 && v >= 0) {
		*now = v;
		return 0;
	}
	if (s && sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3) {
		const char *rest = s + n;
		int m2 = 0;
		if (*rest == 'T' || *rest == ' ') {
			if (sscanf(rest + 1, "%2d:%2d%n", &h, &mi, &m2) != 2)
				goto bad;
			rest += 1 + m2;
			if (*rest == ':') {
				if (sscanf(rest + 1, "%2d%n", &sec, &m2) != 1)
					goto bad;
				rest += 1 + m2;
			}
			if (*rest == 'Z')
				rest++;
		}
		char day[11];
		int days;
		snprintf(day, sizeof(day), "%04d-%02d-%02d", y, mo, d);
		if (*rest || h > 23 || mi > 59 || sec > 59 || date_parse(day, &days, "--now", NULL) || strncmp(day, s, 10))
			goto bad;
		*now = (int64_t)days * 86400 + h * 3600 + mi * 60 + sec;
		return 0;
	}
bad:
	return beter_err_set(err, BETER_DATAERR,
			     _("--now: '%s' is not a time (use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS]Z or @SECONDS)"), s ? s : "");
}

int64_t report_now_default(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	int64_t v;

	if (e && *e && parse_int64(e, &v) == 0 && v >= 0)
		return v;
	e = getenv("BETER_TODAY");
	if (e && *e)
		return (int64_t)date_today() * 86400;
	return (int64_t)time(NULL);
}
