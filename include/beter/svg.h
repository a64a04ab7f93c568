/* svg.h - small inline SVG charts for reports: no scripts, no external
 * resources, a <title> and <desc> for screen readers, and deterministic
 * output (fixed number formats), so the same data gives the same bytes. */
#ifndef BETER_SVG_H
#define BETER_SVG_H

#include <stddef.h>

#include "beter/util.h"

/* A goal's score over its measurements P0 (the 0-meting) .. Pn against the
 * norm. values[i] is NaN where a measurement is missing; norm and baseline
 * NaN leave their line out. */
struct svg_line {
	const char *id;       /* unique in the document: ids "ID-t", "ID-d" */
	const char *title;
	const char *desc;     /* a text alternative: what the chart shows */
	size_t n;
	const char *const *labels; /* n x-axis labels ("P0", "P1", ...) */
	const double *values;      /* n scores */
	double ymin, ymax;         /* the scale, e.g. 1 and 10 */
	double norm;               /* target line */
	const char *norm_label;    /* "norm" */
	double baseline;           /* the 0-meting line */
	const char *baseline_label;/* "0-meting" */
	char decimal;              /* decimal separator of value labels ('.' when 0) */
};

/* Survey scales, wave against wave: ncats groups of ngroups bars.
 * values[cat * ngroups + group]; NaN is a suppressed or missing value and
 * draws no bar but a marker. */
struct svg_bars {
	const char *id;
	const char *title;
	const char *desc;
	size_t ncats;
	const char *const *cats;    /* category labels (scales) */
	size_t ngroups;
	const char *const *groups;  /* group labels (waves), shown in a legend */
	const double *values;
	double ymin, ymax;
	const char *missing_label;  /* text by a missing bar, e.g. "n<5" (may be NULL) */
	char decimal;               /* decimal separator of value labels ('.' when 0) */
};

/* One indicator of a datamuur: per group (side by side) the value as a bar
 * beside the previous value (a grey bar), against the norm (a red dashed
 * line: one across the chart when every group has the same norm, else one
 * over each group). values[i] NaN: hidden (too few pupils) or missing,
 * drawn as missing_label; previous[i] and norms[i] NaN: none. */
struct svg_wall {
	const char *id;
	const char *title;
	const char *desc;
	size_t n;
	const char *const *groups;
	const double *values, *previous, *norms;
	double ymin, ymax;
	const char *value_label;    /* legend: "value" */
	const char *previous_label; /* legend: "previous" */
	const char *norm_label;     /* legend and line: "norm" */
	const char *missing_label;  /* by a hidden value: "too few" */
	char decimal;
};

void svg_wall_chart(struct strbuf *sb, const struct svg_wall *c);

/* One indicator of a datamuur given per level (I..V or A..E, each the share
 * of the group in %): a stacked bar per group, the highest level on top.
 * values[group * nlevels + level]; a group with a NaN (too few pupils) is
 * drawn as missing_label. */
struct svg_levels {
	const char *id;
	const char *title;
	const char *desc;
	size_t n;
	const char *const *groups;
	size_t nlevels;             /* at most 5 colours; more repeat them */
	const char *const *levels;  /* legend labels */
	const double *values;
	const char *missing_label;
	char decimal;
};

void svg_levels_chart(struct strbuf *sb, const struct svg_levels *c);

void svg_line_chart(struct strbuf *sb, const struct svg_line *c);
void svg_bar_chart(struct strbuf *sb, const struct svg_bars *c);

/* XML/HTML text escaping of s into sb (&, <, >, ", '). */
void svg_escape(struct strbuf *sb, const char *s);

#endif
