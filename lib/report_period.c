/* report_period.c - a section per improvement period of the report: its
 * theme, dates and TIV, the datamuur (a chart per indicator in html) with
 * the notes from research, and the goals of the period against their norm;
 * the other parts are in report_period_parts.c. */
#include "report_period.h"

#include <stdio.h>
#include <string.h>

#include "beter/date.h"

static const char *const words[PW_COUNT] = {
	[PW_TITLE] = N_("Period %lld: %s"),
	[PW_THEME] = NC_("report", "Theme"),
	[PW_FROM] = NC_("report", "From"),
	[PW_TO] = NC_("report", "To"),
	[PW_TIV] = N_("TIV"),
	[PW_NO_TIV] = N_("no TIV"),
	[PW_STATUS] = NC_("report", "Status"),
	[PW_RUNNING] = NC_("period", "running"),
	[PW_PLANNED] = NC_("period", "planned"),
	[PW_CLOSED] = NC_("period", "closed"),
	[PW_GOALS] = N_("Goals set in the period"),
	[PW_AT_NORM] = N_("Of which at the norm"),
	[PW_DESIGNS] = N_("Lesson designs"),
	[PW_VISITS] = N_("Lesson visits in the period"),
	[PW_COVERAGE] = N_("Team members visited"),
	[PW_RETROS] = N_("Retrospectives"),
	[PW_STANDARDS] = N_("'Zo werken wij' standards"),
	[PW_WALL] = N_("Datamuur"),
	[PW_INDICATOR] = N_("Indicator"),
	[PW_MEASURE] = N_("Measure"),
	[PW_GROUP] = NC_("report", "Group"),
	[PW_VALUE] = N_("Value"),
	[PW_UNIT] = N_("Unit"),
	[PW_NORM] = N_("Norm"),
	[PW_PREVIOUS] = N_("Previous"),
	[PW_N] = N_("Pupils"),
	[PW_SOURCE] = N_("Source"),
	[PW_DATE] = N_("Date"),
	[PW_NOTES] = N_("Insights from research"),
	[PW_TEXT] = N_("Insight"),
	[PW_GOALS_TABLE] = N_("Goals of the period against the norm"),
	[PW_TEAM] = N_("Team"),
	[PW_GOAL] = N_("Goal"),
	[PW_BASELINE] = N_("Baseline"),
	[PW_LATEST] = N_("Latest result"),
	[PW_LATEST_ON] = N_("Measured on"),
	[PW_VS_NORM] = N_("Against the norm"),
	[PW_ARENAS] = N_("Pupil arenas and their outcome"),
	[PW_ARENA] = N_("Arena"),
	[PW_PUPIL_GROUP] = N_("Class"),
	[PW_OUTCOME] = N_("Outcome"),
	[PW_DESIGNS_TABLE] = N_("Lesson designs of the period"),
	[PW_DESIGN] = N_("Lesson design"),
	[PW_SUBJECT] = N_("Subject"),
	[PW_CLASS] = N_("Class"),
	[PW_STEPS] = N_("Steps"),
	[PW_VISITED_IN] = N_("Visits"),
	[PW_PERIOD] = NC_("report", "Period"),
	[PW_FEEDBACK] = N_("Team members with a feedback talk"),
	[PW_RETRO_TABLE] = N_("Retrospectives per team"),
	[PW_WENT_WELL] = N_("What went well"),
	[PW_IMPROVE] = N_("What to improve"),
	[PW_REACHED] = N_("Goal reached"),
	[PW_AMBITION] = N_("Check on the ambition"),
	[PW_YES] = N_("yes"),
	[PW_PARTLY] = N_("partly"),
	[PW_NO] = NC_("report", "no"),
	[PW_STD_TABLE] = N_("Standards from the verbindingssessie"),
	[PW_STANDARD] = N_("Standard"),
	[PW_CONNECT_TABLE] = N_("Verbindingssessie"),
	[PW_SUCCESSES] = N_("Successes shared"),
	[PW_STORY] = N_("Looking ahead"),
	[PW_NEXT] = N_("Next period"),
	[PW_NEXT_THEME] = N_("Next theme"),
	[PW_CHART_DESC] = N_("%s per group, beside the previous value."),
	[PW_CHART_DESC_NORM] = N_("%s per group, beside the previous value, against the norm."),
	[PW_LEVELS] = N_("share per level"),
	[PW_LEVELS_DESC] = N_("%s: per group, the share of pupils at each level, the highest on top; a group with too "
			     "few pupils is not shown."),
	[PW_HIDDEN] = N_("too few"),
	[PW_RULE] = N_("Goals and arenas of a period are those of its dates, a lesson design the period given to it or "
		      "the one of its first lesson day; visits, retrospectives and the verbindingssessie count up to the "
		      "report's last day. Datamuur values are group figures; a value of a group smaller than %lld pupils "
		      "is not shown ('too few')."),
};

