#include "beter/report.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/out.h"
#include "beter/phase.h"
#include "beter/store.h"
#include "beter/svg.h"

/* ---- the string table ------------------------------------------------ */

enum str_id {
	S_TITLE, S_SCHOOL, S_SCOPE, S_WHOLE_SCHOOL, S_FROM, S_TO, S_GENERATED, S_NO_DATA, S_UNKNOWN, S_YES, S_NO,
	S_SEC_PHASE, S_SEC_GOALS, S_SEC_ACTIONS, S_SEC_SUCCESSES, S_SEC_VISITS, S_SEC_ARENA, S_SEC_SURVEYS,
	S_TRAJECTORIES, S_TEAM, S_MODEL, S_PHASE, S_STEP, S_PHASE_STARTED, S_DAYS_IN_PHASE, S_CHECKLIST,
	S_CHECKLIST_TITLE, S_ACTIVITY, S_DONE_ON, S_CLOSED_TITLE, S_CLOSED, S_RETROSPECTIVE, S_WENT_WELL, S_IMPROVE,
	S_NO_RETRO, S_CONDITIONS_TITLE, S_AMBITION, S_RHYTHM, S_RETRO_SHARE, S_PHASES_CLOSED, S_ACTIVE_TRAJ,
	S_NO_TRAJECTORY, S_CHART_DATA, S_VALUE, S_NORM, S_BASELINE, S_SUPPRESSED, S_NONE,
	S_COUNT
};

static const char *const strings[S_COUNT][2] = {
	[S_TITLE] = { "Voortgangsrapport", "Progress report" },
	[S_SCHOOL] = { "School", "School" },
	[S_SCOPE] = { "Voor", "For" },
	[S_WHOLE_SCHOOL] = { "hele school", "whole school" },
	[S_FROM] = { "Van", "From" },
	[S_TO] = { "Tot en met", "To" },
	[S_GENERATED] = { "Gemaakt op", "Generated" },
	[S_NO_DATA] = { "Nog geen gegevens.", "No data yet." },
	[S_UNKNOWN] = { "onbekend", "unknown" },
	[S_YES] = { "ja", "yes" },
	[S_NO] = { "nee", "no" },
	[S_SEC_PHASE] = { "Fase en voorwaarden", "Phase and conditions" },
	[S_SEC_GOALS] = { "Doelen tegen de norm", "Goals against the norm" },
	[S_SEC_ACTIONS] = { "Acties", "Actions" },
	[S_SEC_SUCCESSES] = { "Successen en 'zo werken wij'-standaarden", "Successes and 'zo werken wij' standards" },
	[S_SEC_VISITS] = { "Lesbezoeken en feedback", "Lesson visits and feedback" },
	[S_SEC_ARENA] = { "Stem van de leerling", "Pupil voice" },
	[S_SEC_SURVEYS] = { "Metingen: schalen per meting", "Surveys: scales wave against wave" },
	[S_TRAJECTORIES] = { "Trajecten", "Trajectories" },
	[S_TEAM] = { "Team", "Team" },
	[S_MODEL] = { "Aanpak", "Model" },
	[S_PHASE] = { "Fase", "Phase" },
	[S_STEP] = { "Stap", "Step" },
	[S_PHASE_STARTED] = { "Fase begonnen", "Phase started" },
	[S_DAYS_IN_PHASE] = { "Dagen in fase", "Days in phase" },
	[S_CHECKLIST] = { "Checklist", "Checklist" },
	[S_CHECKLIST_TITLE] = { "Checklist van de huidige fase", "Checklist of the current phase" },
	[S_ACTIVITY] = { "Activiteit", "Activity" },
	[S_DONE_ON] = { "Gedaan op", "Done on" },
	[S_CLOSED_TITLE] = { "Afgesloten fases en retrospectives", "Closed phases and retrospectives" },
	[S_CLOSED] = { "Afgesloten", "Closed" },
	[S_RETROSPECTIVE] = { "Retrospective", "Retrospective" },
	[S_WENT_WELL] = { "Wat ging goed", "What went well" },
	[S_IMPROVE] = { "Wat kan beter", "What to improve" },
	[S_NO_RETRO] = { "Zonder retrospective, want", "No retrospective, because" },
	[S_CONDITIONS_TITLE] = { "Voorwaarden per team", "Conditions per team" },
	[S_AMBITION] = { "Ambitie op het bord", "Ambition on the board" },
	[S_RHYTHM] = { "Ritmiek (weken met bordsessie)", "Rhythm (weeks with a board session)" },
	[S_RETRO_SHARE] = { "Fases afgesloten met retrospective", "Phases closed with a retrospective" },
	[S_PHASES_CLOSED] = { "Fases afgesloten", "Phases closed" },
	[S_ACTIVE_TRAJ] = { "Lopende trajecten", "Active trajectories" },
	[S_NO_TRAJECTORY] = { "Er loopt geen traject.", "No trajectory is running." },
	[S_CHART_DATA] = { "Gegevens van de grafiek", "Chart data" },
	[S_VALUE] = { "Waarde", "Value" },
	[S_NORM] = { "norm", "norm" },
	[S_BASELINE] = { "0-meting", "baseline" },
	[S_NONE] = { "Geen.", "None." },
	[S_SUPPRESSED] = { "te weinig", "too few" },
};

