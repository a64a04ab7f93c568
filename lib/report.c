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

#include "beter/arena.h"
#include "beter/date.h"
#include "beter/out.h"
#include "beter/phase.h"
#include "beter/store.h"
#include "beter/survey.h"
#include "beter/svg.h"
#include "beter/visit.h"

/* ---- the string table ------------------------------------------------ */

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
	[S_SCHOOL_WEEKS] = { "Schoolweken", "School weeks" },
	[S_WEEKS_WITH_SESSION] = { "Weken met bordsessie", "Weeks with a board session" },
	[S_TEAMS_AMBITION] = { "Teams met een ambitie", "Teams with an ambition" },
	[S_TEAMS_WITH_AMBITION_N] = { "Leraarteams met een ambitie", "Teacher teams with an ambition" },
	[S_TEACHER_TEAMS_N] = { "Leraarteams", "Teacher teams" },
	[S_CHECK_ITEM] = { "Afvinken met 'beter phase check'", "Tick off with 'beter phase check'" },
	[S_RHYTHM_RULE] = { "Ritmiek: het aandeel schoolweken waarin het team minstens één bordsessie hield. Een "
			    "schoolweek is elke week (maandag-zondag) met minstens één werkdag in de periode, behalve "
			    "een week die helemaal in de zomervakantie valt (15 juli - 31 augustus) zonder sessie van "
			    "een team. Voor de school: het gemiddelde van de leraarteams; ambitie: teams met een "
			    "ambitie op het bord van alle leraarteams.",
			    "Rhythm: the share of school weeks in which the team held at least one board session. A "
			    "school week is every week (Monday-Sunday) with at least one weekday in the period, except a "
			    "week that falls wholly in the summer holiday (15 July - 31 August) with no session of any "
			    "team. For the school: the mean of the teacher teams; ambition: teacher teams with an "
			    "ambition on their board of all teacher teams." },
	[S_GOALS_ACTIVE] = { "Lopende doelen", "Active goals" },
	[S_GOALS_ON_NORM] = { "Lopend en op de norm", "Active and at the norm" },
	[S_GOALS_ACHIEVED] = { "Behaald in de periode", "Achieved in the period" },
	[S_GOALS_DROPPED] = { "Gestopt in de periode", "Dropped in the period" },
	[S_GOALS_TABLE] = { "Doelen", "Goals" },
	[S_GOAL] = { "Doel", "Goal" },
	[S_TEXT] = { "Omschrijving", "Description" },
	[S_NORM_COL] = { "Norm", "Norm" },
	[S_BASELINE_COL] = { "0-meting", "Baseline" },
	[S_LATEST] = { "Laatste meting", "Latest result" },
	[S_RESULTS] = { "Metingen", "Results" },
	[S_STATUS] = { "Status", "Status" },
	[S_ST_ACTIVE] = { "loopt", "active" },
	[S_ST_ACHIEVED] = { "behaald", "achieved" },
	[S_ST_DROPPED] = { "gestopt", "dropped" },
	[S_MEASURES_TABLE] = { "Metingen per doel", "Results per goal" },
	[S_POINT] = { "Meting", "Result" },
	[S_DATE] = { "Datum", "Date" },
	[S_SCORE] = { "Score", "Score" },
	[S_NO_RESULTS] = { "nog geen meting", "no result yet" },
	[S_LATEST_LC] = { "laatste meting", "latest result" },
	[S_ACT_OPEN] = { "Open acties", "Open actions" },
	[S_ACT_OVERDUE] = { "Over de deadline", "Overdue" },
	[S_ACT_DONE] = { "Gedaan in de periode", "Done in the period" },
	[S_ACT_TABLE] = { "Open acties en acties over de deadline", "Open and overdue actions" },
	[S_ACTION] = { "Actie", "Action" },
	[S_KIND] = { "Soort", "Kind" },
	[S_KIND_CLASS] = { "in de klas", "in class" },
	[S_KIND_TEAM] = { "teamactie", "team action" },
	[S_WHAT] = { "Wat", "What" },
	[S_WHO] = { "Wie", "Who" },
	[S_DUE] = { "Deadline", "Due" },
	[S_OPEN] = { "open", "open" },
	[S_OVERDUE] = { "over de deadline", "overdue" },
	[S_SUCC_COUNT] = { "Successen in de periode", "Successes in the period" },
	[S_STD_COUNT] = { "'Zo werken wij'-standaarden", "'Zo werken wij' standards" },
	[S_SUCC_TABLE] = { "Successen", "Successes" },
	[S_SUCCESS] = { "Succes", "Success" },
	[S_STD_TABLE] = { "'Zo werken wij'-standaarden van behaalde doelen", "'Zo werken wij' standards of achieved goals" },
	[S_STANDARD] = { "Standaard", "Standard" },
	[S_ACHIEVED_ON] = { "Behaald op", "Achieved on" },
	[S_VIS_RECORDED] = { "Lesbezoeken in de periode", "Lesson visits in the period" },
	[S_VIS_TEACHERS] = { "Teamleden", "Team members" },
	[S_VIS_VISITED] = { "Bezocht", "Visited" },
	[S_VIS_COVERAGE] = { "Bezocht van de teamleden", "Team members visited" },
	[S_VIS_FEEDBACK] = { "Met nagesprek", "With a feedback talk" },
	[S_VIS_DUE] = { "Nagesprek te laat", "Feedback talks due" },
	[S_VIS_MISSED] = { "Gemist (dag voorbij, niet vastgelegd)", "Missed (day passed, not recorded)" },
	[S_VIS_MISSED_SHORT] = { "Gemist", "Missed" },
	[S_VIS_TEAM_TABLE] = { "Bezoeken per team", "Visits per team" },
	[S_VIS_DUE_TABLE] = { "Lesbezoeken die nog een nagesprek nodig hebben", "Visits awaiting their feedback talk" },
	[S_VISIT] = { "Bezoek", "Visit" },
	[S_TEACHER] = { "Leraar", "Teacher" },
	[S_OBSERVER] = { "Bezoeker", "Observer" },
	[S_DAYS_AGO] = { "Dagen geleden", "Days ago" },
	[S_VIS_RULE] = { "Bezocht: teamleden met een vastgelegd lesbezoek in de periode. Een nagesprek is te laat "
			 "als het meer dan 7 dagen na het bezoek nog niet is gevoerd (op de laatste dag van de "
			 "periode). Dit rapport vergelijkt geen leraren met elkaar.",
			 "Visited: team members with a recorded lesson visit in the period. A feedback talk is due when "
			 "it has not been held more than 7 days after the visit (on the period's last day). This report "
			 "does not compare teachers with each other." },
	[S_AR_HELD] = { "Arena's in de periode", "Arenas in the period" },
	[S_AR_OUTCOMES] = { "Uitkomsten in de periode", "Outcomes in the period" },
	[S_AR_TABLE] = { "Leerlingarena's en hun uitkomst", "Pupil arenas and their outcome" },
	[S_AR_TOP] = { "Top 3 van elke groep (stemmen)", "Top 3 of each group (votes)" },
	[S_ARENA] = { "Arena", "Arena" },
	[S_THEME] = { "Thema", "Theme" },
	[S_PUPIL_GROUP] = { "Groep", "Class" },
	[S_OUTCOME] = { "Uitkomst", "Outcome" },
	[S_RANK] = { "Plaats", "Rank" },
	[S_G_PUPILS] = { "Leerlingen", "Pupils" },
	[S_G_TEACHERS] = { "Leraren", "Teachers" },
	[S_G_MT] = { "MT", "Management" },
	[S_SV_INSTRUMENTS] = { "Vragenlijsten", "Instruments" },
	[S_SV_TABLE] = { "Schalen per meting", "Scales per wave" },
	[S_INSTRUMENT] = { "Vragenlijst", "Instrument" },
	[S_SCALE] = { "Schaal", "Scale" },
	[S_WAVE1] = { "Meting 1", "Wave 1" },
	[S_MEAN1] = { "Gemiddelde 1", "Mean 1" },
	[S_WAVE2] = { "Meting 2", "Wave 2" },
	[S_MEAN2] = { "Gemiddelde 2", "Mean 2" },
	[S_CHANGE] = { "Verschil", "Change" },
	[S_COHEN] = { "Effect (d)", "Effect (d)" },
	[S_AGAINST] = { "tegen", "against" },
	[S_SV_DESC] = { "Gemiddelde per schaal (%d-%d); groepen kleiner dan %lld worden niet getoond.",
			"Mean per scale (%d-%d); groups smaller than %lld are not shown." },
	[S_SV_RULE] = { "Per vragenlijst: de laatste meting in de periode tegen de meting ervoor. Groepen kleiner "
			"dan het minimum van de vragenlijst worden nooit getoond ('te weinig'). Cijfers per team: "
			"beter survey report --by team.",
			"Per instrument: the last wave in the period against the wave before. Groups smaller than the "
			"instrument's minimum are never shown ('too few'). Figures per team: beter survey report --by "
			"team." },
	[S_SV_SEALED] = { "De 360-graden feedback voor de schoolleider staat niet in dit rapport: die is alleen voor de "
			  "schoolleider (beter survey report).",
			  "The 360-degree feedback for the school leader is not in this report: it is for the school "
			  "leader only (beter survey report)." },
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
	struct rv v = { RV_NULL, NULL, 0, 0, 0 };
	return v;
}