const char *pw_in(enum report_lang lang, enum pword id)
{
	return rep_tr(lang, words[id]);
}

const char *pw(enum pword id)
{
	return pw_in(REPORT_NL, id);
}

struct rv rv_enum(const char *code, const char *label)
{
	size_t a = strlen(code), b = strlen(label);
	struct rv v = { RV_ENUM, xmalloc(a + b + 2), 0, 0, 0 };
	memcpy(v.s, code, a + 1);
	memcpy(v.s + a + 1, label, b + 1);
	return v;
}

void pctx_bind(struct pctx *p, struct store_stmt *st)
{
	store_bind_int(st, 1, p->b->ro->school);
	store_bind_int(st, 2, p->b->ro->team);
	store_bind_text(st, 3, p->from);
	store_bind_text(st, 4, p->end);
	store_bind_int(st, 5, p->id);
}

/* Indicators in the order they came, their measures (levels in order, the
 * mean last), groups in their natural order (as 'beter wall show'). */
#define WALL_ORDER                                                                                              \
	"(SELECT min(x.id) FROM wall_value x WHERE x.period_id = w.period_id AND x.indicator = w.indicator), "   \
	"CASE w.measure WHEN '' THEN 0 WHEN 'gemiddelde' THEN 2 ELSE 1 END, "                                   \
	"instr(' I II III IV V A B C D E ', ' ' || w.measure || ' '), w.measure, length(w.grp), w.grp"

static int wall_notes(struct pctx *p)
{
	static const char *const keys[] = { "text", "source" };
	const char *labels[] = { PW(PW_TEXT), PW(PW_SOURCE) };
	struct rep_table *t = rep_table_add(p->s, "wall_notes", PW(PW_NOTES), 2, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(p->b->db, "SELECT text, source FROM wall_note WHERE period_id = ?5 ORDER BY id", &st,
				p->b->err)))
		return rc;
	pctx_bind(p, st);
	while (store_next(p->b->db, st, &rc, N_("reading the notes"), p->b->err)) {
		rep_cell(t, col_text(st, 0));
		rep_cell(t, col_text(st, 1));
	}
	store_finalize(st);
	return rc;
}

/* The datamuur: group figures; a group under the school's minimum shows
 * neither its value nor its previous value. */
int period_part_wall(struct pctx *p)
{
	static const char *const keys[] = { "indicator", "measure", "group", "value", "unit", "norm", "previous", "n",
					    "source", "date" };
	const char *labels[] = { PW(PW_INDICATOR), PW(PW_MEASURE), PW(PW_GROUP), PW(PW_VALUE), PW(PW_UNIT), PW(PW_NORM),
				 PW(PW_PREVIOUS), PW(PW_N), PW(PW_SOURCE), PW(PW_DATE) };
	struct rep_table *t = rep_table_add(p->s, "wall", PW(PW_WALL), 10, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(p->b->db,
				"SELECT indicator, nullif(measure, ''), grp, value, unit, norm, previous, n, source, day "
				"FROM wall_value w WHERE period_id = ?5 ORDER BY " WALL_ORDER, &st, p->b->err)))
		return rc;
	pctx_bind(p, st);
	while (store_next(p->b->db, st, &rc, N_("reading the datamuur"), p->b->err)) {
		int hide = !col_null(st, 7) && store_col_int(st, 7) < p->min_n;
		rep_cell(t, col_text(st, 0));
		rep_cell(t, col_text(st, 1));
		rep_cell(t, col_text(st, 2));
		rep_cell(t, hide ? rv_unknown(PW(PW_HIDDEN)) : rv_realp(store_col_real(st, 3), 1));
		rep_cell(t, col_text(st, 4));
		rep_cell(t, col_null(st, 5) ? rv_null() : rv_realp(store_col_real(st, 5), 1));
		rep_cell(t, hide ? rv_unknown(PW(PW_HIDDEN))
				 : col_null(st, 6) ? rv_null() : rv_realp(store_col_real(st, 6), 1));
		rep_cell(t, col_null(st, 7) ? rv_null() : rv_int(store_col_int(st, 7)));
		rep_cell(t, col_text(st, 8));
		rep_cell(t, col_text(st, 9));
	}
	store_finalize(st);
	return rc ? rc : wall_notes(p);
}

