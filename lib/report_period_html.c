/* report_period_html.c - the datamuur of a period section in html: a bar
 * chart per indicator (and measure), the groups side by side, each value
 * beside its previous value, against the norm. The table follows as the
 * charts' text alternative. */
#include "report_period.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/svg.h"

enum { WC_INDICATOR, WC_MEASURE, WC_GROUP, WC_VALUE, WC_UNIT, WC_NORM, WC_PREVIOUS, WC_NCOLS };

static const struct rv *cell(const struct rep_table *t, size_t row, int col)
{
	return &t->cells[row * t->ncols + (size_t)col];
}

static double cell_num(const struct rep_table *t, size_t row, int col)
{
	const struct rv *v = cell(t, row, col);
	return v->t == RV_REAL ? v->d : v->t == RV_INT ? (double)v->i : NAN;
}

static const char *cell_str(const struct rep_table *t, size_t row, int col)
{
	const struct rv *v = cell(t, row, col);
	return v->t == RV_TEXT ? v->s : "";
}

/* A level of a pupil tracking system: I..V or A..E. */
static int is_level(const char *m)
{
	return *m && (strspn(m, "IV") == strlen(m) || (strlen(m) == 1 && strchr("ABCDE", *m)));
}

/* Rows a and b belong to one chart: the same indicator and measure, or
 * levels of the same indicator. */
static int same_chart(const struct rep_table *t, size_t a, size_t b)
{
	const char *ma = cell_str(t, a, WC_MEASURE), *mb = cell_str(t, b, WC_MEASURE);
	return !strcmp(cell_str(t, a, WC_INDICATOR), cell_str(t, b, WC_INDICATOR)) &&
	       (!strcmp(ma, mb) || (is_level(ma) && is_level(mb)));
}

/* The top of the scale: 100 for a percentage, else a round number above
 * the largest value whose grid lines fall on round numbers (the y axis has
 * ten steps above 20): up to 10 whole, up to 20 even, else ten times 1, 2
 * or 5 times a power of ten. */
static double scale_top(const char *unit, const double *v, size_t n)
{
	double max = 0, top, step;

	if (!strcmp(unit, "%"))
		return 100;
	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i]) && v[i] > max)
			max = v[i];
	top = max * 1.1;
	if (top <= 10)
		return top <= 1 ? 1 : ceil(top);
	if (top <= 20)
		return 2 * ceil(top / 2);
	step = pow(10, floor(log10(top / 10)));
	step *= top / 10 <= step ? 1 : top / 10 <= 2 * step ? 2 : top / 10 <= 5 * step ? 5 : 10;
	return 10 * step;
}

static void chart_title(struct strbuf *sb, const struct rep_table *t, size_t row, int levels)
{
	const char *ind = cell_str(t, row, WC_INDICATOR), *m = cell_str(t, row, WC_MEASURE);
	const char *unit = cell_str(t, row, WC_UNIT);
	char paren[64];

	strbuf_adds(sb, ind);
	if (levels)
		strbuf_addf(sb, ": %s", pw(PW_LEVELS));
	else if (*m)
		strbuf_addf(sb, ": %s", m);
	snprintf(paren, sizeof(paren), "(%s)", unit);
	if (*unit && !strstr(ind, paren))
		strbuf_addf(sb, " %s", paren);
}

static void figure(struct strbuf *sb, const char *title)
{
	strbuf_adds(sb, "<figure>\n<figcaption>");
	svg_escape(sb, title);
	strbuf_adds(sb, "</figcaption>\n");
}

/* The level rows first .. first + n - 1 of one indicator: a stacked bar per
 * group, a group hidden when one of its levels is. */
