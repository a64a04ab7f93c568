/* report_int.h - what the parts of the report share: the string table,
 * the model's helpers, the renderers and the sections (lib/report_*.c). */
#ifndef BETER_REPORT_INT_H
#define BETER_REPORT_INT_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/report.h"
#include "beter/store.h"

/* ---- the string table (lib/report_strings.c) ---- */

enum str_id {
	S_TITLE, S_SCHOOL, S_SCOPE, S_WHOLE_SCHOOL, S_FROM, S_TO, S_GENERATED, S_NO_DATA, S_UNKNOWN, S_YES, S_NO,
	S_SEC_PHASE, S_SEC_GOALS, S_SEC_ACTIONS, S_SEC_SUCCESSES, S_SEC_VISITS, S_SEC_ARENA, S_SEC_SURVEYS,
	S_TRAJECTORIES, S_TEAM, S_MODEL, S_PHASE, S_STEP, S_PHASE_STARTED, S_DAYS_IN_PHASE, S_CHECKLIST,
	S_CHECKLIST_TITLE, S_ACTIVITY, S_DONE_ON, S_CLOSED_TITLE, S_CLOSED, S_RETROSPECTIVE, S_WENT_WELL, S_IMPROVE,
	S_NO_RETRO, S_CONDITIONS_TITLE, S_AMBITION, S_RHYTHM, S_RETRO_SHARE, S_PHASES_CLOSED, S_ACTIVE_TRAJ,
	S_NO_TRAJECTORY, S_CHART_DATA, S_VALUE, S_NORM, S_BASELINE, S_SUPPRESSED, S_NONE,
	S_SCHOOL_WEEKS, S_WEEKS_WITH_SESSION, S_TEAMS_AMBITION, S_TEAMS_WITH_AMBITION_N, S_TEACHER_TEAMS_N, S_RHYTHM_RULE,
	S_GOALS_ACTIVE, S_GOALS_ON_NORM, S_GOALS_ACHIEVED, S_GOALS_DROPPED, S_GOALS_TABLE, S_GOAL, S_TEXT, S_NORM_COL,
	S_BASELINE_COL, S_LATEST, S_RESULTS, S_STATUS, S_ST_ACTIVE, S_ST_ACHIEVED, S_ST_DROPPED, S_MEASURES_TABLE,
	S_POINT, S_DATE, S_SCORE, S_NO_RESULTS, S_LATEST_LC,
	S_ACT_OPEN, S_ACT_OVERDUE, S_ACT_DONE, S_ACT_TABLE, S_ACTION, S_KIND, S_KIND_CLASS, S_KIND_TEAM, S_WHAT, S_WHO,
	S_DUE, S_OPEN, S_OVERDUE,
	S_SUCC_COUNT, S_STD_COUNT, S_SUCC_TABLE, S_SUCCESS, S_STD_TABLE, S_STANDARD, S_ACHIEVED_ON,
	S_VIS_RECORDED, S_VIS_TEACHERS, S_VIS_VISITED, S_VIS_COVERAGE, S_VIS_FEEDBACK, S_VIS_DUE, S_VIS_MISSED,
	S_VIS_MISSED_SHORT, S_VIS_TEAM_TABLE,
	S_VIS_DUE_TABLE, S_VISIT, S_TEACHER, S_OBSERVER, S_DAYS_AGO, S_VIS_RULE,
	S_AR_HELD, S_AR_OUTCOMES, S_AR_TABLE, S_AR_TOP, S_ARENA, S_THEME, S_PUPIL_GROUP, S_OUTCOME, S_RANK, S_G_PUPILS,
	S_G_TEACHERS, S_G_MT,
	S_SV_INSTRUMENTS, S_SV_TABLE, S_CHECK_ITEM, S_INSTRUMENT, S_SCALE, S_WAVE1, S_MEAN1, S_WAVE2, S_MEAN2,
	S_CHANGE, S_COHEN, S_AGAINST, S_SV_DESC, S_SV_RULE, S_SV_SEALED,
	S_COUNT
};

/* A msgid with a context (msgctxt), where the report's word differs from the
 * same English elsewhere ("no" is "nee" here, "nr" there). */
#define NC_(ctx, s) ctx "\004" s

extern const char *const report_strings[S_COUNT];

