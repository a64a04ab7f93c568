/* svg_wall.c - one indicator of a datamuur as a chart: the groups side by
 * side, each value beside its previous value, against the norm. */
#include "svg_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define C_VALUE "#1f6f8b"
#define C_PREVIOUS "#b8c2cb"
#define C_NORM "#c0392b"
/* a white edge around a label, so that it reads over a line */
#define HALO " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\""

struct wall_geom {
	double slot, bw, base;
	int has_prev, one_norm;
	double norm; /* the one norm, when one_norm */
};

static void bar(struct strbuf *sb, const struct svg_wall *c, double x, double w, double v, int prev, size_t i,
		const struct wall_geom *g)
{
	double y = svg_ypos(v, c->ymin, c->ymax);
	const char *color = prev ? C_PREVIOUS : C_VALUE, *label = prev ? c->previous_label : c->value_label;

	strbuf_adds(sb, "<rect x=\"");
	svg_num(sb, x);
	strbuf_adds(sb, "\" y=\"");
	svg_num(sb, y);
	strbuf_adds(sb, "\" width=\"");
	svg_num(sb, w);
	strbuf_adds(sb, "\" height=\"");
	svg_num(sb, g->base - y);
	strbuf_addf(sb, "\" fill=\"%s\"><title>", color);
	svg_escape(sb, c->groups[i]);
	strbuf_adds(sb, ", ");
	svg_escape(sb, label);
	strbuf_adds(sb, ": ");
	svg_label_num(sb, v, c->decimal);
	strbuf_adds(sb, "</title></rect>\n<text x=\"");
	svg_num(sb, x + w / 2);
	strbuf_adds(sb, "\" y=\"");
	svg_num(sb, y - 4);
	strbuf_addf(sb, "\" text-anchor=\"middle\" font-size=\"%s\" fill=\"%s\"" HALO ">", prev ? "10" : "11",
		    prev ? "#5b6b76" : "#1f3b4d");
	svg_label_num(sb, v, c->decimal);
	strbuf_adds(sb, "</text>\n");
}

/* A dashed norm line from x1 to x2; with its value at the right end when
 * labelled (the norms of the groups differ). */
static void norm_line(struct strbuf *sb, const struct svg_wall *c, double x1, double x2, double v, int labelled)
{
	double y = svg_ypos(v, c->ymin, c->ymax);

	strbuf_adds(sb, "<line x1=\"");
	svg_num(sb, x1);
	strbuf_adds(sb, "\" x2=\"");
	svg_num(sb, x2);
	strbuf_adds(sb, "\" y1=\"");
	svg_num(sb, y);
	strbuf_adds(sb, "\" y2=\"");
	svg_num(sb, y);
	strbuf_adds(sb, "\" stroke=\"" C_NORM "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
	if (labelled) {
		strbuf_adds(sb, "<text x=\"");
		svg_num(sb, x2);
		strbuf_adds(sb, "\" y=\"");
		svg_num(sb, y - 4);
		strbuf_adds(sb, "\" text-anchor=\"end\" font-size=\"10\" fill=\"" C_NORM "\"" HALO ">");
		svg_label_num(sb, v, c->decimal);
		strbuf_adds(sb, "</text>");
	}
	strbuf_adds(sb, "\n");
}

/* A group's label under the chart (two rows, shortened, when they do not
 * fit side by side). */
static void x_label(struct strbuf *sb, double mid, size_t i, const char *label, double slot, int stagger)
{
	strbuf_adds(sb, "<text x=\"");
	svg_num(sb, mid);
	strbuf_adds(sb, "\" y=\"");
	if (stagger) {
		svg_num(sb, SVG_H - SVG_BOTTOM + (i % 2 ? 24 : 12));
		strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444\">");
		svg_short_label(sb, label, (size_t)(2 * slot / 6.6));
	} else {
		svg_num(sb, SVG_H - SVG_BOTTOM + 16);
		strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">");
		svg_escape(sb, label);
	}
	strbuf_adds(sb, "</text>\n");
}