static const char *S(enum report_lang lang, enum str_id id)
{
	return strings[id][lang == REPORT_EN];
}

int report_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "html"))
		return REPORT_HTML;
	if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		return REPORT_MD;
	if (!strcmp(s, "json"))
		return REPORT_JSON;
	return -1;
}

int report_lang_parse(const char *s)
{
	if (s && !strcmp(s, "nl"))
		return REPORT_NL;
	if (s && !strcmp(s, "en"))
		return REPORT_EN;
	return -1;
}

/* ---- the model --------------------------------------------------------- */

struct rv rv_null(void)
{
	struct rv v = { RV_NULL, NULL, 0, 0 };
	return v;
}

struct rv rv_text(const char *s)
{
	struct rv v = { s ? RV_TEXT : RV_NULL, s ? xstrdup(s) : NULL, 0, 0 };
	return v;
}

struct rv rv_unknown(const char *label)
{
	struct rv v = { RV_NULL, label ? xstrdup(label) : NULL, 0, 0 };
	return v;
}

struct rv rv_int(int64_t i)
{
	struct rv v = { RV_INT, NULL, i, 0 };
	return v;
}

struct rv rv_real(double d)
{
	struct rv v = { isnan(d) ? RV_NULL : RV_REAL, NULL, 0, d };
	return v;
}

struct rv rv_share(double d)
{
	struct rv v = { isnan(d) ? RV_NULL : RV_SHARE, NULL, 0, d };
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
	GROW(s->charts, s->ncharts, s->acharts);
	s->charts[s->ncharts++] = c;
	return c;
}

static void rv_free(struct rv *v)
{
	free(v->s);
	v->s = NULL;
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
static void rv_human(struct strbuf *sb, const struct rv *v, enum report_lang lang)
{
	char buf[64];

	switch (v->t) {
	case RV_NULL: strbuf_adds(sb, v->s ? v->s : "\xe2\x80\x93"); return; /* en dash */
	case RV_TEXT: strbuf_adds(sb, v->s); return;
	case RV_INT: strbuf_addf(sb, "%lld", (long long)v->i); return;
	case RV_REAL: snprintf(buf, sizeof(buf), "%.1f", v->d); break;
	case RV_SHARE: snprintf(buf, sizeof(buf), "%.0f%%", v->d * 100); break;
	}
	if (lang == REPORT_NL)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	strbuf_adds(sb, buf);
}

static void json_str(struct strbuf *sb, const char *s)
{
	strbuf_addc(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		switch (*p) {
		case '"': strbuf_adds(sb, "\\\""); break;
		case '\\': strbuf_adds(sb, "\\\\"); break;
		case '\n': strbuf_adds(sb, "\\n"); break;
		case '\r': strbuf_adds(sb, "\\r"); break;
		case '\t': strbuf_adds(sb, "\\t"); break;
		default:
			if (*p < 0x20)
				strbuf_addf(sb, "\\u%04x", *p);
			else
				strbuf_addc(sb, (char)*p);
		}
	}
	strbuf_addc(sb, '"');
}

static void json_num(struct strbuf *sb, double d)
{
	char buf[64];
	if (isnan(d) || isinf(d)) {
		strbuf_adds(sb, "null");
		return;
	}
	out_format_real(buf, sizeof(buf), d);
	strbuf_adds(sb, buf);
}

static void rv_json(struct strbuf *sb, const struct rv *v)
{
	switch (v->t) {
	case RV_NULL: strbuf_adds(sb, "null"); break;
	case RV_TEXT: json_str(sb, v->s); break;
	case RV_INT: strbuf_addf(sb, "%lld", (long long)v->i); break;
	case RV_REAL:
	case RV_SHARE: json_num(sb, round(v->d * 1000) / 1000); break;
	}
}

static void md_escape(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r')
			strbuf_addc(sb, ' ');
		else if (strchr("\\`*_[]<>|#", *s)) {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, *s);
		} else
			strbuf_addc(sb, *s);
	}
}

static void rv_md(struct strbuf *sb, const struct rv *v, enum report_lang lang)
{
	struct strbuf t = STRBUF_INIT;
	rv_human(&t, v, lang);
	md_escape(sb, strbuf_str(&t));
	strbuf_release(&t);
}

