#include "svg_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/i18n.h"

/* Chart geometry (SVG user units; the charts scale with the page). */
#define W 480.0
#define H 240.0
#define LEFT 40.0
#define RIGHT 16.0
#define TOP 16.0
#define BOTTOM 40.0

static const char *const palette[] = { "#9aa5b1", "#1f6f8b", "#e07a1f", "#4c9a2a", "#8e44ad", "#c0392b" };
#define NPALETTE (sizeof(palette) / sizeof(*palette))

void svg_escape(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': strbuf_adds(sb, "&amp;"); break;
		case '<': strbuf_adds(sb, "&lt;"); break;
		case '>': strbuf_adds(sb, "&gt;"); break;
		case '"': strbuf_adds(sb, "&quot;"); break;
		case '\'': strbuf_adds(sb, "&#39;"); break;
		default: strbuf_addc(sb, *s);
		}
	}
}

/* A number as SVG wants it: one decimal, no "-0.0". */
static void num(struct strbuf *sb, double v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "%.1f", v);
	if (!strcmp(buf, "-0.0"))
		strcpy(buf, "0.0");
	strbuf_adds(sb, buf);
}

/* The decimal separator of value labels in the chart being drawn (a chart
 * sets it from its struct; ',' for Dutch). */
static char label_decimal = '.';

