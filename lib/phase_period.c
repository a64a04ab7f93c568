/* phase_period.c - the three conditions per team over one improvement
 * period: ambition (on the board and checked in the period's
 * retrospective), rhythm (board sessions, lesson designs given, lesson
 * visits) and the retrospective held. */
#include "phase_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

/* What the period holds for one team. */
struct team_period {
	struct phase_conditions pc; /* ambition on the board, rhythm */
	int checked;                /* the retrospective checked the ambition */
	int retro;                  /* the team held its retrospective */
	char reached[8];            /* its goal reached: ja, deels, nee */
	int64_t designs, visits, talks;
};

/* One count of the team's records over [f, t] (sql binds ?1 team, ?2 f, ?3 t). */
static int count_of(struct store *db, const char *sql, int64_t team, const char *f, const char *t, int64_t *n,
		    struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*n = 0;
	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_text(st, 2, f);
	store_bind_text(st, 3, t);
	if (store_next(db, st, &rc, N_("counting the records of the period"), err))
		*n = store_col_int(st, 0);
	store_finalize(st);
	return rc;
}

/* a visit of the team: tied to it, or (tied to no team) of one of its teachers */
#define VISIT_OF_TEAM \
	"(v.team_id = ?1 OR (v.team_id IS NULL AND EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = ?1 AND " \
	"m.person_id = v.teacher_id))) AND v.cancelled IS NULL"

static int team_period(struct store *db, int64_t school, int64_t period, int64_t team, int from, int to,
		       struct team_period *tp, struct beter_err *err)
{
	struct store_stmt *st;
	char f[11], t[11];
	int rc;