static void rv_html(struct strbuf *sb, const struct rv *v, enum report_lang lang)
{
	struct strbuf t = STRBUF_INIT;
	rv_human(&t, v, lang);
	svg_escape(sb, strbuf_str(&t));
	strbuf_release(&t);
}

static int numeric(const struct rv *v)
{
	return v->t == RV_INT || v->t == RV_REAL || v->t == RV_SHARE;
}

/* ---- HTML -------------------------------------------------------------- */

static const char css[] =
	"*{box-sizing:border-box}"
	"body{margin:0 auto;max-width:60rem;padding:1rem;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
	"Arial,sans-serif;color:#1d2a33;background:#fff}"
	"h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin:1.6rem 0 .6rem;padding-bottom:.2rem;"
	"border-bottom:2px solid #1f6f8b}h3{font-size:1rem;margin:1rem 0 .4rem}"
	".meta{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0;color:#44535e}.meta div{display:flex;gap:.4rem}"
	".meta dt{font-weight:600}.meta dd{margin:0}"
	".figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.6rem;margin:.6rem 0}"
	".figures div{border:1px solid #d5dde3;border-radius:.4rem;padding:.5rem .7rem;background:#f6f9fb}"
	".figures dt{font-size:.85rem;color:#44535e}.figures dd{margin:0;font-size:1.3rem;font-weight:600}"
	".scroll{overflow-x:auto}"
	"table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}"
	"caption{text-align:left;font-weight:600;padding:.3rem 0}"
	"th,td{border-bottom:1px solid #d5dde3;padding:.3rem .5rem;text-align:left;vertical-align:top}"
	"th{background:#eef3f6}td.num{text-align:right;font-variant-numeric:tabular-nums}"
	".empty{color:#5b6b76;font-style:italic}"
	"figure{margin:.6rem 0 1rem}figcaption{font-weight:600;margin-bottom:.3rem}"
	"svg.chart{width:100%;max-width:36rem;height:auto;display:block}"
	"footer{margin-top:2rem;color:#5b6b76;font-size:.85rem}"
	"@page{size:A4;margin:15mm}"
	"@media print{body{max-width:none;padding:0;font-size:10pt}.scroll{overflow:visible}"
	"section,figure,table{break-inside:avoid}h2{break-after:avoid}}";

static void html_table(struct strbuf *sb, const struct rep_table *t, enum report_lang lang)
{
	if (!t->nrows) {
		strbuf_adds(sb, "<h3>");
		svg_escape(sb, t->title);
		strbuf_addf(sb, "</h3>\n<p class=\"empty\">%s</p>\n", S(lang, S_NONE));
		return;
	}
	strbuf_adds(sb, "<div class=\"scroll\"><table>\n<caption>");
	svg_escape(sb, t->title);
	strbuf_adds(sb, "</caption>\n<thead><tr>");
	for (size_t c = 0; c < t->ncols; c++) {
		strbuf_adds(sb, "<th scope=\"col\">");
		svg_escape(sb, t->labels[c]);
		strbuf_adds(sb, "</th>");
	}
	strbuf_adds(sb, "</tr></thead>\n<tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_adds(sb, "<tr>");
		for (size_t c = 0; c < t->ncols; c++) {
			const struct rv *v = &t->cells[r * t->ncols + c];
			strbuf_adds(sb, numeric(v) ? "<td class=\"num\">" : "<td>");
			rv_html(sb, v, lang);
			strbuf_adds(sb, "</td>");
		}
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</tbody>\n</table></div>\n");
}

static void chart_svg(struct strbuf *sb, const struct rep_chart *c, enum report_lang lang, const char *id)
{
	if (c->kind == REP_CHART_LINE) {
		struct svg_line l = { id, c->title, c->desc, c->n, (const char *const *)c->labels, c->values,
				      c->ymin, c->ymax, c->norm, S(lang, S_NORM), c->baseline, S(lang, S_BASELINE) };
		svg_line_chart(sb, &l);
	} else {
		struct svg_bars b = { id, c->title, c->desc, c->n, (const char *const *)c->labels, c->ngroups,
				      (const char *const *)c->groups, c->values, c->ymin, c->ymax,
				      S(lang, S_SUPPRESSED) };
		svg_bar_chart(sb, &b);
	}
}

/* The chart's numbers as a table: its text alternative in HTML and Markdown. */
static void chart_table(const struct rep_chart *c, enum report_lang lang, struct rep_table *t)
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
			rep_cell(t, rv_real(c->values[i * ng + g]));
	}
}

static void chart_table_free(struct rep_table *t)
{
	for (size_t k = 0; k < t->ncells; k++)
		rv_free(&t->cells[k]);
	free(t->cells);
	free(t->labels);
}