static int must_stagger(const char *const *labels, size_t n, double slot)
{
	int stagger = 0;
	for (size_t i = 0; i < n; i++)
		stagger |= (double)svg_chars(labels[i]) * 5.8 > slot;
	return stagger;
}

static void group(struct strbuf *sb, const struct svg_wall *c, size_t i, const struct wall_geom *g, int stagger)
{
	double mid = SVG_LEFT + g->slot * ((double)i + 0.5);
	double xv = g->has_prev ? mid + 1 : mid - g->bw / 2;

	if (g->has_prev && !isnan(c->previous[i]) && !isnan(c->values[i]))
		bar(sb, c, mid - 1 - g->bw, g->bw, c->previous[i], 1, i, g);
	if (!isnan(c->values[i]))
		bar(sb, c, xv, g->bw, c->values[i], 0, i, g);
	else if (c->missing_label) {
		strbuf_adds(sb, "<text x=\"");
		svg_num(sb, mid);
		strbuf_adds(sb, "\" y=\"");
		svg_num(sb, g->base - 4);
		strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#777\">");
		svg_escape(sb, c->missing_label);
		strbuf_adds(sb, "</text>\n");
	}
	x_label(sb, mid, i, c->groups[i], g->slot, stagger);
}

static double legend_item(struct strbuf *sb, double x, const char *color, const char *label, int dashed)
{
	if (dashed) {
		strbuf_adds(sb, "<line x1=\"");
		svg_num(sb, x);
		strbuf_adds(sb, "\" x2=\"");
		svg_num(sb, x + 14);
		strbuf_addf(sb, "\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
			    SVG_H - 9, SVG_H - 9, color);
	} else {
		strbuf_adds(sb, "<rect x=\"");
		svg_num(sb, x);
		strbuf_addf(sb, "\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>", SVG_H - 14, color);
	}
	strbuf_adds(sb, "<text x=\"");
	svg_num(sb, x + (dashed ? 18 : 14));
	strbuf_addf(sb, "\" y=\"%.1f\" font-size=\"11\" fill=\"#444\">", SVG_H - 5);
	svg_escape(sb, label ? label : "");
	strbuf_adds(sb, "</text>\n");
	return x + (dashed ? 18 : 14) + 6.2 * (double)svg_chars(label) + 16;
}

void svg_wall_chart(struct strbuf *sb, const struct svg_wall *c)
{
	struct wall_geom g = { 0, 0, 0, 0, 0, NAN };
	double plot = SVG_W - SVG_LEFT - SVG_RIGHT, x;
	int any_norm = 0, stagger = 0;

	g.slot = c->n ? plot / (double)c->n : plot;
	g.base = svg_ypos(c->ymin, c->ymin, c->ymax);
	g.one_norm = 1;
	for (size_t i = 0; i < c->n; i++) {
		g.has_prev |= !isnan(c->previous[i]) && !isnan(c->values[i]);
		if (isnan(c->norms[i]))
			continue;
		if (any_norm && c->norms[i] != g.norm)
			g.one_norm = 0;
		g.norm = c->norms[i];
		any_norm = 1;
	}
	stagger = must_stagger(c->groups, c->n, g.slot);
	g.one_norm &= any_norm;
	g.bw = g.slot * (g.has_prev ? 0.32 : 0.45);
	if (g.bw > 44)
		g.bw = 44;

	svg_open(sb, c->id, c->title, c->desc);
	svg_y_axis(sb, c->ymin, c->ymax, c->decimal);
	/* the norm first: the bars and their labels go over it */
	if (g.one_norm)
		norm_line(sb, c, SVG_LEFT, SVG_W - SVG_RIGHT, g.norm, 0);
	for (size_t i = 0; i < c->n && !g.one_norm; i++) {
		double mid = SVG_LEFT + g.slot * ((double)i + 0.5);
		if (!isnan(c->norms[i]))
			norm_line(sb, c, mid - g.slot * 0.42, mid + g.slot * 0.42, c->norms[i], 1);
	}
	for (size_t i = 0; i < c->n; i++)
		group(sb, c, i, &g, stagger);
	x = legend_item(sb, SVG_LEFT, C_VALUE, c->value_label, 0);
	if (g.has_prev)
		x = legend_item(sb, x, C_PREVIOUS, c->previous_label, 0);
	if (any_norm) {
		struct strbuf l = STRBUF_INIT;
		strbuf_adds(&l, c->norm_label ? c->norm_label : "");
		if (g.one_norm) {
			strbuf_adds(&l, " ");
			svg_label_num(&l, g.norm, c->decimal);
		}
		legend_item(sb, x, C_NORM, strbuf_str(&l), 1);
		strbuf_release(&l);
	}
	strbuf_adds(sb, "</svg>\n");
}