	memset(tp, 0, sizeof(*tp));
	if ((rc = phase_conditions(db, school, team, from, to, &tp->pc, err)))
		return rc;
	date_format(from, f);
	date_format(to, t);
	if ((rc = count_of(db, "SELECT count(DISTINCT d.id) FROM design d JOIN design_day x ON x.design_id = d.id "
			       "WHERE d.team_id = ?1 AND x.date BETWEEN ?2 AND ?3", team, f, t, &tp->designs, err)) ||
	    (rc = count_of(db, "SELECT count(*) FROM visit v WHERE " VISIT_OF_TEAM
			       " AND v.recorded IS NOT NULL AND v.date BETWEEN ?2 AND ?3", team, f, t, &tp->visits, err)) ||
	    (rc = count_of(db, "SELECT count(*) FROM visit v WHERE " VISIT_OF_TEAM
			       " AND v.feedback_date BETWEEN ?2 AND ?3", team, f, t, &tp->talks, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT goal_reached, ambition IS NOT NULL AND trim(ambition) <> '' FROM period_retro "
				    "WHERE period_id = ?1 AND team_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, period);
	store_bind_int(st, 2, team);
	if (store_next(db, st, &rc, N_("reading the retrospectives"), err)) {
		tp->retro = 1;
		snprintf(tp->reached, sizeof(tp->reached), "%s", store_col(st, 0));
		tp->checked = (int)store_col_int(st, 1);
	}
	store_finalize(st);
	return rc;
}

/* goal_reached is stored as period retro takes it (ja, deels, nee) and so
 * written in JSON and CSV; an English table says yes, partly, no. */
static const char *reached_word(const struct out *o, const char *r)
{
	static const char *const nl[] = { "ja", "deels", "nee" }, *const en[] = { "yes", "partly", "no" };
	if (o->nl || (o->fmt != OUT_TABLE && o->fmt != OUT_HTML && o->fmt != OUT_MD))
		return r;
	for (int i = 0; i < 3; i++)
		if (!strcmp(r, nl[i]))
			return en[i];
	return r;
}

static const struct out_col pcond_cols[] = {
	{ N_("scope"), OUT_T_TEXT },           { N_("team"), OUT_T_TEXT },
	{ N_("ambition"), OUT_T_BOOL },        { N_("ambition_on_board"), OUT_T_BOOL },
	{ N_("ambition_checked"), OUT_T_BOOL }, { N_("rhythm"), OUT_T_REAL },
	{ N_("school_weeks"), OUT_T_INT },     { N_("weeks_with_session"), OUT_T_INT },
	{ N_("designs"), OUT_T_INT },          { N_("visits"), OUT_T_INT },
	{ N_("feedback_talks"), OUT_T_INT },   { N_("retrospective"), OUT_T_BOOL },
	{ N_("goal_reached"), OUT_T_TEXT },    { N_("teams_with_ambition"), OUT_T_INT },
	{ N_("teams_with_retrospective"), OUT_T_INT }, { N_("teacher_teams"), OUT_T_INT },
};
#define NPCOND (sizeof(pcond_cols) / sizeof(*pcond_cols))

static const struct out_col period_cols[] = {
	{ N_("period"), OUT_T_INT }, { N_("theme"), OUT_T_TEXT },  { N_("from"), OUT_T_DATE },
	{ N_("to"), OUT_T_DATE },    { N_("status"), OUT_T_TEXT }, { N_("counted_to"), OUT_T_DATE },
};
#define NPERIOD (sizeof(period_cols) / sizeof(*period_cols))

static const struct out_col doc_cols[] = {
	{ N_("period"), OUT_T_INT },           { N_("theme"), OUT_T_TEXT },
	{ N_("from"), OUT_T_DATE },            { N_("to"), OUT_T_DATE },
	{ N_("status"), OUT_T_TEXT },          { N_("counted_to"), OUT_T_DATE },
	{ N_("scope"), OUT_T_TEXT },           { N_("team"), OUT_T_TEXT },
	{ N_("ambition"), OUT_T_BOOL },        { N_("ambition_on_board"), OUT_T_BOOL },
	{ N_("ambition_checked"), OUT_T_BOOL }, { N_("rhythm"), OUT_T_REAL },
	{ N_("school_weeks"), OUT_T_INT },     { N_("weeks_with_session"), OUT_T_INT },
	{ N_("designs"), OUT_T_INT },          { N_("visits"), OUT_T_INT },
	{ N_("feedback_talks"), OUT_T_INT },   { N_("retrospective"), OUT_T_BOOL },
	{ N_("goal_reached"), OUT_T_TEXT },    { N_("teams_with_ambition"), OUT_T_INT },
	{ N_("teams_with_retrospective"), OUT_T_INT }, { N_("teacher_teams"), OUT_T_INT },
};
#define NDOC (sizeof(doc_cols) / sizeof(*doc_cols))

static void rhythm_cells(struct out *o, const struct phase_conditions *pc)
{
	out_real(o, isnan(pc->rhythm) ? NAN : round(pc->rhythm * 1000) / 1000);
	if (isnan(pc->rhythm)) {
		out_null(o);
		out_null(o);
	} else {
		out_int(o, pc->rhythm_weeks);
		out_int(o, pc->rhythm_sessions);
	}
}

static void team_row(struct out *o, const char *name, const struct team_period *tp)
{
	out_text(o, "team");
	out_text(o, name);
	out_bool(o, tp->pc.ambition == 1 && tp->checked);
	out_bool(o, tp->pc.ambition == 1);
	out_bool(o, tp->checked);
	rhythm_cells(o, &tp->pc);
	out_int(o, tp->designs);
	out_int(o, tp->visits);
	out_int(o, tp->talks);
	out_bool(o, tp->retro);
	if (tp->retro)
		out_text(o, reached_word(o, tp->reached));
	else
		out_null(o);
	for (int i = 0; i < 3; i++)
		out_null(o);
	out_row_end(o);
}

/* The school: ambition and retrospective when every teacher team has them,
 * rhythm as phase_conditions() counts it for the school, the sums. */
struct school_sum {
	int64_t teams, ambition, retro, designs, visits, talks;
};

static void school_row(struct out *o, const struct school_sum *s, const struct phase_conditions *pc)
{
	out_text(o, "school");
	out_null(o);
	out_bool(o, s->teams && s->ambition == s->teams);
	out_null(o);
	out_null(o);
	rhythm_cells(o, pc);
	out_int(o, s->designs);
	out_int(o, s->visits);
	out_int(o, s->talks);
	out_bool(o, s->teams && s->retro == s->teams);
	out_null(o);
	out_int(o, s->ambition);
	out_int(o, s->retro);
	out_int(o, s->teams);
	out_row_end(o);
}

/* The period: its theme and dates (a candidate has none: BETER_FAIL). */
struct period_head {
	char theme[256], from[11], to[11];
	int closed;
};

static int period_read(struct store *db, int64_t period, struct period_head *h, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, dated = 0;

	memset(h, 0, sizeof(*h));
	if ((rc = store_prepare(db, "SELECT theme, from_date, to_date, closed IS NOT NULL FROM period WHERE id = ?1", &st,
				err)))
		return rc;
	store_bind_int(st, 1, period);
	if (store_next(db, st, &rc, N_("reading the periods"), err)) {
		snprintf(h->theme, sizeof(h->theme), "%s", store_col(st, 0));
		dated = !store_col_null(st, 1);
		snprintf(h->from, sizeof(h->from), "%s", dated ? store_col(st, 1) : "");
		snprintf(h->to, sizeof(h->to), "%s", dated ? store_col(st, 2) : "");
		h->closed = (int)store_col_int(st, 3);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if (!dated)
		return beter_err_set(err, BETER_FAIL,
				     _("period %lld '%s' is a candidate theme without dates: its conditions are counted "
				       "over its dates (the verbindingssessie before it gives them with --next-from and "
				       "--next-to)"),
				     (long long)period, h->theme);
	return 0;
}

/* The period's record; counted to its last day, never past today. */
static void period_record(struct out *o, int64_t period, const struct period_head *h, int from, int to, int today)
{
	char c[11];

	date_format(to, c);
	out_section(o, "period", _("Period"));
	out_record(o, period_cols, NPERIOD);
	out_int(o, period);
	out_text(o, h->theme);
	out_text(o, h->from);
	out_text(o, h->to);
	out_text(o, phase_word(o, h->closed ? N_("closed") : from > today ? N_("planned") : N_("running")));
	if (from > today)
		out_null(o);
	else
		out_text(o, c);
	out_end(o);
}

static int team_rows(struct store *db, int64_t school, int64_t period, int from, int to, struct out *o,
		     struct school_sum *sum, struct beter_err *err)
{
	struct store_stmt *st;
	struct team_period tp;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, name, kind = 'leraren' FROM team WHERE school_id = ?1 AND (kind = 'leraren' "
				    "OR EXISTS (SELECT 1 FROM board_session bs WHERE bs.team_id = team.id) OR "
				    "EXISTS (SELECT 1 FROM board_item bi WHERE bi.team_id = team.id) OR "
				    "EXISTS (SELECT 1 FROM period_retro pr WHERE pr.team_id = team.id AND pr.period_id = ?2)) "
				    "ORDER BY lower(name), id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, period);
	while (store_next(db, st, &rc, N_("listing teams"), err)) {
		if ((rc = team_period(db, school, period, store_col_int(st, 0), from, to, &tp, err)))
			break;
		team_row(o, store_col(st, 1), &tp);
		sum->designs += tp.designs;
		sum->visits += tp.visits;
		sum->talks += tp.talks;
		if (store_col_int(st, 2)) {
			sum->teams++;
			sum->ambition += tp.pc.ambition == 1 && tp.checked;
			sum->retro += tp.retro;
		}
	}
	store_finalize(st);
	return rc;
}

int phase_conditions_period(struct store *db, int64_t school, int64_t period, int today, struct out *o,
			    struct beter_err *err)
{
	struct period_head h;
	struct phase_conditions pc;
	struct school_sum sum = { 0 };
	int from, to, rc;

	if ((rc = period_read(db, period, &h, err)))
		return rc;
	from = date_of(h.from);
	to = date_of(h.to);
	if (to > today)
		to = today;
	out_doc_begin(o, doc_cols, NDOC);
	period_record(o, period, &h, from, to, today);
	out_section(o, "conditions", _("Conditions"));
	out_list(o, pcond_cols, NPCOND);
	if (!(rc = team_rows(db, school, period, from, to, o, &sum, err)) &&
	    !(rc = phase_conditions(db, school, PHASE_SCHOOL, from, to, &pc, err)))
		school_row(o, &sum, &pc);
	out_end(o);
	if (!rc)
		out_doc_end(o);
	return rc;
}