static void render_html(const struct report *r, struct strbuf *sb)
{
	enum report_lang lang = r->lang;

	strbuf_addf(sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		    lang == REPORT_EN ? "en" : "nl");
	svg_escape(sb, r->title);
	strbuf_addf(sb, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", css);
	svg_escape(sb, r->title);
	strbuf_adds(sb, "</h1>\n<dl class=\"meta\">\n");
	for (size_t i = 0; i < r->nmeta; i++) {
		strbuf_adds(sb, "<div><dt>");
		svg_escape(sb, r->meta[i].label);
		strbuf_adds(sb, "</dt><dd>");
		rv_html(sb, &r->meta[i].v, lang);
		strbuf_adds(sb, "</dd></div>\n");
	}
	strbuf_adds(sb, "</dl>\n</header>\n<main>\n");
	for (size_t i = 0; i < r->nsections; i++) {
		const struct rep_section *s = r->sections[i];
		strbuf_adds(sb, "<section id=\"");
		svg_escape(sb, s->key);
		strbuf_adds(sb, "\">\n<h2>");
		svg_escape(sb, s->title);
		strbuf_adds(sb, "</h2>\n");
		if (s->empty) {
			strbuf_adds(sb, "<p class=\"empty\">");
			svg_escape(sb, s->empty);
			strbuf_adds(sb, "</p>\n");
		}
		if (s->nfigs) {
			strbuf_adds(sb, "<dl class=\"figures\">\n");
			for (size_t j = 0; j < s->nfigs; j++) {
				strbuf_adds(sb, "<div><dt>");
				svg_escape(sb, s->figs[j].label);
				strbuf_adds(sb, "</dt><dd>");
				rv_html(sb, &s->figs[j].v, lang);
				strbuf_adds(sb, "</dd></div>\n");
			}
			strbuf_adds(sb, "</dl>\n");
		}
		for (size_t j = 0; j < s->ncharts; j++) {
			const struct rep_chart *c = s->charts[j];
			char id[128];
			struct rep_table t;
			snprintf(id, sizeof(id), "%s-%s", s->key, c->key);
			strbuf_adds(sb, "<figure>\n<figcaption>");
			svg_escape(sb, c->title);
			strbuf_adds(sb, "</figcaption>\n");
			chart_svg(sb, c, lang, id);
			chart_table(c, lang, &t);
			html_table(sb, &t, lang);
			chart_table_free(&t);
			strbuf_adds(sb, "</figure>\n");
		}
		for (size_t j = 0; j < s->ntables; j++)
			html_table(sb, s->tables[j], lang);
		strbuf_adds(sb, "</section>\n");
	}
	strbuf_adds(sb, "</main>\n<footer>beter</footer>\n</body>\n</html>\n");
}

/* ---- Markdown ---------------------------------------------------------- */

static void md_table(struct strbuf *sb, const struct rep_table *t, enum report_lang lang)
{
	strbuf_adds(sb, "### ");
	md_escape(sb, t->title);
	if (!t->nrows) {
		strbuf_addf(sb, "\n\n_%s_\n\n", S(lang, S_NONE));
		return;
	}
	strbuf_adds(sb, "\n\n|");
	for (size_t c = 0; c < t->ncols; c++) {
		strbuf_adds(sb, " ");
		md_escape(sb, t->labels[c]);
		strbuf_adds(sb, " |");
	}
	strbuf_adds(sb, "\n|");
	for (size_t c = 0; c < t->ncols; c++) {
		int num = t->nrows && numeric(&t->cells[c]);
		strbuf_adds(sb, num ? " ---: |" : " --- |");
	}
	strbuf_adds(sb, "\n");
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_adds(sb, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			strbuf_adds(sb, " ");
			rv_md(sb, &t->cells[r * t->ncols + c], lang);
			strbuf_adds(sb, " |");
		}
		strbuf_adds(sb, "\n");
	}
	strbuf_adds(sb, "\n");
}

