/* report_period.h - what the parts of the report's period section share
 * (lib/report_period*.c). */
#ifndef BETER_REPORT_PERIOD_H
#define BETER_REPORT_PERIOD_H

#include "report_int.h"

/* The section's words (English msgids; translated where they are used). */
enum pword {
	PW_TITLE, PW_THEME, PW_FROM, PW_TO, PW_TIV, PW_NO_TIV, PW_STATUS, PW_RUNNING, PW_PLANNED, PW_CLOSED, PW_GOALS, PW_AT_NORM,
	PW_DESIGNS, PW_VISITS, PW_COVERAGE, PW_RETROS, PW_STANDARDS,
	PW_WALL, PW_INDICATOR, PW_MEASURE, PW_GROUP, PW_VALUE, PW_UNIT, PW_NORM, PW_PREVIOUS, PW_N, PW_SOURCE, PW_DATE,
	PW_NOTES, PW_TEXT,
	PW_GOALS_TABLE, PW_TEAM, PW_GOAL, PW_BASELINE, PW_LATEST, PW_LATEST_ON, PW_VS_NORM,
	PW_ARENAS, PW_ARENA, PW_PUPIL_GROUP, PW_OUTCOME,
	PW_DESIGNS_TABLE, PW_DESIGN, PW_SUBJECT, PW_CLASS, PW_STEPS, PW_VISITED_IN,
	PW_PERIOD, PW_FEEDBACK,
	PW_RETRO_TABLE, PW_WENT_WELL, PW_IMPROVE, PW_REACHED, PW_AMBITION, PW_YES, PW_PARTLY, PW_NO,
	PW_STD_TABLE, PW_STANDARD,
	PW_CONNECT_TABLE, PW_SUCCESSES, PW_STORY, PW_NEXT, PW_NEXT_THEME,
	PW_CHART_DESC, PW_CHART_DESC_NORM, PW_LEVELS, PW_LEVELS_DESC, PW_HIDDEN, PW_RULE,
	PW_COUNT
};
/* A word of the period sections in the report's language (English for JSON):
 * PW inside a part that has its struct pctx *p; pw() in the html renderer,
 * which writes in the interface's language. */
const char *pw_in(enum report_lang lang, enum pword id);
const char *pw(enum pword id);
#define PW(id) pw_in(p->b->ro->lang, id)

/* One period of the report. */
struct pctx {
	struct bctx *b;
	struct rep_section *s;
	int64_t id, next;
	char *theme, *tiv, *successes, *story, *next_theme;
	char from[11], to[11], end[11], closed[11]; /* end: the period's or the report's last day */
	int64_t min_n;                              /* the school's minimum group size */
	int64_t goals, at_norm, designs, visits, retros, standards;
	struct visit_cov {
		int64_t teachers, visited, feedback;
	} cov;
};

/* ?1 the school, ?2 the team (0: every team), ?3 the period's first day,
 * ?4 its end, ?5 the period. */
void pctx_bind(struct pctx *p, struct store_stmt *st);

int period_part_wall(struct pctx *p);
int period_part_goals(struct pctx *p);
int period_part_arenas(struct pctx *p);
int period_part_designs(struct pctx *p);
int period_part_visits(struct pctx *p);
int period_part_close(struct pctx *p);

#endif
