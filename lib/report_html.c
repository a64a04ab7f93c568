/* report_html.c - the report as one self-contained HTML file: inline CSS
 * and SVG, no scripts, no external resources. */
#include "report_int.h"

#include <string.h>

#include "beter/svg.h"

static void rv_html(struct strbuf *sb, const struct rv *v, enum report_lang lang)
{
	struct strbuf t = STRBUF_INIT;
	rv_human(&t, v, lang);
	svg_escape(sb, strbuf_str(&t));
	strbuf_release(&t);
}

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
	".empty{color:#5b6b76;font-style:italic}.note{color:#44535e;font-size:.85rem}"
	"figure{margin:.6rem 0 1rem}figcaption{font-weight:600;margin-bottom:.3rem}"
	"figure table{width:auto;min-width:16rem;font-size:.85rem}td.date{white-space:nowrap}"
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
			strbuf_adds(sb, rv_numeric(v) ? "<td class=\"num\">" : rv_is_date(v) ? "<td class=\"date\">" : "<td>");
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
				      c->ymin, c->ymax, c->norm, S(lang, S_NORM), c->baseline, S(lang, S_BASELINE),
				      lang == REPORT_NL ? ',' : '.' };
		svg_line_chart(sb, &l);
	} else {
		struct svg_bars b = { id, c->title, c->desc, c->n, (const char *const *)c->labels, c->ngroups,
				      (const char *const *)c->groups, c->values, c->ymin, c->ymax,
				      S(lang, S_SUPPRESSED), lang == REPORT_NL ? ',' : '.' };
		svg_bar_chart(sb, &b);
	}
}

void report_render_html(const struct report *r, struct strbuf *sb)
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
			rep_chart_table(c, lang, &t);
			html_table(sb, &t, lang);
			rep_chart_table_free(&t);
			strbuf_adds(sb, "</figure>\n");
		}
		for (size_t j = 0; j < s->ntables; j++) {
			report_period_html_charts(sb, s, s->tables[j], lang);
			html_table(sb, s->tables[j], lang);
		}
		if (s->note) {
			strbuf_adds(sb, "<p class=\"note\">");
			svg_escape(sb, s->note);
			strbuf_adds(sb, "</p>\n");
		}
		strbuf_adds(sb, "</section>\n");
	}
	strbuf_adds(sb, "</main>\n<footer>beter</footer>\n</body>\n</html>\n");
}