static void render_md(const struct report *r, struct strbuf *sb)
{
	enum report_lang lang = r->lang;

	/* every block ends with a blank line */
	strbuf_adds(sb, "# ");
	md_escape(sb, r->title);
	strbuf_adds(sb, "\n\n");
	for (size_t i = 0; i < r->nmeta; i++) {
		strbuf_adds(sb, "- **");
		md_escape(sb, r->meta[i].label);
		strbuf_adds(sb, ":** ");
		rv_md(sb, &r->meta[i].v, lang);
		strbuf_adds(sb, "\n");
	}
	strbuf_adds(sb, "\n");
	for (size_t i = 0; i < r->nsections; i++) {
		const struct rep_section *s = r->sections[i];
		strbuf_adds(sb, "## ");
		md_escape(sb, s->title);
		strbuf_adds(sb, "\n\n");
		if (s->empty) {
			strbuf_adds(sb, "_");
			md_escape(sb, s->empty);
			strbuf_adds(sb, "_\n\n");
		}
		for (size_t j = 0; j < s->nfigs; j++) {
			strbuf_adds(sb, "- **");
			md_escape(sb, s->figs[j].label);
			strbuf_adds(sb, ":** ");
			rv_md(sb, &s->figs[j].v, lang);
			strbuf_adds(sb, "\n");
		}
		if (s->nfigs)
			strbuf_adds(sb, "\n");
		for (size_t j = 0; j < s->ncharts; j++) {
			struct rep_table t;
			chart_table(s->charts[j], lang, &t);
			t.title = s->charts[j]->title;
			md_table(sb, &t, lang);
			chart_table_free(&t);
			md_escape(sb, s->charts[j]->desc);
			strbuf_adds(sb, "\n\n");
		}
		for (size_t j = 0; j < s->ntables; j++)
			md_table(sb, s->tables[j], lang);
	}
	/* one newline at the end */
	while (sb->len >= 2 && sb->buf[sb->len - 1] == '\n' && sb->buf[sb->len - 2] == '\n')
		sb->buf[--sb->len] = '\0';
}

/* ---- JSON -------------------------------------------------------------- */

static void json_values(struct strbuf *sb, const double *v, size_t n)
{
	strbuf_adds(sb, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		json_num(sb, v[i]);
	}
	strbuf_adds(sb, "]");
}

static void json_strv(struct strbuf *sb, char *const *v, size_t n)
{
	strbuf_adds(sb, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		json_str(sb, v[i]);
	}
	strbuf_adds(sb, "]");
}

static void render_json(const struct report *r, struct strbuf *sb)
{
	strbuf_adds(sb, "{\n  \"title\": ");
	json_str(sb, r->title);
	strbuf_addf(sb, ",\n  \"lang\": \"%s\"", r->lang == REPORT_EN ? "en" : "nl");
	for (size_t i = 0; i < r->nmeta; i++) {
		strbuf_adds(sb, ",\n  ");
		json_str(sb, r->meta[i].key);
		strbuf_adds(sb, ": ");
		rv_json(sb, &r->meta[i].v);
	}
	strbuf_adds(sb, ",\n  \"sections\": [");
	for (size_t i = 0; i < r->nsections; i++) {
		const struct rep_section *s = r->sections[i];
		strbuf_adds(sb, i ? ",\n    {" : "\n    {");
		strbuf_adds(sb, "\n      \"key\": ");
		json_str(sb, s->key);
		strbuf_adds(sb, ",\n      \"title\": ");
		json_str(sb, s->title);
		strbuf_addf(sb, ",\n      \"has_data\": %s", s->empty ? "false" : "true");
		strbuf_adds(sb, ",\n      \"figures\": {");
		for (size_t j = 0; j < s->nfigs; j++) {
			strbuf_adds(sb, j ? ", " : "");
			json_str(sb, s->figs[j].key);
			strbuf_adds(sb, ": ");
			rv_json(sb, &s->figs[j].v);
		}
		strbuf_adds(sb, "},\n      \"charts\": [");
		for (size_t j = 0; j < s->ncharts; j++) {
			const struct rep_chart *c = s->charts[j];
			strbuf_adds(sb, j ? ",\n        {" : "\n        {");
			strbuf_addf(sb, "\"key\": ");
			json_str(sb, c->key);
			strbuf_addf(sb, ", \"kind\": \"%s\", \"title\": ", c->kind == REP_CHART_LINE ? "line" : "bars");
			json_str(sb, c->title);
			strbuf_adds(sb, ", \"labels\": ");
			json_strv(sb, c->labels, c->n);
			if (c->kind == REP_CHART_BARS) {
				strbuf_adds(sb, ", \"groups\": ");
				json_strv(sb, c->groups, c->ngroups);
			}
			strbuf_adds(sb, ", \"values\": ");
			json_values(sb, c->values, c->n * (c->kind == REP_CHART_LINE ? 1 : c->ngroups));
			if (c->kind == REP_CHART_LINE) {
				strbuf_adds(sb, ", \"norm\": ");
				json_num(sb, c->norm);
				strbuf_adds(sb, ", \"baseline\": ");
				json_num(sb, c->baseline);
			}
			strbuf_adds(sb, "}");
		}
		strbuf_adds(sb, s->ncharts ? "\n      ]" : "]");
		strbuf_adds(sb, ",\n      \"tables\": [");
		for (size_t j = 0; j < s->ntables; j++) {
			const struct rep_table *t = s->tables[j];
			strbuf_adds(sb, j ? ",\n        {" : "\n        {");
			strbuf_adds(sb, "\"key\": ");
			json_str(sb, t->key);
			strbuf_adds(sb, ", \"title\": ");
			json_str(sb, t->title);
			strbuf_adds(sb, ", \"rows\": [");
			for (size_t row = 0; row < t->nrows; row++) {
				strbuf_adds(sb, row ? ",\n          {" : "\n          {");
				for (size_t c = 0; c < t->ncols; c++) {
					strbuf_adds(sb, c ? ", " : "");
					json_str(sb, t->keys[c]);
					strbuf_adds(sb, ": ");
					rv_json(sb, &t->cells[row * t->ncols + c]);
				}
				strbuf_adds(sb, "}");
			}
			strbuf_adds(sb, t->nrows ? "\n        ]}" : "]}");
		}
		strbuf_adds(sb, s->ntables ? "\n      ]" : "]");
		strbuf_adds(sb, "\n    }");
	}
	strbuf_adds(sb, "\n  ]\n}\n");
}

