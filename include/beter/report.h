/* report.h - progress reports for a team or the school over a period.
 *
 * A report is a model (sections with titles, key figures, tables and charts)
 * built from the store once and rendered three ways from that same model:
 * HTML (one self-contained file: inline CSS and SVG, no scripts, no external
 * resources), Markdown and JSON. Texts come from one string table, in the
 * report's lang (gettext: English msgids, Dutch in po/nl.po); lang also
 * gives the numbers (a decimal comma in Dutch), the html lang attribute and
 * JSON's "lang". The command sets it to the interface's language for html
 * and md, and to English for JSON, which is the same bytes in every
 * language. The same data and the same 'now' give the same bytes.
 */
#ifndef BETER_REPORT_H
#define BETER_REPORT_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/util.h"

struct store;
struct store_stmt;

enum report_format { REPORT_HTML, REPORT_MD, REPORT_JSON };
enum report_lang { REPORT_NL, REPORT_EN };

/* "html", "md" (or "markdown"), "json"; -1 if unknown. */
int report_format_parse(const char *s);
/* "nl", "en"; -1 if unknown. */
int report_lang_parse(const char *s);

/* A value in a figure or table cell. Every format shows the same figure:
 * reals rounded (half away from zero) to their decimals, shares to whole
 * percentages (JSON: 0-1 with two decimals). */
enum rv_type { RV_NULL, RV_TEXT, RV_INT, RV_REAL, RV_SHARE /* 0-1, shown as a percentage */,
	       RV_ENUM /* a code in JSON, its label for people */ };
struct rv {
	enum rv_type t;
	char *s;
	int64_t i;
	double d;
	int prec;         /* RV_REAL: decimals shown (0 means 1) */
};
struct rv rv_null(void);
struct rv rv_text(const char *s); /* NULL gives null; the text is copied */
struct rv rv_unknown(const char *label); /* null, shown to people as label */
struct rv rv_int(int64_t i);
struct rv rv_real(double d);      /* NaN gives null; one decimal */
struct rv rv_realp(double d, int prec); /* prec (0-3) decimals */
struct rv rv_share(double d);     /* NaN gives null */
struct rv rv_enum(const char *code, const char *label); /* JSON: code; people: label */

struct rep_figure {
	char *key, *label;
	struct rv v;
};

struct rep_table {
	char *key, *title;
	size_t ncols;
	char **keys, **labels;
	size_t nrows, ncells, acells;
	struct rv *cells; /* row-major */
};

enum rep_chart_kind { REP_CHART_LINE, REP_CHART_BARS };
struct rep_chart {
	enum rep_chart_kind kind;
	char *key, *title, *desc;
	size_t n;         /* x labels (line) or categories (bars) */
	char **labels;
	size_t ngroups;   /* bars: groups (waves); line: 1 */
	char **groups;
	double *values;   /* n * ngroups; NaN missing or suppressed */
	double ymin, ymax;
	double norm, baseline; /* line: NaN when none */
	int prec;         /* decimals of the values (default 1) */
};

struct rep_section {
	char *key, *title;
	char *empty;      /* set when the section has no data yet */
	char *note;       /* how the figures are counted (may be NULL) */
	struct rep_figure *figs;
	size_t nfigs, afigs;
	struct rep_table **tables;
	size_t ntables, atables;
	struct rep_chart **charts;
	size_t ncharts, acharts;
};

struct report {
	enum report_lang lang;
	char *title;
	struct rep_figure meta[6];
	size_t nmeta;
	struct rep_section **sections;
	size_t nsections, asections;
};

/* The building blocks, for the sections. */
struct rep_section *rep_section_add(struct report *r, const char *key, const char *title);
void rep_section_empty(struct rep_section *s, const char *note);
void rep_section_note(struct rep_section *s, const char *note);
void rep_figure_add(struct rep_section *s, const char *key, const char *label, struct rv v);
struct rep_table *rep_table_add(struct rep_section *s, const char *key, const char *title, size_t ncols,
				const char *const *keys, const char *const *labels);
void rep_cell(struct rep_table *t, struct rv v); /* rows fill left to right */
struct rep_chart *rep_chart_add(struct rep_section *s, enum rep_chart_kind kind, const char *key, const char *title,
				const char *desc, size_t n, const char *const *labels, size_t ngroups,
				const char *const *groups, const double *values, double ymin, double ymax);

void report_release(struct report *r);

/* Render the model. */
void report_render(const struct report *r, enum report_format f, struct strbuf *sb);

/* What a report covers. */
struct report_opts {
	int64_t school;
	int64_t team;           /* a team (> 0) or the whole school (0) */
	int from, to;           /* inclusive days */
	int64_t period;         /* only this period's section (0: every period in from..to) */
	enum report_lang lang;  /* the interface's (report_lang_parse(i18n_lang())); REPORT_EN for JSON */
	int64_t now;            /* seconds since 1970: the report's time stamp and 'today' */
};

/* The days of period id of the school (for --period): BETER_FAIL when there
 * is none, BETER_DATAERR when it is a candidate without dates. */
int report_period_days(struct store *db, int64_t school, int64_t id, int *from, int *to, struct beter_err *err);

/* Build the report from the store. */
int report_build(struct store *db, const struct report_opts *ro, struct report *r, struct beter_err *err);

/* A report's time stamp: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC) or
 * "@SECONDS". */
int report_now_parse(const char *s, int64_t *now, struct beter_err *err);
/* The time stamp when none is given: $SOURCE_DATE_EPOCH, else midnight of
 * $BETER_TODAY, else the clock. */
int64_t report_now_default(void);

/* Write data to path atomically: a temporary file in the same directory,
 * fsync, rename over path, fsync the directory. The file gets mode 0644
 * (less the umask). */
int report_write_file(const char *path, const char *data, size_t len, struct beter_err *err);

#endif