struct rv rv_text(const char *s)
{
	struct rv v = { s ? RV_TEXT : RV_NULL, s ? xstrdup(s) : NULL, 0, 0, 0 };
	return v;
}

struct rv rv_unknown(const char *label)
{
	struct rv v = { RV_NULL, label ? xstrdup(label) : NULL, 0, 0, 0 };
	return v;
}

struct rv rv_int(int64_t i)
{
	struct rv v = { RV_INT, NULL, i, 0, 0 };
	return v;
}

struct rv rv_real(double d)
{
	return rv_realp(d, 1);
}

struct rv rv_realp(double d, int prec)
{
	struct rv v = { isnan(d) ? RV_NULL : RV_REAL, NULL, 0, d, prec < 0 ? 0 : prec > 3 ? 3 : prec };
	if (!v.prec)
		v.prec = -1; /* zero decimals asked for */
	return v;
}

static int rv_prec(const struct rv *v)
{
	return v->prec < 0 ? 0 : v->prec ? v->prec : 1;
}

/* d rounded half away from zero to prec decimals: what every format shows. */
static double round_to(double d, int prec)
{
	double f = prec == 0 ? 1 : prec == 1 ? 10 : prec == 2 ? 100 : 1000;
	double r = round(d * f) / f;
	return r == 0 ? 0 : r; /* no -0 */
}

struct rv rv_share(double d)
{
	struct rv v = { isnan(d) ? RV_NULL : RV_SHARE, NULL, 0, d, 0 };
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

void rep_section_note(struct rep_section *s, const char *note)
{
	free(s->note);
	s->note = xstrdup(note);
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
	c->prec = 1;
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
		free(s->note);
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
	case RV_REAL: snprintf(buf, sizeof(buf), "%.*f", rv_prec(v), round_to(v->d, rv_prec(v))); break;
	case RV_SHARE: snprintf(buf, sizeof(buf), "%.0f%%", round_to(v->d * 100, 0)); break;
	}
	if (lang == REPORT_NL)
		for (char *p = buf; *p; p++)
			if (*p == '.')
				*p = ',';
	strbuf_adds(sb, buf);
}