void report_render(const struct report *r, enum report_format f, struct strbuf *sb)
{
	switch (f) {
	case REPORT_HTML: render_html(r, sb); break;
	case REPORT_MD: render_md(r, sb); break;
	case REPORT_JSON: render_json(r, sb); break;
	}
	strbuf_adds(sb, "");
}

/* ---- sections -------------------------------------------------------- */

struct bctx {
	sqlite3 *db;
	const struct report_opts *ro;
	struct report *r;
	struct beter_err *err;
	char from[11], to[11], today[11];
	int today_days;
};

#define L(id) S(b->ro->lang, id)

static int col_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

static struct rv col_text(sqlite3_stmt *st, int i)
{
	return col_null(st, i) ? rv_null() : rv_text((const char *)sqlite3_column_text(st, i));
}

/* The scope's trajectories that are running or were in the period. */
#define TRAJ_SCOPE                                                                                    \
	" t.school_id = ?1 AND (?2 = 0 OR t.team_id = ?2) AND t.started <= ?4 AND "                   \
	"(t.ended IS NULL OR t.ended >= ?3) "

static void bind_scope(struct bctx *b, sqlite3_stmt *st)
{
	sqlite3_bind_int64(st, 1, b->ro->school);
	sqlite3_bind_int64(st, 2, b->ro->team);
	store_bind_text(st, 3, b->from);
	store_bind_text(st, 4, b->to);
}

/* Phase and conditions: the trajectories, the checklist of each current
 * phase, the phases closed in the period with their retrospectives, and the
 * three conditions. */