static struct rv goal_status(const struct pctx *p, const char *status)
{
	if (!strcmp(status, "achieved"))
		return rv_enum("achieved", S(p->b->ro->lang, S_ST_ACHIEVED));
	if (!strcmp(status, "dropped"))
		return rv_enum("dropped", S(p->b->ro->lang, S_ST_DROPPED));
	return rv_enum("active", S(p->b->ro->lang, S_ST_ACTIVE));
}

/* The team goals set in the period: their 0-meting, their latest result up
 * to the period's end, their norm and their status then. */
int period_part_goals(struct pctx *p)
{
	static const char *const keys[] = { "team", "goal", "text", "baseline", "latest", "latest_date", "norm",
					    "vs_norm", "status" };
	const char *labels[] = { PW(PW_TEAM), PW(PW_GOAL), S(p->b->ro->lang, S_TEXT), PW(PW_BASELINE), PW(PW_LATEST),
				 PW(PW_LATEST_ON), PW(PW_NORM), PW(PW_VS_NORM), PW(PW_STATUS) };
	struct rep_table *t = rep_table_add(p->s, "goals", PW(PW_GOALS_TABLE), 9, keys, labels);
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(p->b->db,
				"SELECT tm.name, g.id, g.text, g.baseline, m.score, m.date, g.norm, "
				"CASE WHEN g.closed > ?4 THEN 'active' ELSE g.status END FROM goal g "
				"JOIN team tm ON tm.id = g.team_id LEFT JOIN goal_measure m ON m.id = (SELECT x.id FROM "
				"goal_measure x WHERE x.goal_id = g.id AND x.date <= ?4 ORDER BY x.date DESC, x.id DESC "
				"LIMIT 1) WHERE g.school_id = ?1 AND (?2 = 0 OR g.team_id = ?2) AND g.added BETWEEN ?3 AND ?4 "
				"ORDER BY lower(tm.name), tm.id, g.added, g.id", &st, p->b->err)))
		return rc;
	pctx_bind(p, st);
	while (store_next(p->b->db, st, &rc, N_("reading goals"), p->b->err)) {
		double latest = col_null(st, 4) ? NAN : store_col_real(st, 4), norm = store_col_real(st, 6);
		rep_cell(t, col_text(st, 0));
		rep_cell(t, rv_int(store_col_int(st, 1)));
		rep_cell(t, col_text(st, 2));
		rep_cell(t, rv_real(store_col_real(st, 3)));
		rep_cell(t, rv_real(latest));
		rep_cell(t, col_text(st, 5));
		rep_cell(t, rv_real(norm));
		rep_cell(t, rv_real(isnan(latest) ? NAN : round_to(latest, 1) - round_to(norm, 1)));
		rep_cell(t, goal_status(p, store_col(st, 7)));
		p->goals++;
		p->at_norm += !isnan(latest) && round_to(latest, 1) >= round_to(norm, 1);
	}
	store_finalize(st);
	return rc;
}

static void figures(struct pctx *p)
{
	struct rep_section *s = p->s;
	/* as on the report's last day */
	enum pword status = *p->closed ? PW_CLOSED : strcmp(p->from, p->b->today) > 0 ? PW_PLANNED : PW_RUNNING;
	static const char *const codes[] = { [PW_CLOSED] = "closed", [PW_PLANNED] = "planned", [PW_RUNNING] = "running" };

	rep_figure_add(s, "period", PW(PW_PERIOD), rv_int(p->id));
	rep_figure_add(s, "theme", PW(PW_THEME), rv_text(p->theme));
	rep_figure_add(s, "from", PW(PW_FROM), rv_text(p->from));
	rep_figure_add(s, "to", PW(PW_TO), rv_text(p->to));
	rep_figure_add(s, "tiv", PW(PW_TIV), p->tiv ? rv_text(p->tiv) : rv_unknown(PW(PW_NO_TIV)));
	rep_figure_add(s, "status", PW(PW_STATUS), rv_enum(codes[status], pw(status)));
	rep_figure_add(s, "goals", PW(PW_GOALS), rv_int(p->goals));
	rep_figure_add(s, "goals_at_norm", PW(PW_AT_NORM), rv_int(p->at_norm));
	rep_figure_add(s, "designs", PW(PW_DESIGNS), rv_int(p->designs));
	rep_figure_add(s, "visits", PW(PW_VISITS), rv_int(p->visits));
	rep_figure_add(s, "coverage", PW(PW_COVERAGE),
		       p->cov.teachers ? rv_share((double)p->cov.visited / (double)p->cov.teachers) : rv_null());
	rep_figure_add(s, "feedback_held", PW(PW_FEEDBACK), rv_int(p->cov.feedback));
	rep_figure_add(s, "retrospectives", PW(PW_RETROS), rv_int(p->retros));
	rep_figure_add(s, "standards", PW(PW_STANDARDS), rv_int(p->standards));
}