/* A JSON string by out.c's escaper (NULL as ""). */
static void json_str(struct strbuf *sb, const char *s)
{
	out_json_strbuf(sb, s ? s : "");
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
	case RV_REAL: json_num(sb, round_to(v->d, rv_prec(v))); break;
	case RV_SHARE: json_num(sb, round_to(v->d * 100, 0) / 100); break;
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

/* A date (YYYY-MM-DD): kept on one line. */
static int is_date(const struct rv *v)
{
	const char *s = v->s;
	if (v->t != RV_TEXT || strlen(s) != 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
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
			strbuf_adds(sb, numeric(v) ? "<td class=\"num\">" : is_date(v) ? "<td class=\"date\">" : "<td>");
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
			rep_cell(t, isnan(c->values[i * ng + g]) && c->kind == REP_CHART_BARS
					    ? rv_unknown(S(lang, S_SUPPRESSED))
					    : rv_realp(c->values[i * ng + g], c->prec));
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
		if (s->note) {
			strbuf_adds(sb, "<p class=\"note\">");
			svg_escape(sb, s->note);
			strbuf_adds(sb, "</p>\n");
		}
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
		int num = 0;
		for (size_t r = 0; r < t->nrows && !num; r++)
			num = numeric(&t->cells[r * t->ncols + c]);
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
		if (s->note) {
			strbuf_adds(sb, "_");
			md_escape(sb, s->note);
			strbuf_adds(sb, "_\n\n");
		}
	}
	/* one newline at the end */
	while (sb->len >= 2 && sb->buf[sb->len - 1] == '\n' && sb->buf[sb->len - 2] == '\n')
		sb->buf[--sb->len] = '\0';
}

/* ---- JSON -------------------------------------------------------------- */

static void json_values(struct strbuf *sb, const double *v, size_t n, int prec)
{
	strbuf_adds(sb, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		json_num(sb, isnan(v[i]) ? v[i] : round_to(v[i], prec));
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
		strbuf_adds(sb, ",\n      \"note\": ");
		if (s->note)
			json_str(sb, s->note);
		else
			strbuf_adds(sb, "null");
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
			json_values(sb, c->values, c->n * (c->kind == REP_CHART_LINE ? 1 : c->ngroups), c->prec);
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

/* Ambition as people read it: yes or no for a team, "2/3" (teacher teams
 * with an ambition of all) for the school. */
static struct rv ambition_value(struct bctx *b, const struct phase_conditions *pc)
{
	if (pc->ambition < 0)
		return rv_unknown(L(S_UNKNOWN));
	/* a school: the share of its teacher teams with an ambition (a number
	 * in JSON, a percentage for people) */
	if (pc->teams)
		return rv_share((double)pc->ambition_teams / (double)pc->teams);
	return rv_text(pc->ambition ? L(S_YES) : L(S_NO));
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
	rep_figure_add(s, "ambition", b->ro->team ? L(S_AMBITION) : L(S_TEAMS_AMBITION), ambition_value(b, &pc));
	if (!b->ro->team && pc.teams) {
		rep_figure_add(s, "teams_with_ambition", L(S_TEAMS_WITH_AMBITION_N), rv_int(pc.ambition_teams));
		rep_figure_add(s, "teacher_teams", L(S_TEACHER_TEAMS_N), rv_int(pc.teams));
	}
	rep_figure_add(s, "rhythm", L(S_RHYTHM), isnan(pc.rhythm) ? rv_unknown(L(S_UNKNOWN)) : rv_share(pc.rhythm));
	rep_figure_add(s, "school_weeks", L(S_SCHOOL_WEEKS), rv_int(pc.rhythm_weeks));
	rep_figure_add(s, "weeks_with_session", L(S_WEEKS_WITH_SESSION), rv_int(pc.rhythm_sessions));
	rep_section_note(s, L(S_RHYTHM_RULE));

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
		const char *labels[] = { L(S_TEAM), L(S_PHASE), L(S_CHECK_ITEM), L(S_ACTIVITY), L(S_DONE_ON) };
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
		if ((rc = store_prepare(b->db, "SELECT id, name FROM team WHERE school_id = ?1 AND ((?2 = 0 AND "
					       "(kind = 'leraren' OR EXISTS (SELECT 1 FROM board_session bs WHERE bs.team_id = team.id) "
					       "OR EXISTS (SELECT 1 FROM board_item bi WHERE bi.team_id = team.id) "
					       "OR EXISTS (SELECT 1 FROM trajectory tr WHERE tr.team_id = team.id))) OR id = ?2) "
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
			rep_cell(t, ambition_value(b, &tc));
			rep_cell(t, isnan(tc.rhythm) ? rv_unknown(L(S_UNKNOWN)) : rv_share(tc.rhythm));
			rep_cell(t, rv_share(tc.retrospective));
			rep_cell(t, rv_int(tc.closed));
		}
		sqlite3_finalize(st);
	}
	return 0;
}

/* ---- the sections on the board, goals, visits, arena and surveys ---- */

/* The scope's teams in SQL: a team (?2 > 0) or every team of the school. */
#define TEAM_SCOPE " tm.school_id = ?1 AND (?2 = 0 OR tm.id = ?2) "

static void status_text(struct bctx *b, struct rep_table *t, const char *status)
{
	if (!strcmp(status, "achieved"))
		rep_cell(t, rv_text(L(S_ST_ACHIEVED)));
	else if (!strcmp(status, "dropped"))
		rep_cell(t, rv_text(L(S_ST_DROPPED)));
	else
		rep_cell(t, rv_text(L(S_ST_ACTIVE)));
}

/* A value as people read it, for chart descriptions. */
static void human(struct bctx *b, struct strbuf *sb, struct rv v)
{
	rv_human(sb, &v, b->ro->lang);
	rv_free(&v);
}

/* Goals against their norm and 0-meting: the team goals active at the end of
 * the period and those closed in it, a line chart per goal (P0..Pn). */
static int section_goals(struct bctx *b)
{
	static const char *const gkeys[] = { "team", "goal", "text", "norm", "baseline", "latest", "results", "status",
					     "closed" };
	static const char *const mkeys[] = { "team", "goal", "point", "date", "score" };
	const char *glabels[] = { L(S_TEAM), L(S_GOAL), L(S_TEXT), L(S_NORM_COL), L(S_BASELINE_COL), L(S_LATEST),
				  L(S_RESULTS), L(S_STATUS), L(S_CLOSED) };
	const char *mlabels[] = { L(S_TEAM), L(S_GOAL), L(S_POINT), L(S_DATE), L(S_SCORE) };
	struct rep_section *s = rep_section_add(b->r, "goals", L(S_SEC_GOALS));
	struct rep_table *gt, *mt;
	sqlite3_stmt *st, *ms;
	int64_t active = 0, achieved = 0, dropped = 0, on_norm = 0;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT tm.name, g.id, g.text, g.norm, g.baseline, g.status, g.closed, g.added FROM goal g "
				"JOIN team tm ON tm.id = g.team_id WHERE" TEAM_SCOPE "AND g.added <= ?4 AND "
				"(g.closed IS NULL OR g.closed >= ?3) ORDER BY tm.name, tm.id, g.added, g.id", &st, b->err)))
		return rc;
	if ((rc = store_prepare(b->db,
				"SELECT date, score FROM goal_measure WHERE goal_id = ?1 AND date <= ?2 ORDER BY date, id",
				&ms, b->err))) {
		sqlite3_finalize(st);
		return rc;
	}
	bind_scope(b, st);
	/* the figures come first in every format: add them, then fill them */
	rep_figure_add(s, "goals_active", L(S_GOALS_ACTIVE), rv_int(0));
	rep_figure_add(s, "goals_on_norm", L(S_GOALS_ON_NORM), rv_int(0));
	rep_figure_add(s, "goals_achieved", L(S_GOALS_ACHIEVED), rv_int(0));
	rep_figure_add(s, "goals_dropped", L(S_GOALS_DROPPED), rv_int(0));
	gt = rep_table_add(s, "goals", L(S_GOALS_TABLE), 9, gkeys, glabels);
	mt = rep_table_add(s, "results", L(S_MEASURES_TABLE), 5, mkeys, mlabels);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 1);
		double norm = sqlite3_column_double(st, 3), base = sqlite3_column_double(st, 4), latest = NAN;
		const char *status = (const char *)sqlite3_column_text(st, 5);
		const char *closed = col_null(st, 6) ? NULL : (const char *)sqlite3_column_text(st, 6);
		char **labels = NULL, point[32], latest_on[11] = "";
		double *vals = NULL;
		size_t n = 0, a = 0;

		/* closed after the period: it was active then */
		if (closed && strcmp(closed, b->to) > 0) {
			status = "active";
			closed = NULL;
		}
		sqlite3_reset(ms);
		sqlite3_bind_int64(ms, 1, id);
		store_bind_text(ms, 2, b->to);
		labels = xrealloc(labels, (a = 8) * sizeof(*labels));
		vals = xrealloc(vals, a * sizeof(*vals));
		labels[0] = xstrdup("P0");
		vals[n++] = base; /* P0: the 0-meting */
		while (sqlite3_step(ms) == SQLITE_ROW) {
			if (n == a) {
				a *= 2;
				labels = xrealloc(labels, a * sizeof(*labels));
				vals = xrealloc(vals, a * sizeof(*vals));
			}
			snprintf(point, sizeof(point), "P%zu", n);
			labels[n] = xstrdup(point);
			vals[n] = sqlite3_column_double(ms, 1);
			latest = vals[n];
			snprintf(latest_on, sizeof(latest_on), "%s", (const char *)sqlite3_column_text(ms, 0));
			rep_cell(mt, col_text(st, 0));
			rep_cell(mt, rv_int(id));
			rep_cell(mt, rv_text(point));
			rep_cell(mt, col_text(ms, 0));
			rep_cell(mt, rv_real(vals[n]));
			n++;
		}
		rep_cell(gt, col_text(st, 0));
		rep_cell(gt, rv_int(id));
		rep_cell(gt, col_text(st, 2));
		rep_cell(gt, rv_real(norm));
		rep_cell(gt, rv_real(base));
		rep_cell(gt, rv_real(latest));
		rep_cell(gt, rv_int((int64_t)n - 1));
		status_text(b, gt, status);
		rep_cell(gt, rv_text(closed));
		if (!strcmp(status, "active")) {
			active++;
			on_norm += !isnan(latest) && round_to(latest, 1) >= round_to(norm, 1);
		}
		achieved += !strcmp(status, "achieved");
		dropped += !strcmp(status, "dropped");

		/* the chart: P0 (0-meting) .. Pn against the norm */
		{
			struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
			char key[32];
			strbuf_addf(&title, "%s %lld (%s): %s", L(S_GOAL), (long long)id, (const char *)sqlite3_column_text(st, 0),
				    (const char *)sqlite3_column_text(st, 2));
			strbuf_addf(&desc, "%s ", L(S_BASELINE_COL));
			human(b, &desc, rv_real(base));
			strbuf_addf(&desc, "; %s ", L(S_NORM));
			human(b, &desc, rv_real(norm));
			if (n > 1) {
				strbuf_addf(&desc, "; %s ", L(S_LATEST_LC));
				human(b, &desc, rv_real(latest));
				strbuf_addf(&desc, " (P%zu, %s)", n - 1, latest_on);
			} else
				strbuf_addf(&desc, "; %s", L(S_NO_RESULTS));
			strbuf_adds(&desc, ".");
			snprintf(key, sizeof(key), "goal-%lld", (long long)id);
			struct rep_chart *c = rep_chart_add(s, REP_CHART_LINE, key, strbuf_str(&title), strbuf_str(&desc), n,
							    (const char *const *)labels, 0, NULL, vals, 1, 10);
			c->norm = norm;
			c->baseline = base;
			strbuf_release(&title);
			strbuf_release(&desc);
		}
		for (size_t i = 0; i < n; i++)
			free(labels[i]);
		free(labels);
		free(vals);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(ms);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading goals");
	s->figs[0].v = rv_int(active);
	s->figs[1].v = rv_int(on_norm);
	s->figs[2].v = rv_int(achieved);
	s->figs[3].v = rv_int(dropped);
	if (!gt->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Actions in class and team actions: open (not done by the end of the
 * period), overdue (open and due before the period's last day) and done in
 * the period. */
static int section_actions(struct bctx *b)
{
	static const char *const keys[] = { "team", "action", "kind", "what", "who", "due", "state" };
	const char *labels[] = { L(S_TEAM), L(S_ACTION), L(S_KIND), L(S_WHAT), L(S_WHO), L(S_DUE), L(S_STATUS) };
	struct rep_section *s = rep_section_add(b->r, "actions", L(S_SEC_ACTIONS));
	struct rep_table *t;
	sqlite3_stmt *st;
	int64_t open = 0, overdue = 0, done = 0;
	int rc;

	if ((rc = store_prepare(b->db,
				"SELECT count(*) FILTER (WHERE a.done IS NULL OR a.done > ?4), "
				"count(*) FILTER (WHERE (a.done IS NULL OR a.done > ?4) AND a.due < ?4), "
				"count(*) FILTER (WHERE a.done BETWEEN ?3 AND ?4) "
				"FROM board_action a JOIN team tm ON tm.id = a.team_id WHERE" TEAM_SCOPE
				"AND a.added <= ?4 AND (a.removed IS NULL OR a.removed > ?4)", &st, b->err)))
		return rc;
	bind_scope(b, st);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		open = sqlite3_column_int64(st, 0);
		overdue = sqlite3_column_int64(st, 1);
		done = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return store_fail(b->db, rc, b->err, "counting actions");
	rep_figure_add(s, "open", L(S_ACT_OPEN), rv_int(open));
	rep_figure_add(s, "overdue", L(S_ACT_OVERDUE), rv_int(overdue));
	rep_figure_add(s, "done", L(S_ACT_DONE), rv_int(done));
	t = rep_table_add(s, "open_actions", L(S_ACT_TABLE), 7, keys, labels);
	if ((rc = store_prepare(b->db,
				"SELECT tm.name, a.id, a.kind, a.what, (SELECT group_concat(name, ', ') FROM (SELECT p.name "
				"FROM board_action_who w JOIN person p ON p.id = w.person_id WHERE w.action_id = a.id "
				"ORDER BY p.name)), a.due, a.due < ?4 FROM board_action a JOIN team tm ON tm.id = a.team_id "
				"WHERE" TEAM_SCOPE "AND a.added <= ?4 AND (a.removed IS NULL OR a.removed > ?4) "
				"AND (a.done IS NULL OR a.done > ?4) ORDER BY a.due, tm.name, a.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rep_cell(t, col_text(st, 0));
		rep_cell(t, rv_int(sqlite3_column_int64(st, 1)));
		rep_cell(t, rv_text(strcmp((const char *)sqlite3_column_text(st, 2), "team") ? L(S_KIND_CLASS)
										     : L(S_KIND_TEAM)));
		rep_cell(t, col_text(st, 3));
		rep_cell(t, col_text(st, 4));
		rep_cell(t, col_text(st, 5));
		rep_cell(t, rv_text(sqlite3_column_int(st, 6) ? L(S_OVERDUE) : L(S_OPEN)));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading actions");
	if (!open && !done)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Successes put on the board in the period and the 'zo werken wij'
 * standards of the goals achieved by the end of the period. */
static int section_successes(struct bctx *b)
{
	static const char *const skeys[] = { "team", "date", "success", "goal" };
	static const char *const wkeys[] = { "team", "goal", "standard", "achieved" };
	const char *slabels[] = { L(S_TEAM), L(S_DATE), L(S_SUCCESS), L(S_GOAL) };
	const char *wlabels[] = { L(S_TEAM), L(S_GOAL), L(S_STANDARD), L(S_ACHIEVED_ON) };
	struct rep_section *s = rep_section_add(b->r, "successes", L(S_SEC_SUCCESSES));
	struct rep_table *ts, *tw;
	sqlite3_stmt *st;
	int rc;

	rep_figure_add(s, "successes", L(S_SUCC_COUNT), rv_int(0));
	rep_figure_add(s, "standards", L(S_STD_COUNT), rv_int(0));
	ts = rep_table_add(s, "successes", L(S_SUCC_TABLE), 4, skeys, slabels);
	tw = rep_table_add(s, "standards", L(S_STD_TABLE), 4, wkeys, wlabels);
	if ((rc = store_prepare(b->db,
				"SELECT tm.name, i.added, i.text, i.goal_id FROM board_item i JOIN team tm ON tm.id = i.team_id "
				"WHERE" TEAM_SCOPE "AND i.section = 'successen' AND i.added BETWEEN ?3 AND ?4 "
				"ORDER BY i.added, tm.name, i.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rep_cell(ts, col_text(st, 0));
		rep_cell(ts, col_text(st, 1));
		rep_cell(ts, col_text(st, 2));
		rep_cell(ts, col_null(st, 3) ? rv_null() : rv_int(sqlite3_column_int64(st, 3)));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading successes");
	if ((rc = store_prepare(b->db,
				"SELECT tm.name, g.id, g.standard, g.closed FROM goal g JOIN team tm ON tm.id = g.team_id "
				"WHERE" TEAM_SCOPE "AND g.status = 'achieved' AND g.closed <= ?4 AND ?3 <= ?4 "
				"ORDER BY g.closed, tm.name, g.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rep_cell(tw, col_text(st, 0));
		rep_cell(tw, rv_int(sqlite3_column_int64(st, 1)));
		rep_cell(tw, col_text(st, 2));
		rep_cell(tw, col_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading standards");
	s->figs[0].v = rv_int((int64_t)ts->nrows);
	s->figs[1].v = rv_int((int64_t)tw->nrows);
	if (!ts->nrows && !tw->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Coverage of one team (or every teacher team) by visit_coverage(). */
static int coverage(struct bctx *b, int64_t team, struct visit_coverage *cov)
{
	struct visit_filter f;
	struct out_capture c;
	struct out o;
	int rc;

	visit_filter_init(&f);
	f.team = team;
	f.from = b->ro->from;
	f.to = b->ro->to;
	f.today = b->ro->to;
	out_capture_init(&o, &c);
	rc = visit_coverage(b->db, b->ro->school, &f, &o, cov, b->err);
	out_release(&o);
	out_capture_release(&c);
	return rc;
}

/* Lesson visits: how many teachers of the scope were visited in the period
 * and had their feedback talk (never per teacher: no ranking), the planned
 * visits missed (their day passed without a record, as 'visit coverage'
 * counts them), and the visits whose feedback talk is due at the end of the
 * period. */
static int section_visits(struct bctx *b)
{
	static const char *const ckeys[] = { "team", "team_members", "visited", "coverage", "feedback_held", "missed" };
	static const char *const dkeys[] = { "visit", "date", "team", "teacher", "observer", "days_ago" };
	const char *clabels[] = { L(S_TEAM), L(S_VIS_TEACHERS), L(S_VIS_VISITED), L(S_VIS_COVERAGE), L(S_VIS_FEEDBACK),
				  L(S_VIS_MISSED_SHORT) };
	const char *dlabels[] = { L(S_VISIT), L(S_DATE), L(S_TEAM), L(S_TEACHER), L(S_OBSERVER), L(S_DAYS_AGO) };
	struct rep_section *s = rep_section_add(b->r, "visits", L(S_SEC_VISITS));
	struct visit_coverage cov;
	struct rep_table *tc, *td;
	sqlite3_stmt *st;
	int64_t recorded = 0;
	int rc;

	if ((rc = coverage(b, b->ro->team, &cov)))
		return rc;
	if ((rc = store_prepare(b->db,
				"SELECT count(*) FROM visit v WHERE v.school_id = ?1 AND (?2 = 0 OR v.team_id = ?2) "
				"AND v.recorded IS NOT NULL AND v.date BETWEEN ?3 AND ?4", &st, b->err)))
		return rc;
	bind_scope(b, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		recorded = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	rep_figure_add(s, "visits", L(S_VIS_RECORDED), rv_int(recorded));
	rep_figure_add(s, "team_members", L(S_VIS_TEACHERS), rv_int(cov.teachers));
	rep_figure_add(s, "visited", L(S_VIS_VISITED), rv_int(cov.visited));
	rep_figure_add(s, "coverage", L(S_VIS_COVERAGE), cov.teachers ? rv_share((double)cov.visited / cov.teachers) : rv_null());
	rep_figure_add(s, "feedback_held", L(S_VIS_FEEDBACK), rv_int(cov.feedback));
	rep_figure_add(s, "feedback_due", L(S_VIS_DUE), rv_int(0));
	rep_figure_add(s, "missed", L(S_VIS_MISSED), rv_int(cov.missed));

	/* per team: the teacher teams of the school, or the one team */
	tc = rep_table_add(s, "coverage", L(S_VIS_TEAM_TABLE), 6, ckeys, clabels);
	if ((rc = store_prepare(b->db, "SELECT tm.id, tm.name FROM team tm WHERE" TEAM_SCOPE
				       "AND (?2 <> 0 OR tm.kind = 'leraren') ORDER BY tm.name, tm.id", &st, b->err)))
		return rc;
	sqlite3_bind_int64(st, 1, b->ro->school);
	sqlite3_bind_int64(st, 2, b->ro->team);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct visit_coverage tcov;
		int r2 = coverage(b, sqlite3_column_int64(st, 0), &tcov);
		if (r2) {
			sqlite3_finalize(st);
			return r2;
		}
		rep_cell(tc, col_text(st, 1));
		rep_cell(tc, rv_int(tcov.teachers));
		rep_cell(tc, rv_int(tcov.visited));
		rep_cell(tc, tcov.teachers ? rv_share((double)tcov.visited / tcov.teachers) : rv_null());
		rep_cell(tc, rv_int(tcov.feedback));
		rep_cell(tc, rv_int(tcov.missed));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "listing teams");

	/* feedback talks due at the end of the period (the rule of visit_status_of) */
	td = rep_table_add(s, "feedback_due", L(S_VIS_DUE_TABLE), 6, dkeys, dlabels);
	if ((rc = store_prepare(b->db,
				"SELECT v.id, v.date, tm.name, t.name, o.name FROM visit v JOIN person t ON t.id = v.teacher_id "
				"JOIN person o ON o.id = v.observer_id LEFT JOIN team tm ON tm.id = v.team_id "
				"WHERE v.school_id = ?1 AND (?2 = 0 OR v.team_id = ?2) AND v.date <= ?4 AND ?3 <= ?4 "
				"AND v.recorded IS NOT NULL AND v.recorded <= ?4 "
				"AND (v.feedback_date IS NULL OR v.feedback_date > ?4) ORDER BY v.date, v.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day;
		if (date_parse((const char *)sqlite3_column_text(st, 1), &day, "date", NULL) ||
		    visit_status_of(1, 0, day, b->ro->to, VISIT_FEEDBACK_DAYS) != VISIT_FEEDBACK_DUE)
			continue;
		rep_cell(td, rv_int(sqlite3_column_int64(st, 0)));
		rep_cell(td, col_text(st, 1));
		rep_cell(td, col_text(st, 2));
		rep_cell(td, col_text(st, 3));
		rep_cell(td, col_text(st, 4));
		rep_cell(td, rv_int(b->ro->to - day));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading visits");
	s->figs[5].v = rv_int((int64_t)td->nrows);
	rep_section_note(s, L(S_VIS_RULE));
	if (!recorded && !td->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* Pupil arenas held or concluded in the period (the team's own and those of
 * the whole school), their outcomes and the three groups' top 3 side by side. */
static int section_arena(struct bctx *b)
{
	static const char *const akeys[] = { "arena", "date", "team", "theme", "pupil_group", "outcome", "outcome_date" };
	static const char *const tkeys[] = { "arena", "rank", "leerlingen", "leraren", "mt" };
	const char *alabels[] = { L(S_ARENA), L(S_DATE), L(S_TEAM), L(S_THEME), L(S_PUPIL_GROUP), L(S_OUTCOME),
				  L(S_DATE) };
	const char *tlabels[] = { L(S_ARENA), L(S_RANK), L(S_G_PUPILS), L(S_G_TEACHERS), L(S_G_MT) };
	struct rep_section *s = rep_section_add(b->r, "arena", L(S_SEC_ARENA));
	struct rep_table *ta, *tt;
	sqlite3_stmt *st;
	int64_t held = 0, outcomes = 0;
	int rc;

	rep_figure_add(s, "arenas", L(S_AR_HELD), rv_int(0));
	rep_figure_add(s, "outcomes", L(S_AR_OUTCOMES), rv_int(0));
	ta = rep_table_add(s, "arenas", L(S_AR_TABLE), 7, akeys, alabels);
	tt = rep_table_add(s, "top3", L(S_AR_TOP), 5, tkeys, tlabels);
	if ((rc = store_prepare(b->db,
				"SELECT a.id, a.day, tm.name, a.theme, a.pupil_group, a.outcome, a.outcome_day, "
				"a.day BETWEEN ?3 AND ?4, a.outcome_day BETWEEN ?3 AND ?4 FROM arena a "
				"LEFT JOIN team tm ON tm.id = a.team_id WHERE a.school_id = ?1 AND (?2 = 0 OR a.team_id = ?2 "
				"OR a.team_id IS NULL) AND (a.day BETWEEN ?3 AND ?4 OR a.outcome_day BETWEEN ?3 AND ?4) "
				"ORDER BY a.day, a.id", &st, b->err)))
		return rc;
	bind_scope(b, st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int has_outcome = sqlite3_column_int(st, 8);
		struct arena_toplist lists[ARENA_NGROUPS];
		held += sqlite3_column_int(st, 7);
		outcomes += has_outcome;
		rep_cell(ta, rv_int(id));
		rep_cell(ta, col_text(st, 1));
		rep_cell(ta, col_null(st, 2) ? rv_unknown(L(S_WHOLE_SCHOOL)) : col_text(st, 2));
		rep_cell(ta, col_text(st, 3));
		rep_cell(ta, col_text(st, 4));
		/* an outcome recorded after the period is not shown */
		rep_cell(ta, has_outcome ? col_text(st, 5) : rv_null());
		rep_cell(ta, has_outcome ? col_text(st, 6) : rv_null());
		for (int g = 0; g < ARENA_NGROUPS; g++)
			if ((rc = arena_toplist_load(b->db, id, g, 3, &lists[g], b->err))) {
				while (g-- > 0)
					arena_toplist_release(&lists[g]);
				sqlite3_finalize(st);
				return rc;
			}
		for (size_t i = 0; i < 3; i++) {
			if (i >= lists[0].n && i >= lists[1].n && i >= lists[2].n)
				break;
			rep_cell(tt, rv_int(id));
			rep_cell(tt, rv_int((int64_t)i + 1));
			for (int g = 0; g < ARENA_NGROUPS; g++) {
				if (i >= lists[g].n) {
					rep_cell(tt, rv_null());
					continue;
				}
				struct strbuf cell = STRBUF_INIT;
				strbuf_addf(&cell, "%s (%lld)", lists[g].items[i].text, (long long)lists[g].items[i].votes);
				rep_cell(tt, rv_text(strbuf_str(&cell)));
				strbuf_release(&cell);
			}
		}
		for (int g = 0; g < ARENA_NGROUPS; g++)
			arena_toplist_release(&lists[g]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading arenas");
	s->figs[0].v = rv_int(held);
	s->figs[1].v = rv_int(outcomes);
	if (!ta->nrows)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

/* One instrument in the survey section: its last wave in the period against
 * the wave before (survey_compare), or the one wave on its own
 * (survey_report), read from the rows those commands print; suppressed
 * values are null and drawn as "too few". */
struct sv_wave {
	int64_t survey;
	char *wave;
	int64_t team; /* the survey's team, 0 for the school */
};

/* The columns read from the rows, and from the head record. */
enum { SV_GROUP, SV_TITLE, SV_SUPP, SV_N1, SV_MEAN1, SV_N2, SV_MEAN2, SV_CHANGE, SV_D, SV_NCOLS };
static const char *const sv_compare_cols[SV_NCOLS] = { "group", "title", "suppressed", "n_1", "mean_1",
						       "n_2", "mean_2", "change", "cohen_d" };
static const char *const sv_report_cols[SV_NCOLS] = { "group", "title", "suppressed", "", "", "n", "mean", "", "" };
enum { SVH_MIN_N, SVH_TEAM, SVH_POLICY, SVH_NCOLS };
static const char *const sv_head_cols[SVH_NCOLS] = { "min_n", "team", "min_n_policy" };

struct sv_one {
	const char *code;
	const struct sv_wave *w1, *w2;
	struct survey_instrument in;
	int lo, hi;
	struct out_capture cap;
	const struct out_block *head, *rows;
	int col[SV_NCOLS], hcol[SVH_NCOLS];
	const char **cats;
	double *vals;
	size_t n;
	int64_t nmax;
	char team_name[256];
};

static const struct out_cell *sv_cell(const struct sv_one *v, size_t row, int c)
{
	return out_block_cell(v->rows, row, v->col[c]);
}

static double sv_num(const struct sv_one *v, size_t row, int c)
{
	return out_cell_num(sv_cell(v, row, c));
}

static struct rv sv_int(const struct sv_one *v, size_t row, int c)
{
	double d = sv_num(v, row, c);
	return isnan(d) ? rv_null() : rv_int((int64_t)d);
}

/* The figures of the waves, captured as the survey commands write them. */
static int sv_capture(struct bctx *b, struct sv_one *v)
{
	const struct sv_wave *w1 = v->w1, *w2 = v->w2;
	struct out o;
	int rc;

	out_capture_init(&o, &v->cap);
	if (w1)
		rc = survey_compare(b->db, b->ro->school, v->code, w1->wave, w2->wave,
				    b->ro->team ? b->ro->team : w2->team, 0, NULL, &o, b->err);
	else
		rc = survey_report(b->db, w2->survey, b->ro->team && !w2->team ? SURVEY_BY_TEAM : SURVEY_BY_SCALE, 0,
				   NULL, &o, b->err);
	out_release(&o);
	if (rc)
		return rc;
	v->head = out_capture_block(&v->cap, w1 ? "compare" : "survey");
	v->rows = out_capture_block(&v->cap, w1 ? "scales" : "results");
	out_block_cols(v->rows, w1 ? sv_compare_cols : sv_report_cols, v->col, SV_NCOLS);
	out_block_cols(v->head, sv_head_cols, v->hcol, SVH_NCOLS);
	if (!v->head || !v->rows)
		return beter_err_set(b->err, BETER_IOERR, "reading the survey figures");
	return 0;
}

/* The team's name, for a team report of one wave (its group in the rows). */
static int sv_team_name(struct bctx *b, struct sv_one *v)
{
	sqlite3_stmt *q;
	int rc;

	if (!b->ro->team || v->w1)
		return 0;
	if ((rc = store_prepare(b->db, "SELECT name FROM team WHERE id = ?1", &q, b->err)))
		return rc;
	sqlite3_bind_int64(q, 1, b->ro->team);
	if (store_next(b->db, q, &rc, "reading the team", b->err))
		snprintf(v->team_name, sizeof(v->team_name), "%s", store_col(q, 0));
	sqlite3_finalize(q);
	return rc;
}

/* One row of the table and one category of the chart. */
static void sv_row(struct bctx *b, struct rep_table *t, struct sv_one *v, size_t r)
{
	const struct sv_wave *w1 = v->w1;
	int hidden = out_cell_true(sv_cell(v, r, SV_SUPP));
	const char *title = out_cell_text(sv_cell(v, r, SV_TITLE));
	size_t n = v->n;

	v->cats[n] = title;
	rep_cell(t, rv_text(v->in.title));
	rep_cell(t, rv_text(title));
	if (w1) {
		rep_cell(t, rv_text(w1->wave));
		rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : sv_int(v, r, SV_N1));
		rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : rv_realp(sv_num(v, r, SV_MEAN1), 2));
	} else {
		/* one wave: it fills the columns of the second */
		for (int i = 0; i < 3; i++)
			rep_cell(t, rv_null());
	}
	rep_cell(t, rv_text(v->w2->wave));
	rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : sv_int(v, r, SV_N2));
	rep_cell(t, hidden ? rv_unknown(L(S_SUPPRESSED)) : rv_realp(sv_num(v, r, SV_MEAN2), 2));
	rep_cell(t, w1 && !hidden ? rv_realp(sv_num(v, r, SV_CHANGE), 2) : rv_null());
	rep_cell(t, w1 && !hidden ? rv_realp(sv_num(v, r, SV_D), 2) : rv_null());
	if (w1) {
		v->vals[n * 2] = hidden ? NAN : round_to(sv_num(v, r, SV_MEAN1), 2);
		v->vals[n * 2 + 1] = hidden ? NAN : round_to(sv_num(v, r, SV_MEAN2), 2);
	} else
		v->vals[n] = hidden ? NAN : round_to(sv_num(v, r, SV_MEAN2), 2);
	if (!hidden) {
		double m = sv_num(v, r, SV_N2);
		if (!isnan(m) && (int64_t)m > v->nmax)
			v->nmax = (int64_t)m;
	}
	v->n++;
}

/* The bar chart of the instrument's scales. */
static void sv_chart(struct bctx *b, struct rep_section *s, struct sv_one *v)
{
	const struct sv_wave *w1 = v->w1, *w2 = v->w2;
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	const char *groups[2] = { w1 ? w1->wave : w2->wave, w2->wave };
	char key[128];
	double min_n = out_cell_num(out_block_cell(v->head, 0, v->hcol[SVH_MIN_N]));
	const char *policy = out_cell_text(out_block_cell(v->head, 0, v->hcol[SVH_POLICY]));

	strbuf_adds(&title, v->in.title);
	if (w2->team && !b->ro->team) {
		const char *tn = out_cell_text(out_block_cell(v->head, 0, v->hcol[SVH_TEAM]));
		if (tn)
			strbuf_addf(&title, " (%s)", tn);
	}
	if (w1)
		strbuf_addf(&title, ": %s %s %s", w1->wave, L(S_AGAINST), w2->wave);
	else
		strbuf_addf(&title, ": %s", w2->wave);
	strbuf_addf(&desc, L(S_SV_DESC), v->lo, v->hi, (long long)(int64_t)min_n);
	if (policy) /* a minimum the school set is said with every figure it lets through */
		strbuf_addf(&desc, " (%s)", policy);
	if (w2->team)
		snprintf(key, sizeof(key), "survey-%s-team-%lld", v->code, (long long)w2->team);
	else
		snprintf(key, sizeof(key), "survey-%s", v->code);
	struct rep_chart *ch = rep_chart_add(s, REP_CHART_BARS, key, strbuf_str(&title), strbuf_str(&desc), v->n,
					     v->cats, w1 ? 2 : 1, w1 ? groups : groups + 1, v->vals, v->lo, v->hi);
	ch->prec = 2;
	strbuf_release(&title);
	strbuf_release(&desc);
}

static int survey_one(struct bctx *b, struct rep_section *s, struct rep_table *t, const char *code,
		      const struct sv_wave *w1, const struct sv_wave *w2, int64_t *respondents)
{
	struct sv_one v;
	int64_t iid;
	int rc;

	memset(&v, 0, sizeof(v));
	v.code = code;
	v.w1 = w1;
	v.w2 = w2;
	v.lo = 1;
	v.hi = 5;
	if ((rc = survey_instrument_get(b->db, code, 0, &v.in, &iid, b->err)))
		return rc;
	if (v.in.nscales && v.in.nlikert) {
		v.lo = v.in.likert[v.in.scales[0].likert].lo;
		v.hi = v.in.likert[v.in.scales[0].likert].hi;
	}
	if (!(rc = sv_capture(b, &v)) && !(rc = sv_team_name(b, &v))) {
		v.cats = xcalloc(v.rows->nrows + 1, sizeof(*v.cats));
		v.vals = xcalloc((v.rows->nrows + 1) * 2, sizeof(*v.vals));
		for (size_t r = 0; r < v.rows->nrows; r++) {
			const char *group = out_cell_text(sv_cell(&v, r, SV_GROUP));
			/* survey_report: the scope's own rows only (the total, or the team's group) */
			if (!w1 && group && strcmp(group, b->ro->team && !w2->team ? v.team_name : "totaal"))
				continue;
			sv_row(b, t, &v, r);
		}
		*respondents += v.nmax;
		if (v.n)
			sv_chart(b, s, &v);
	}
	free(v.cats);
	free(v.vals);
	out_capture_release(&v.cap);
	survey_instrument_release(&v.in);
	return rc;
}

/* Survey scales, wave against wave (a bar chart), with the suppression of
 * small groups of lib/survey.c applied: per instrument with a wave in the
 * period (its day: closes, else opens, else created), that wave against the
 * one before. A team report counts that team's respondents; per-team figures
 * of the whole school are left to 'beter survey report --by team', which
 * also hides groups that could be worked out from the total. */
static int section_surveys(struct bctx *b)
{
	static const char *const keys[] = { "instrument", "scale", "wave_1", "n_1", "mean_1", "wave_2", "n_2", "mean_2",
					    "change", "cohen_d" };
	const char *labels[] = { L(S_INSTRUMENT), L(S_SCALE), L(S_WAVE1), "n 1", L(S_MEAN1), L(S_WAVE2), "n 2",
				 L(S_MEAN2), L(S_CHANGE), L(S_COHEN) };
	struct rep_section *s = rep_section_add(b->r, "surveys", L(S_SEC_SURVEYS));
	struct rep_table *t;
	sqlite3_stmt *st;
	int64_t instruments = 0, respondents = 0;
	int rc;

	rep_figure_add(s, "instruments", L(S_SV_INSTRUMENTS), rv_int(0));
	t = rep_table_add(s, "scales", L(S_SV_TABLE), 10, keys, labels);
	/* the instruments with a wave in the period, and their last two waves up to its end */
	if ((rc = store_prepare(b->db,
				"WITH w AS (SELECT s.id, i.code, s.wave, coalesce(s.team_id, 0) AS team, "
				"coalesce(s.closes, s.opens, substr(s.created, 1, 10)) AS day FROM survey s "
				"JOIN survey_instrument i ON i.id = s.instrument_id WHERE s.school_id = ?1 "
				"AND (?2 = 0 OR s.team_id IS NULL OR s.team_id = ?2) AND i.kind <> 'feedback360' AND "
				"coalesce(s.closes, s.opens, substr(s.created, 1, 10)) <= ?4) "
				"SELECT code, id, wave, team FROM (SELECT w.*, row_number() OVER (PARTITION BY code, team "
				"ORDER BY day DESC, id DESC) AS k FROM w WHERE (code, team) IN (SELECT code, team FROM w "
				"WHERE day >= ?3)) WHERE k <= 2 ORDER BY code, team, k DESC", &st, b->err)))
		return rc;
	bind_scope(b, st);
	{
		struct sv_wave prev = { 0, NULL, 0 };
		char *prev_code = NULL;
		int more = 1;
		while (more) {
			struct sv_wave cur = { 0, NULL, 0 };
			char *code = NULL;
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW) {
				code = xstrdup((const char *)sqlite3_column_text(st, 0));
				cur.survey = sqlite3_column_int64(st, 1);
				cur.wave = xstrdup((const char *)sqlite3_column_text(st, 2));
				cur.team = sqlite3_column_int64(st, 3);
			} else
				more = 0;
			/* a new instrument (or the end): the previous one is complete */
			if (prev_code && (!code || strcmp(code, prev_code) || cur.team != prev.team)) {
				int r2 = survey_one(b, s, t, prev_code, NULL, &prev, &respondents);
				instruments++;
				free(prev.wave);
				free(prev_code);
				prev.wave = NULL;
				prev_code = NULL;
				if (r2) {
					free(code);
					free(cur.wave);
					sqlite3_finalize(st);
					return r2;
				}
			} else if (prev_code) {
				/* two waves: the earlier first */
				int r2 = survey_one(b, s, t, prev_code, &prev, &cur, &respondents);
				instruments++;
				free(prev.wave);
				free(prev_code);
				free(code);
				free(cur.wave);
				prev.wave = NULL;
				prev_code = NULL;
				if (r2) {
					sqlite3_finalize(st);
					return r2;
				}
				continue;
			}
			prev_code = code;
			prev = cur;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(b->db, rc, b->err, "reading surveys");
	s->figs[0].v = rv_int(instruments);
	/* respondents are counted per scale in the table: a sum over instruments
	 * would add teachers and pupils */
	(void)respondents;
	rep_section_note(s, L(S_SV_RULE));
	if ((rc = store_prepare(b->db, "SELECT count(*) FROM survey s JOIN survey_instrument i ON i.id = s.instrument_id "
				       "WHERE s.school_id = ?1 AND (?2 = 0 OR s.team_id IS NULL OR s.team_id = ?2) AND "
				       "i.kind = 'feedback360' AND coalesce(s.closes, s.opens, substr(s.created, 1, 10)) "
				       "BETWEEN ?3 AND ?4", &st, b->err)))
		return rc;
	bind_scope(b, st);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) > 0) {
		/* sealed: never read here, not even with the key */
		struct strbuf sb = STRBUF_INIT;
		strbuf_addf(&sb, "%s %s", L(S_SV_RULE), L(S_SV_SEALED));
		rep_section_note(s, sb.buf);
		strbuf_release(&sb);
	}
	sqlite3_finalize(st);
	if (!instruments)
		rep_section_empty(s, L(S_NO_DATA));
	return 0;
}

static void format_stamp(int64_t now, char *buf, size_t size)
{
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm); /* ISO 8601 */
}

static int report_build_snapshot(sqlite3 *db, const struct report_opts *ro, struct report *r, struct beter_err *err);

/* Every figure of a report comes from one snapshot of the store, so a
 * report made while someone records a session never mixes two states. */
int report_build(sqlite3 *db, const struct report_opts *ro, struct report *r, struct beter_err *err)
{
	int began, rc;

	memset(r, 0, sizeof(*r));
	if ((rc = store_read_begin(db, &began, err)))
		return rc;
	rc = report_build_snapshot(db, ro, r, err);
	store_read_end(db, began);
	return rc;
}

static int report_build_snapshot(sqlite3 *db, const struct report_opts *ro, struct report *r, struct beter_err *err)
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