/* A text of the report (a msgid, maybe with a context) in the report's
 * language: English is the msgid itself, Dutch comes through gettext (the
 * interface's language, i18n_init). The command sets lang to the interface's
 * language for html and md, and to English for json: JSON is the same bytes
 * in every language. Every text the report writes goes through here (S, L,
 * or RT for a section's own words), never through _() directly. */
static inline const char *rep_tr(enum report_lang lang, const char *key)
{
	const char *t = lang == REPORT_EN ? key : gettext(key), *c;
	return t == key && (c = strchr(key, '\004')) ? c + 1 : t;
}

/* The text of id in the report's language. */
static inline const char *S(enum report_lang lang, enum str_id id)
{
	return rep_tr(lang, report_strings[id]);
}

/* ---- the model's helpers (lib/report.c) ---- */

static inline int rv_prec(const struct rv *v)
{
	return v->prec < 0 ? 0 : v->prec ? v->prec : 1;
}

/* d rounded half away from zero to prec decimals: what every format shows. */
static inline double round_to(double d, int prec)
{
	double f = prec == 0 ? 1 : prec == 1 ? 10 : prec == 2 ? 100 : 1000;
	double r = round(d * f) / f;
	return r == 0 ? 0 : r; /* no -0 */
}

static inline void rv_free(struct rv *v)
{
	free(v->s);
	v->s = NULL;
}

/* A value for people: Dutch decimal commas, shares as percentages. */
void rv_human(struct strbuf *sb, const struct rv *v, enum report_lang lang);
/* A number (right-aligned), a date (kept on one line). */
int rv_numeric(const struct rv *v);
int rv_is_date(const struct rv *v);
/* A chart's data as a table (for people who do not see the chart); free
 * with rep_chart_table_free. */
void rep_chart_table(const struct rep_chart *c, enum report_lang lang, struct rep_table *t);
void rep_chart_table_free(struct rep_table *t);

/* ---- the renderers (lib/report_html.c, report_md.c, report_json.c) ---- */

void report_render_html(const struct report *r, struct strbuf *sb);
void report_render_md(const struct report *r, struct strbuf *sb);
void report_render_json(const struct report *r, struct strbuf *sb);

/* ---- the sections (lib/report_SECTION.c) ---- */

struct bctx {
	struct store *db;
	const struct report_opts *ro;
	struct report *r;
	struct beter_err *err;
	char from[11], to[11], today[11];
	int today_days;
};

#define L(id) S(b->ro->lang, id)
/* A section's own word (a msgid marked N_()) in the report's language. */
#define RT(msgid) rep_tr(b->ro->lang, msgid)

static inline int col_null(struct store_stmt *st, int i)
{
	return store_col_null(st, i);
}

static inline struct rv col_text(struct store_stmt *st, int i)
{
	return col_null(st, i) ? rv_null() : rv_text(store_col(st, i));
}

/* The scope's trajectories that are running or were in the period. */
#define TRAJ_SCOPE                                                                                    \
	" t.school_id = ?1 AND (?2 = 0 OR t.team_id = ?2) AND t.started <= ?4 AND "                   \
	"(t.ended IS NULL OR t.ended >= ?3) "

static inline void bind_scope(struct bctx *b, struct store_stmt *st)
{
	store_bind_int(st, 1, b->ro->school);
	store_bind_int(st, 2, b->ro->team);
	store_bind_text(st, 3, b->from);
	store_bind_text(st, 4, b->to);
}

/* The scope's teams in SQL: a team (?2 > 0) or every team of the school. */
#define TEAM_SCOPE " tm.school_id = ?1 AND (?2 = 0 OR tm.id = ?2) "

/* The single count a query of the scope (bind_scope) returns. */
int rep_count(struct bctx *b, const char *sql, int64_t *n, const char *what);

int report_section_phase(struct bctx *b);
int report_section_goals(struct bctx *b);
int report_section_actions(struct bctx *b);
int report_section_successes(struct bctx *b);
int report_section_visits(struct bctx *b);
int report_section_arena(struct bctx *b);
int report_section_surveys(struct bctx *b);
int report_section_design(struct bctx *b);
/* a section per period (lib/report_period*.c); its datamuur's charts in html */
int report_section_periods(struct bctx *b);
void report_period_html_charts(struct strbuf *sb, const struct rep_section *s, const struct rep_table *t,
			       enum report_lang lang);

#endif