static int section_phase(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "phase", L(S_SEC_PHASE));
	struct phase_conditions pc;
	sqlite3_stmt *st;
	int rc, active = 0;

	if ((rc = phase_conditions(b->db, b->ro->school, b->ro->team, b->ro->from, b->ro->to, &pc, b->err)))
		return rc;
	if ((rc = store_prepare(b->db, "SELECT count(*) FROM trajectory t WHERE t.status = 'active' AND" TRAJ_SCOPE, &st,
				b->err)))
		return rc;
	bind_scope(b, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		active = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	rep_figure_add(s, "active_trajectories", L(S_ACTIVE_TRAJ), rv_int(active));
	rep_figure_add(s, "retrospective", L(S_RETRO_SHARE), rv_share(pc.retrospective));
	rep_figure_add(s, "phases_closed", L(S_PHASES_CLOSED), rv_int(pc.closed));
	rep_figure_add(s, "ambition", L(S_AMBITION),
		       pc.ambition < 0 ? rv_unknown(L(S_UNKNOWN)) : rv_text(pc.ambition ? L(S_YES) : L(S_NO)));
	rep_figure_add(s, "rhythm", L(S_RHYTHM), isnan(pc.rhythm) ? rv_unknown(L(S_UNKNOWN)) : rv_share(pc.rhythm));

	/* trajectories */
	{
		static const char *const keys[] = { "team", "model", "phase", "step", "phase_started", "days_in_phase",
						    "checklist" };
		const char *labels[] = { L(S_TEAM), L(S_MODEL), L(S_PHASE), L(S_STEP), L(S_PHASE_STARTED),
					 L(S_DAYS_IN_PHASE), L(S_CHECKLIST) };
		struct rep_table *t = rep_table_add(s, "trajectories", L(S_TRAJECTORIES), 7, keys, labels);
		if ((rc = store_prepare(b->db,
					"SELECT tm.name, t.model_name, p.name, p.ord || '/' || "
					"(SELECT count(*) FROM trajectory_phase q WHERE q.trajectory_id = t.id), p.started, "
					"CAST(julianday(?5) - julianday(p.started) AS INTEGER), "
					"(SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id AND i.done IS NOT "
					"NULL) || '/' || (SELECT count(*) FROM trajectory_item i WHERE i.phase_id = p.id) "
					"FROM trajectory t LEFT JOIN trajectory_phase p ON p.trajectory_id = t.id AND "
					"p.status = 'active' LEFT JOIN team tm ON tm.id = t.team_id WHERE" TRAJ_SCOPE
					"ORDER BY t.team_id IS NOT NULL, tm.name, t.id", &st, b->err)))
			return rc;
		bind_scope(b, st);
		store_bind_text(st, 5, b->today);
		while (sqlite3_step(st) == SQLITE_ROW) {
			rep_cell(t, col_null(st, 0) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 0));
			rep_cell(t, col_text(st, 1));
			rep_cell(t, col_text(st, 2));
			rep_cell(t, col_text(st, 3));
			rep_cell(t, col_text(st, 4));
			rep_cell(t, col_null(st, 5) ? rv_null() : rv_int(sqlite3_column_int64(st, 5)));
			rep_cell(t, col_text(st, 6));
		}
		sqlite3_finalize(st);
		if (!t->nrows)
			rep_section_empty(s, L(S_NO_TRAJECTORY));
	}

	/* the checklists of the current phases */
	{
		static const char *const keys[] = { "team", "phase", "item", "activity", "done" };
		const char *labels[] = { L(S_TEAM), L(S_PHASE), "id", L(S_ACTIVITY), L(S_DONE_ON) };
		struct rep_table *t = rep_table_add(s, "checklist", L(S_CHECKLIST_TITLE), 5, keys, labels);
		if ((rc = store_prepare(b->db,
					"SELECT tm.name, p.name, i.key, i.text, i.done FROM trajectory t "
					"JOIN trajectory_phase p ON p.trajectory_id = t.id AND p.status = 'active' "
					"JOIN trajectory_item i ON i.phase_id = p.id LEFT JOIN team tm ON tm.id = t.team_id "
					"WHERE" TRAJ_SCOPE "ORDER BY t.team_id IS NOT NULL, tm.name, t.id, i.ord", &st, b->err)))
			return rc;
		bind_scope(b, st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			rep_cell(t, col_null(st, 0) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 0));
			for (int i = 1; i < 5; i++)
				rep_cell(t, col_text(st, i));
		}
		sqlite3_finalize(st);
	}

	/* closed phases and their retrospectives */
	{
		static const char *const keys[] = { "team", "phase", "closed", "went_well", "improve", "no_retro_reason" };
		const char *labels[] = { L(S_TEAM), L(S_PHASE), L(S_CLOSED), L(S_WENT_WELL), L(S_IMPROVE), L(S_NO_RETRO) };
		struct rep_table *t = rep_table_add(s, "retrospectives", L(S_CLOSED_TITLE), 6, keys, labels);
		if ((rc = store_prepare(b->db,
					"SELECT tm.name, p.name, p.closed, p.went_well, p.improve, p.no_retro_reason "
					"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
					"LEFT JOIN team tm ON tm.id = t.team_id WHERE" TRAJ_SCOPE
					"AND p.status = 'closed' AND p.closed BETWEEN ?3 AND ?4 "
					"ORDER BY p.closed, t.id, p.ord", &st, b->err)))
			return rc;
		bind_scope(b, st);
		while (sqlite3_step(st) == SQLITE_ROW) {
			rep_cell(t, col_null(st, 0) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 0));
			rep_cell(t, col_text(st, 1));
			rep_cell(t, col_text(st, 2));
			for (int i = 3; i < 6; i++)
				rep_cell(t, col_text(st, i));
		}
		sqlite3_finalize(st);
	}

	/* the conditions per team (a school report: every team and the school) */
	{
		static const char *const keys[] = { "team", "ambition", "rhythm", "retrospective", "phases_closed" };
		const char *labels[] = { L(S_TEAM), L(S_AMBITION), L(S_RHYTHM), L(S_RETRO_SHARE), L(S_PHASES_CLOSED) };
		struct rep_table *t = rep_table_add(s, "conditions", L(S_CONDITIONS_TITLE), 5, keys, labels);
		if ((rc = store_prepare(b->db, "SELECT id, name FROM team WHERE school_id = ?1 AND (?2 = 0 OR id = ?2) "
					       "ORDER BY name, id", &st, b->err)))
			return rc;
		sqlite3_bind_int64(st, 1, b->ro->school);
		sqlite3_bind_int64(st, 2, b->ro->team);
		for (int more = 1; more;) {
			struct phase_conditions tc;
			int64_t team = PHASE_SCHOOL;
			const char *name = L(S_WHOLE_SCHOOL);
			if (sqlite3_step(st) == SQLITE_ROW) {
				team = sqlite3_column_int64(st, 0);
				name = (const char *)sqlite3_column_text(st, 1);
			} else {
				more = 0;
				if (b->ro->team)
					break;
			}
			if ((rc = phase_conditions(b->db, b->ro->school, team, b->ro->from, b->ro->to, &tc, b->err))) {
				sqlite3_finalize(st);
				return rc;
			}
			rep_cell(t, team ? rv_text(name) : rv_unknown(name));
			rep_cell(t, tc.ambition < 0 ? rv_unknown(L(S_UNKNOWN)) : rv_text(tc.ambition ? L(S_YES) : L(S_NO)));
			rep_cell(t, isnan(tc.rhythm) ? rv_unknown(L(S_UNKNOWN)) : rv_share(tc.rhythm));
			rep_cell(t, rv_share(tc.retrospective));
			rep_cell(t, rv_int(tc.closed));
		}
		sqlite3_finalize(st);
	}
	return 0;
}