/* Level colours: I (or A), the highest, green, to V (E) red. */
static const char *const level_colors[] = { "#2e7d32", "#8bc34a", "#f2c94c", "#f2994a", "#c0392b" };
#define NLEVEL_COLORS (sizeof(level_colors) / sizeof(*level_colors))

static void segment(struct strbuf *sb, const struct svg_levels *c, size_t i, size_t l, double x, double w,
		    double *top)
{
	double v = c->values[i * c->nlevels + l];
	double h = v / 100.0 * (SVG_H - SVG_TOP - SVG_BOTTOM), y = *top - h;

	strbuf_adds(sb, "<rect x=\"");
	svg_num(sb, x);
	strbuf_adds(sb, "\" y=\"");
	svg_num(sb, y);
	strbuf_adds(sb, "\" width=\"");
	svg_num(sb, w);
	strbuf_adds(sb, "\" height=\"");
	svg_num(sb, h);
	strbuf_addf(sb, "\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"0.5\"><title>", level_colors[l % NLEVEL_COLORS]);
	svg_escape(sb, c->groups[i]);
	strbuf_adds(sb, ", ");
	svg_escape(sb, c->levels[l]);
	strbuf_adds(sb, ": ");
	svg_label_num(sb, v, c->decimal);
	strbuf_adds(sb, "%</title></rect>\n");
	if (h >= 12) {
		strbuf_adds(sb, "<text x=\"");
		svg_num(sb, x + w / 2);
		strbuf_adds(sb, "\" y=\"");
		svg_num(sb, y + h / 2 + 4);
		strbuf_addf(sb, "\" text-anchor=\"middle\" font-size=\"10\" fill=\"%s\">",
			    l == 0 || l == NLEVEL_COLORS - 1 ? "#fff" : "#1d2a33");
		svg_label_num(sb, v, c->decimal);
		strbuf_adds(sb, "</text>\n");
	}
	*top = y;
}

void svg_levels_chart(struct strbuf *sb, const struct svg_levels *c)
{
	double plot = SVG_W - SVG_LEFT - SVG_RIGHT, slot = c->n ? plot / (double)c->n : plot;
	double w = slot * 0.5 > 56 ? 56 : slot * 0.5, base = svg_ypos(0, 0, 100), x = SVG_LEFT;
	int stagger = must_stagger(c->groups, c->n, slot);

	svg_open(sb, c->id, c->title, c->desc);
	svg_y_axis(sb, 0, 100, c->decimal);
	for (size_t i = 0; i < c->n; i++) {
		double mid = SVG_LEFT + slot * ((double)i + 0.5), top = base;
		int hidden = 0;
		for (size_t l = 0; l < c->nlevels; l++)
			hidden |= isnan(c->values[i * c->nlevels + l]);
		if (hidden && c->missing_label) {
			strbuf_adds(sb, "<text x=\"");
			svg_num(sb, mid);
			strbuf_adds(sb, "\" y=\"");
			svg_num(sb, base - 4);
			strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#777\">");
			svg_escape(sb, c->missing_label);
			strbuf_adds(sb, "</text>\n");
		}
		/* the lowest level at the bottom, the highest on top */
		for (size_t l = c->nlevels; !hidden && l-- > 0;)
			segment(sb, c, i, l, mid - w / 2, w, &top);
		x_label(sb, mid, i, c->groups[i], slot, stagger);
	}
	for (size_t l = 0; l < c->nlevels; l++)
		x = legend_item(sb, x, level_colors[l % NLEVEL_COLORS], c->levels[l], 0);
	strbuf_adds(sb, "</svg>\n");
}