/* A value label: whole numbers without decimals, else one or two. */
static void label_num(struct strbuf *sb, double v)
{
	char buf[32];
	if (v == floor(v) && fabs(v) < 1e9)
		snprintf(buf, sizeof(buf), "%.0f", v);
	else if (fabs(v * 10 - round(v * 10)) < 1e-9)
		snprintf(buf, sizeof(buf), "%.1f", v);
	else
		snprintf(buf, sizeof(buf), "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = label_decimal;
	strbuf_adds(sb, buf);
}

static void open_svg(struct strbuf *sb, const char *id, const char *title, const char *desc)
{
	strbuf_adds(sb, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 480 240\" role=\"img\" "
			"aria-labelledby=\"");
	svg_escape(sb, id);
	strbuf_adds(sb, "-t ");
	svg_escape(sb, id);
	strbuf_adds(sb, "-d\"><title id=\"");
	svg_escape(sb, id);
	strbuf_adds(sb, "-t\">");
	svg_escape(sb, title);
	strbuf_adds(sb, "</title><desc id=\"");
	svg_escape(sb, id);
	strbuf_adds(sb, "-d\">");
	svg_escape(sb, desc);
	strbuf_adds(sb, "</desc>\n");
}

static double ypos(double v, double ymin, double ymax)
{
	if (ymax <= ymin)
		return H - BOTTOM;
	if (v < ymin)
		v = ymin;
	if (v > ymax)
		v = ymax;
	return TOP + (ymax - v) / (ymax - ymin) * (H - TOP - BOTTOM);
}

/* Horizontal grid lines with labels at whole steps of the scale. */
static void y_axis(struct strbuf *sb, double ymin, double ymax)
{
	double span = ymax - ymin, step = span > 20 ? ceil(span / 10) : (span > 10 ? 2 : 1);

	for (double v = ymin; v <= ymax + 1e-9; v += step) {
		double y = ypos(v, ymin, ymax);
		strbuf_adds(sb, "<line class=\"grid\" x1=\"");
		num(sb, LEFT);
		strbuf_adds(sb, "\" x2=\"");
		num(sb, W - RIGHT);
		strbuf_adds(sb, "\" y1=\"");
		num(sb, y);
		strbuf_adds(sb, "\" y2=\"");
		num(sb, y);
		strbuf_adds(sb, "\" stroke=\"#dde2e6\" stroke-width=\"1\"/><text x=\"");
		num(sb, LEFT - 6);
		strbuf_adds(sb, "\" y=\"");
		num(sb, y + 4);
		strbuf_adds(sb, "\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">");
		label_num(sb, v);
		strbuf_adds(sb, "</text>\n");
	}
}

static void hline(struct strbuf *sb, double y, const char *color, const char *dash, const char *label, double value)
{
	strbuf_adds(sb, "<line x1=\"");
	num(sb, LEFT);
	strbuf_adds(sb, "\" x2=\"");
	num(sb, W - RIGHT);
	strbuf_adds(sb, "\" y1=\"");
	num(sb, y);
	strbuf_adds(sb, "\" y2=\"");
	num(sb, y);
	strbuf_addf(sb, "\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"%s\"/><text x=\"", color, dash);
	num(sb, W - RIGHT - 2);
	strbuf_adds(sb, "\" y=\"");
	num(sb, y - 4);
	strbuf_addf(sb, "\" text-anchor=\"end\" font-size=\"11\" fill=\"%s\">", color);
	svg_escape(sb, label);
	strbuf_adds(sb, " ");
	label_num(sb, value);
	strbuf_adds(sb, "</text>\n");
}

void svg_line_chart(struct strbuf *sb, const struct svg_line *c)
{
	label_decimal = c->decimal ? c->decimal : '.';
	double plot = W - LEFT - RIGHT;
	double dx = c->n > 1 ? plot / (double)(c->n - 1) : 0;
	int first = 1;

	open_svg(sb, c->id, c->title, c->desc);
	y_axis(sb, c->ymin, c->ymax);
	if (!isnan(c->baseline))
		hline(sb, ypos(c->baseline, c->ymin, c->ymax), "#7a7a7a", "2 3",
		      c->baseline_label ? c->baseline_label : "P0", c->baseline);
	if (!isnan(c->norm))
		hline(sb, ypos(c->norm, c->ymin, c->ymax), "#c0392b", "6 4", c->norm_label ? c->norm_label : _("norm"),
		      c->norm);
	/* the measurements: one path through the known points */
	for (size_t i = 0; i < c->n; i++) {
		if (isnan(c->values[i]))
			continue;
		if (first)
			strbuf_adds(sb, "<path fill=\"none\" stroke=\"#1f6f8b\" stroke-width=\"2.5\" d=\"");
		strbuf_adds(sb, first ? "M" : " L");
		num(sb, c->n > 1 ? LEFT + dx * (double)i : LEFT + plot / 2);
		strbuf_adds(sb, " ");
		num(sb, ypos(c->values[i], c->ymin, c->ymax));
		first = 0;
	}
	if (!first)
		strbuf_adds(sb, "\"/>\n");
	for (size_t i = 0; i < c->n; i++) {
		double x = c->n > 1 ? LEFT + dx * (double)i : LEFT + plot / 2;
		if (!isnan(c->values[i])) {
			double y = ypos(c->values[i], c->ymin, c->ymax);
			strbuf_adds(sb, "<circle cx=\"");
			num(sb, x);
			strbuf_adds(sb, "\" cy=\"");
			num(sb, y);
			strbuf_adds(sb, "\" r=\"4\" fill=\"#1f6f8b\"/><text x=\"");
			num(sb, x);
			strbuf_adds(sb, "\" y=\"");
			num(sb, y - 8);
			strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1f3b4d\">");
			label_num(sb, c->values[i]);
			strbuf_adds(sb, "</text>\n");
		}
		strbuf_adds(sb, "<text x=\"");
		num(sb, x);
		strbuf_adds(sb, "\" y=\"");
		num(sb, H - BOTTOM + 18);
		strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">");
		svg_escape(sb, c->labels[i]);
		strbuf_adds(sb, "</text>\n");
	}
	strbuf_adds(sb, "</svg>\n");
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* s escaped, cut to at most max characters with an ellipsis. */
static void short_label(struct strbuf *sb, const char *s, size_t max)
{
	struct strbuf t = STRBUF_INIT;
	size_t n = 0;

	if (max < 2)
		max = 2;
	if (utf8_chars(s) <= max) {
		svg_escape(sb, s);
		return;
	}
	for (const char *p = s; *p; p++) {
		if (((unsigned char)*p & 0xC0) != 0x80 && ++n > max - 1)
			break;
		strbuf_addc(&t, *p);
	}
	while (t.len && t.buf[t.len - 1] == ' ')
		t.buf[--t.len] = '\0';
	strbuf_adds(&t, "\xe2\x80\xa6"); /* ellipsis */
	svg_escape(sb, strbuf_str(&t));
	strbuf_release(&t);
}

void svg_bar_chart(struct strbuf *sb, const struct svg_bars *c)
{
	label_decimal = c->decimal ? c->decimal : '.';
	double plot = W - LEFT - RIGHT;
	double slot = c->ncats ? plot / (double)c->ncats : plot;
	double bw = c->ngroups ? (slot * 0.8) / (double)c->ngroups : 0;
	double base = ypos(c->ymin, c->ymin, c->ymax);

	int stagger = 0;
	for (size_t k = 0; k < c->ncats; k++)
		stagger |= (double)utf8_chars(c->cats[k]) * 5.8 > slot;

	open_svg(sb, c->id, c->title, c->desc);
	y_axis(sb, c->ymin, c->ymax);
	for (size_t k = 0; k < c->ncats; k++) {
		double x0 = LEFT + slot * (double)k + slot * 0.1;
		for (size_t g = 0; g < c->ngroups; g++) {
			double v = c->values[k * c->ngroups + g];
			double x = x0 + bw * (double)g;
			if (isnan(v)) {
				if (c->missing_label) {
					strbuf_adds(sb, "<text x=\"");
					num(sb, x + bw / 2);
					strbuf_adds(sb, "\" y=\"");
					num(sb, base - 4);
					strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"9\" fill=\"#777\">");
					svg_escape(sb, c->missing_label);
					strbuf_adds(sb, "</text>\n");
				}
				continue;
			}
			double y = ypos(v, c->ymin, c->ymax);
			strbuf_adds(sb, "<rect x=\"");
			num(sb, x + 1);
			strbuf_adds(sb, "\" y=\"");
			num(sb, y);
			strbuf_adds(sb, "\" width=\"");
			num(sb, bw > 2 ? bw - 2 : bw);
			strbuf_adds(sb, "\" height=\"");
			num(sb, base - y);
			strbuf_addf(sb, "\" fill=\"%s\"><title>", palette[g % NPALETTE]);
			svg_escape(sb, c->cats[k]);
			strbuf_adds(sb, ", ");
			svg_escape(sb, c->groups[g]);
			strbuf_adds(sb, ": ");
			label_num(sb, v);
			strbuf_adds(sb, "</title></rect>\n");
		}
		strbuf_adds(sb, "<text x=\"");
		num(sb, LEFT + slot * ((double)k + 0.5));
		strbuf_adds(sb, "\" y=\"");
		if (stagger) {
			/* labels that do not fit side by side: two rows, shortened */
			num(sb, H - BOTTOM + (k % 2 ? 24 : 12));
			strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"10\" fill=\"#444\">");
			short_label(sb, c->cats[k], (size_t)(2 * slot / 6.6));
		} else {
			num(sb, H - BOTTOM + 16);
			strbuf_adds(sb, "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">");
			svg_escape(sb, c->cats[k]);
		}
		strbuf_adds(sb, "</text>\n");
	}
	/* legend */
	for (size_t g = 0; g < c->ngroups; g++) {
		double x = LEFT + 110.0 * (double)g;
		strbuf_adds(sb, "<rect x=\"");
		num(sb, x);
		strbuf_adds(sb, "\" y=\"");
		num(sb, H - 14);
		strbuf_addf(sb, "\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"", palette[g % NPALETTE]);
		num(sb, x + 14);
		strbuf_adds(sb, "\" y=\"");
		num(sb, H - 5);
		strbuf_adds(sb, "\" font-size=\"11\" fill=\"#444\">");
		svg_escape(sb, c->groups[g]);
		strbuf_adds(sb, "</text>\n");
	}
	strbuf_adds(sb, "</svg>\n");
}

/* ---- the pieces other charts (svg_wall.c) draw with ------------------- */

void svg_num(struct strbuf *sb, double v)
{
	num(sb, v);
}

void svg_label_num(struct strbuf *sb, double v, char decimal)
{
	label_decimal = decimal ? decimal : '.';
	label_num(sb, v);
}

void svg_open(struct strbuf *sb, const char *id, const char *title, const char *desc)
{
	open_svg(sb, id, title, desc);
}

double svg_ypos(double v, double ymin, double ymax)
{
	return ypos(v, ymin, ymax);
}

void svg_y_axis(struct strbuf *sb, double ymin, double ymax, char decimal)
{
	label_decimal = decimal ? decimal : '.';
	y_axis(sb, ymin, ymax);
}

void svg_short_label(struct strbuf *sb, const char *s, size_t max)
{
	short_label(sb, s, max);
}

size_t svg_chars(const char *s)
{
	return utf8_chars(s);
}