static void pctx_release(struct pctx *p)
{
	free(p->theme);
	free(p->tiv);
	free(p->successes);
	free(p->story);
	free(p->next_theme);
}

static char *col_dup(struct store_stmt *st, int i)
{
	return col_null(st, i) ? NULL : xstrdup(store_col(st, i));
}

/* One period: the row of the query in report_section_periods. */
static int period_section(struct bctx *b, struct store_stmt *st, int64_t min_n)
{
	struct pctx p;
	char title[512];
	int rc;

	memset(&p, 0, sizeof(p));
	p.b = b;
	p.min_n = min_n;
	p.id = store_col_int(st, 0);
	p.theme = col_dup(st, 1);
	snprintf(p.from, sizeof(p.from), "%s", store_col(st, 2));
	snprintf(p.to, sizeof(p.to), "%s", store_col(st, 3));
	snprintf(p.end, sizeof(p.end), "%s", strcmp(p.to, b->to) < 0 ? p.to : b->to);
	p.tiv = col_dup(st, 4);
	if (!col_null(st, 5) && strcmp(store_col(st, 5), b->to) <= 0) {
		snprintf(p.closed, sizeof(p.closed), "%s", store_col(st, 5));
		p.successes = col_dup(st, 6);
		p.story = col_dup(st, 7);
		p.next = col_null(st, 8) ? 0 : store_col_int(st, 8);
		p.next_theme = col_dup(st, 9);
	}
	snprintf(title, sizeof(title), pw_in(b->ro->lang, PW_TITLE), (long long)p.id, p.theme);
	char key[32];
	snprintf(key, sizeof(key), "period-%lld", (long long)p.id);
	p.s = rep_section_add(b->r, key, title);
	if (!(rc = period_part_wall(&p)) && !(rc = period_part_arenas(&p)) && !(rc = period_part_goals(&p)) &&
	    !(rc = period_part_designs(&p)) && !(rc = period_part_visits(&p)) && !(rc = period_part_close(&p))) {
		struct strbuf note = STRBUF_INIT;
		figures(&p);
		strbuf_addf(&note, pw_in(b->ro->lang, PW_RULE), (long long)p.min_n);
		rep_section_note(p.s, strbuf_str(&note));
		strbuf_release(&note);
	}
	pctx_release(&p);
	return rc;
}

/* The school's minimum group size: its survey policy, else 5. */
static int school_min_n(struct bctx *b, int64_t *min_n)
{
	return rep_count(b, "SELECT coalesce((SELECT min_n FROM survey_policy WHERE school_id = ?1 ORDER BY id DESC "
			    "LIMIT 1), 5)", min_n, N_("reading the survey policy"));
}

/* A section per period that overlaps the report's days (or the one period
 * of --period), in the order of their dates. */
int report_section_periods(struct bctx *b)
{
	struct store_stmt *st;
	int64_t min_n;
	int rc, r2 = 0;

	if ((rc = school_min_n(b, &min_n)))
		return rc;
	if ((rc = store_prepare(b->db,
				"SELECT p.id, p.theme, p.from_date, p.to_date, t.name, p.closed, p.successes, p.story, "
				"p.next_id, np.theme FROM period p LEFT JOIN team t ON t.id = p.tiv_id LEFT JOIN period np "
				"ON np.id = p.next_id WHERE p.school_id = ?1 AND p.from_date <= ?4 AND p.to_date >= ?3 AND "
				"(?5 = 0 OR p.id = ?5) ORDER BY p.from_date, p.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	store_bind_int(st, 5, b->ro->period);
	while (!r2 && store_next(b->db, st, &rc, N_("reading the periods"), b->err))
		r2 = period_section(b, st, min_n);
	store_finalize(st);
	return rc ? rc : r2;
}

int report_period_days(struct store *db, int64_t school, int64_t id, int *from, int *to, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found = 0, dated = 0;

	if ((rc = store_prepare(db, "SELECT from_date, to_date FROM period WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, school);
	if (store_next(db, st, &rc, N_("reading the periods"), err)) {
		found = 1;
		dated = !store_col_null(st, 0) && !date_parse(store_col(st, 0), from, "from", NULL) &&
			!date_parse(store_col(st, 1), to, "to", NULL);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("--period: no period %lld (see 'beter period list')"), (long long)id);
	if (!dated)
		return beter_err_set(err, BETER_DATAERR,
				     _("--period: period %lld is a candidate theme without dates: it has no section yet (the "
				       "verbindingssessie that opens it gives it dates: --next-from, --next-to)"),
				     (long long)id);
	return 0;
}