static void levels_chart(struct strbuf *sb, const struct rep_section *s, const struct rep_table *t, size_t first,
			 size_t n, int k, enum report_lang lang)
{
	const char **groups = xcalloc(n, sizeof(*groups)), **levels = xcalloc(n, sizeof(*levels));
	double *v = xcalloc(n * n, sizeof(*v));
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	size_t ng = 0, nl = 0, g, l;
	char id[96];

	for (size_t i = first; i < first + n; i++) {
		for (g = 0; g < ng && strcmp(groups[g], cell_str(t, i, WC_GROUP)); g++)
			;
		for (l = 0; l < nl && strcmp(levels[l], cell_str(t, i, WC_MEASURE)); l++)
			;
		if (g == ng)
			groups[ng++] = cell_str(t, i, WC_GROUP);
		if (l == nl)
			levels[nl++] = cell_str(t, i, WC_MEASURE);
	}
	for (size_t i = 0; i < n * n; i++)
		v[i] = NAN;
	for (size_t i = first; i < first + n; i++) {
		for (g = 0; strcmp(groups[g], cell_str(t, i, WC_GROUP)); g++)
			;
		for (l = 0; strcmp(levels[l], cell_str(t, i, WC_MEASURE)); l++)
			;
		v[g * nl + l] = cell_num(t, i, WC_VALUE);
	}
	chart_title(&title, t, first, 1);
	strbuf_addf(&desc, pw(PW_LEVELS_DESC), strbuf_str(&title));
	snprintf(id, sizeof(id), "%s-wall-%d", s->key, k);
	struct svg_levels c = { id, strbuf_str(&title), strbuf_str(&desc), ng, groups, nl, levels, v, pw(PW_HIDDEN),
				lang == REPORT_NL ? ',' : '.' };
	figure(sb, c.title);
	svg_levels_chart(sb, &c);
	strbuf_adds(sb, "</figure>\n");
	strbuf_release(&title);
	strbuf_release(&desc);
	free(groups);
	free(levels);
	free(v);
}

/* One chart over rows first .. first + n - 1. */
static void wall_chart(struct strbuf *sb, const struct rep_section *s, const struct rep_table *t, size_t first,
		       size_t n, int k, enum report_lang lang)
{
	const char **groups = xcalloc(n, sizeof(*groups));
	double *v = xcalloc(3 * n, sizeof(*v)), *prev = v + n, *norms = v + 2 * n;
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	char id[96];
	int any_norm = 0;

	for (size_t i = 0; i < n; i++) {
		groups[i] = cell_str(t, first + i, WC_GROUP);
		v[i] = cell_num(t, first + i, WC_VALUE);
		prev[i] = cell_num(t, first + i, WC_PREVIOUS);
		norms[i] = cell_num(t, first + i, WC_NORM);
		any_norm |= !isnan(norms[i]);
	}
	chart_title(&title, t, first, 0);
	strbuf_addf(&desc, pw(any_norm ? PW_CHART_DESC_NORM : PW_CHART_DESC), strbuf_str(&title));
	snprintf(id, sizeof(id), "%s-wall-%d", s->key, k);
	struct svg_wall c = { id, strbuf_str(&title), strbuf_str(&desc), n, groups, v, prev, norms, 0,
			      scale_top(cell_str(t, first, WC_UNIT), v, 3 * n), pw(PW_VALUE), pw(PW_PREVIOUS),
			      pw(PW_NORM), pw(PW_HIDDEN), lang == REPORT_NL ? ',' : '.' };
	figure(sb, c.title);
	svg_wall_chart(sb, &c);
	strbuf_adds(sb, "</figure>\n");
	strbuf_release(&title);
	strbuf_release(&desc);
	free(groups);
	free(v);
}

void report_period_html_charts(struct strbuf *sb, const struct rep_section *s, const struct rep_table *t,
			       enum report_lang lang)
{
	int k = 0;

	if (strncmp(s->key, "period-", 7) || strcmp(t->key, "wall") || t->ncols < WC_NCOLS)
		return;
	for (size_t first = 0, n; first < t->nrows; first += n) {
		for (n = 1; first + n < t->nrows && same_chart(t, first, first + n); n++)
			;
		if (is_level(cell_str(t, first, WC_MEASURE)))
			levels_chart(sb, s, t, first, n, ++k, lang);
		else
			wall_chart(sb, s, t, first, n, ++k, lang);
	}
}