/* The sections below draw on the board, goals, visits, arena and surveys.
 * Each is one function, so that it can be filled once those tables are in
 * the store; until then each renders as a section without data. */

/* Goals against their norm and 0-meting: a line chart per goal (P0..Pn). */
static int section_goals(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "goals", L(S_SEC_GOALS));
	rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Actions in class and team actions: open, overdue and done. */
static int section_actions(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "actions", L(S_SEC_ACTIONS));
	rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Successes on the board and the 'zo werken wij' standards. */
static int section_successes(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "successes", L(S_SEC_SUCCESSES));
	rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Lesson visits: coverage per round and feedback talks due. */
static int section_visits(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "visits", L(S_SEC_VISITS));
	rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Pupil arenas: their outcomes on the board. */
static int section_arena(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "arena", L(S_SEC_ARENA));
	rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Survey scales, wave against wave (a bar chart), with the suppression of
 * small groups applied. */
static int section_surveys(struct bctx *b)
{
	struct rep_section *s = rep_section_add(b->r, "surveys", L(S_SEC_SURVEYS));
	rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

static void format_stamp(int64_t now, char *buf, size_t size)
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm);
}

int report_build(sqlite3 *db, const struct report_opts *ro, struct report *r, struct beter_err *err)
{
	struct bctx bc = { db, ro, r, err, "", "", "", 0 };
	struct bctx *b = &bc;
	sqlite3_stmt *st;
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
				&st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, ro->school);
	sqlite3_bind_int64(st, 2, ro->team);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return beter_err_set(err, BETER_FAIL, "no school with number %lld", (long long)ro->school);
	}
	meta_add(r, "school", L(S_SCHOOL), col_text(st, 0));
	meta_add(r, "team", L(S_SCOPE), ro->team ? col_text(st, 1) : rv_unknown(L(S_WHOLE_SCHOOL)));
	sqlite3_finalize(st);
	meta_add(r, "from", L(S_FROM), rv_text(bc.from));
	meta_add(r, "to", L(S_TO), rv_text(bc.to));
	format_stamp(ro->now, stamp, sizeof(stamp));
	meta_add(r, "generated", L(S_GENERATED), rv_text(stamp));

	if ((rc = section_phase(b)) || (rc = section_goals(b)) || (rc = section_actions(b)) ||
	    (rc = section_successes(b)) || (rc = section_visits(b)) || (rc = section_arena(b)) ||
	    (rc = section_surveys(b))) {
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
			     "--now: '%s' is not a time (use YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS]Z or @SECONDS)", s ? s : "");
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

int report_write_file(const char *path, const char *data, size_t len, struct beter_err *err)
{
	char *copy = xstrdup(path), *base = xstrdup(path);
	const char *dir = dirname(copy);
	struct strbuf tmp = STRBUF_INIT;
	mode_t mask = umask(0);
	int fd, rc = 0;

	umask(mask);
	strbuf_addf(&tmp, "%s/.%s.XXXXXX", dir, basename(base));
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		rc = beter_err_set(err, BETER_IOERR, "--out: cannot create a file in '%s': %s", dir, strerror(errno));
		goto out;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			rc = beter_err_set(err, BETER_IOERR, "--out: writing '%s': %s", path, strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (!rc && fchmod(fd, 0644 & ~mask) != 0)
		rc = beter_err_set(err, BETER_IOERR, "--out: '%s': %s", path, strerror(errno));
	if (!rc && fsync(fd) != 0)
		rc = beter_err_set(err, BETER_IOERR, "--out: writing '%s': %s", path, strerror(errno));
	if (close(fd) != 0 && !rc)
		rc = beter_err_set(err, BETER_IOERR, "--out: writing '%s': %s", path, strerror(errno));
	if (!rc && rename(tmp.buf, path) != 0)
		rc = beter_err_set(err, BETER_IOERR, "--out: cannot replace '%s': %s", path, strerror(errno));
	if (rc) {
		unlink(tmp.buf);
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
out:
	strbuf_release(&tmp);
	free(copy);
	free(base);
	return rc;
}
