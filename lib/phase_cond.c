/* phase_cond.c - the conditions of the improvement cycle: ambition,
 * rhythm of board sessions and retrospectives, per team and for the school. */
#include "phase_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/calendar.h"
#include "beter/date.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

void phase_rhythm_weeks(int from, int to, const int *team_days, size_t nteam, const int *school_days,
			size_t nschool, int64_t *weeks, int64_t *with_session)
{
	phase_rhythm_school_weeks(from, to, team_days, nteam, school_days, nschool, NULL, weeks, with_session);
}

/* Mark the weeks (from the Monday first) of the days in [from, to]. */
static void mark_weeks(unsigned char *w, int first, int from, int to, const int *days, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (days[i] >= from && days[i] <= to)
			w[(days[i] - (date_weekday(days[i]) - 1) - first) / 7] = 1;
}

/* One pass over the sessions, then one over the weeks: linear in history. */
void phase_rhythm_school_weeks(int from, int to, const int *team_days, size_t nteam, const int *school_days,
			       size_t nschool, const struct calendar *cal, int64_t *weeks, int64_t *with_session)
{
	*weeks = 0;
	*with_session = 0;
	if (from > to)
		return;
	/* the Mondays of the first and last weeks */
	int first = from - (date_weekday(from) - 1), last = to - (date_weekday(to) - 1);
	size_t nw = (size_t)((last - first) / 7 + 1);
	unsigned char *team = xcalloc(nw, 1), *any = xcalloc(nw, 1);

	mark_weeks(team, first, from, to, team_days, nteam);
	mark_weeks(any, first, from, to, school_days, nschool);
	for (size_t i = 0; i < nw; i++) {
		int mon = first + 7 * (int)i, fri = mon + 4, y, m, d, school = 0;
		/* a school week has at least one weekday in the period */
		if (fri < from || mon > to)
			continue;
		/* ... that is a school day (the calendar's holidays and days off) */
		for (int day = mon < from ? from : mon; day <= fri && day <= to && !school; day++)
			school = calendar_school_day(cal, day);
		date_to_ymd(mon, &y, &m, &d);
		/* a week with the team's session counts; a week of days off does not;
		 * Monday to Friday within the summer holiday, with no session of any
		 * team, does not either (for a school without a calendar) */
		if (!team[i] && (!school || (!any[i] && mon >= date_from_ymd(y, 7, 15) && fri <= date_from_ymd(y, 8, 31))))
			continue;
		(*weeks)++;
		*with_session += team[i];
	}
	free(team);
	free(any);
}

/* The days of the board sessions of a team (team > 0) or of every team of
 * the school (team 0) in [from, to]. */
static int days_of(struct store *db, const char *sql, const char *what, int64_t school, int64_t team, const char *from,
		   const char *to, int **days, size_t *n, struct beter_err *err);

static int session_days(struct store *db, int64_t school, int64_t team, const char *from, const char *to, int **days,
			size_t *n, struct beter_err *err)
{
	return days_of(db, "SELECT DISTINCT s.date FROM board_session s JOIN team t ON t.id = s.team_id "
			   "WHERE t.school_id = ?1 AND (?2 = 0 OR t.id = ?2) AND s.date BETWEEN ?3 AND ?4 ORDER BY s.date",
		       "reading board sessions", school, team, from, to, days, n, err);
}

/* The days a lesson from a lesson design (gezamenlijk lesontwerp) of a team
 * (team > 0) or of any team of the school (team 0) was given in [from, to]. */
static int design_days(struct store *db, int64_t school, int64_t team, const char *from, const char *to, int **days,
		       size_t *n, struct beter_err *err)
{
	return days_of(db, "SELECT DISTINCT x.date FROM design_day x JOIN design d ON d.id = x.design_id "
			   "WHERE d.school_id = ?1 AND (?2 = 0 OR d.team_id = ?2) AND x.date BETWEEN ?3 AND ?4 ORDER BY x.date",
		       "reading the days of lesson designs", school, team, from, to, days, n, err);
}

static int days_of(struct store *db, const char *sql, const char *what, int64_t school, int64_t team, const char *from,
		   const char *to, int **days, size_t *n, struct beter_err *err)
{
	struct store_stmt *st;
	size_t a = 0;
	int rc;

	*days = NULL;
	*n = 0;
	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	store_bind_text(st, 3, from);
	store_bind_text(st, 4, to);
	while (store_next(db, st, &rc, what, err)) {
		int d;
		if (date_parse(store_col(st, 0), &d, "date", NULL))
			continue;
		if (*n == a)
			*days = xrealloc(*days, (a = a ? 2 * a : 32) * sizeof(**days));
		(*days)[(*n)++] = d;
	}
	store_finalize(st);
	if (rc) {
		free(*days);
		*days = NULL;
		return rc;
	}
	return 0;
}

/* The day a team's rhythm counts from: its start (team edit --start), else
 * its first board session; for the school (team 0) the earliest of its
 * teams'. 0 when there is none. */
static int rhythm_start(struct store *db, int64_t school, int64_t team, int *start, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*start = 0;
	if ((rc = store_prepare(db, "SELECT min(coalesce(t.start, (SELECT min(s.date) FROM board_session s "
				    "WHERE s.team_id = t.id))) FROM team t WHERE t.school_id = ?1 AND (?2 = 0 OR t.id = ?2)",
				&st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	if (store_next(db, st, &rc, N_("reading the team's start"), err))
		*start = date_of(store_col(st, 0));
	store_finalize(st);
	return rc;
}

/* Rhythm over [from, to] from the team's start, never past today, over the
 * school weeks of the calendar. Leaves pc->rhythm NaN when the team has no
 * start (no session and no --start) or no school week was counted. */
static int rhythm(struct store *db, int64_t school, int64_t team, int from, int to, const int *tdays, size_t nt,
		  const int *sdays, size_t ns, struct phase_conditions *pc, struct beter_err *err)
{
	struct calendar cal;
	int start, today = date_today(), rc;

	if ((rc = rhythm_start(db, school, team == PHASE_SCHOOL ? 0 : team, &start, err)))
		return rc;
	if (!start)
		return 0;
	if (from < start)
		from = start;
	if (to > today)
		to = today;
	if (from > to)
		return 0;
	if ((rc = calendar_load(db, school, from, to, &cal, err)))
		return rc;
	phase_rhythm_school_weeks(from, to, tdays, nt, sdays, ns, &cal, &pc->rhythm_weeks, &pc->rhythm_sessions);
	calendar_release(&cal);
	if (pc->rhythm_weeks && team != PHASE_SCHOOL)
		pc->rhythm = (double)pc->rhythm_sessions / (double)pc->rhythm_weeks;
	return 0;
}

/* Ambition and rhythm from the improvement boards. A team has an ambition
 * when an item of the board's section 'ambitie' is on the board on the last
 * day of the period. Rhythm: see rhythm(). The school: ambition
 * set when every teacher team has one (ambition_teams of teams), rhythm the
 * mean of the teacher teams' rhythms, weeks with a session of any team. */
static int board_conditions(struct store *db, int64_t school, int64_t team, int from, int to,
			    struct phase_conditions *pc,
			    struct beter_err *err)
{
	char f[11], t[11];
	int *sdays = NULL, *tdays = NULL;
	size_t ns = 0, nt = 0;
	struct store_stmt *st;
	int rc;

	pc->ambition = -1;
	pc->rhythm = NAN;
	pc->rhythm_weeks = 0;
	pc->rhythm_sessions = 0;
	pc->ambition_teams = 0;
	pc->teams = 0;
	date_format(from, f);
	date_format(to, t);
	if ((rc = session_days(db, school, 0, f, t, &sdays, &ns, err)))
		return rc;
	if (team != PHASE_SCHOOL) {
		if ((rc = session_days(db, school, team, f, t, &tdays, &nt, err)) ||
		    (rc = rhythm(db, school, team, from, to, tdays, nt, sdays, ns, pc, err)))
			goto out;
		if ((rc = store_prepare(db,
					"SELECT EXISTS (SELECT 1 FROM board_item WHERE team_id = ?1 AND section = 'ambitie' "
					"AND added <= ?2 AND (removed IS NULL OR removed > ?2))", &st, err)))
			goto out;
		store_bind_int(st, 1, team);
		store_bind_text(st, 2, t);
		if (store_next(db, st, &rc, N_("reading the ambition"), err))
			pc->ambition = (int)store_col_int(st, 0);
		store_finalize(st);
		goto out;
	}
	/* the school: weeks with a session of any team, then the teacher teams */
	if ((rc = rhythm(db, school, team, from, to, sdays, ns, sdays, ns, pc, err)))
		goto out;
	if ((rc = store_prepare(db, "SELECT id FROM team WHERE school_id = ?1 AND kind = 'leraren' ORDER BY id", &st, err)))
		goto out;
	store_bind_int(st, 1, school);
	{
		double sum = 0;
		int64_t known = 0;
		while (store_next(db, st, &rc, N_("listing teams"), err)) {
			struct phase_conditions tc;
			memset(&tc, 0, sizeof(tc));
			int r2 = board_conditions(db, school, store_col_int(st, 0), from, to, &tc, err);
			if (r2) {
				store_finalize(st);
				rc = r2;
				goto out;
			}
			pc->teams++;
			pc->ambition_teams += tc.ambition == 1;
			if (!isnan(tc.rhythm)) {
				sum += tc.rhythm;
				known++;
			}
		}
		store_finalize(st);
		if (rc)
			goto out;
		if (pc->teams)
			pc->ambition = pc->ambition_teams == pc->teams;
		if (known)
			pc->rhythm = sum / (double)known;
	}
out:
	free(sdays);
	free(tdays);
	return rc;
}

/* The rhythm of gezamenlijk lesontwerp: the school weeks (as rhythm()
 * counts them: from the team's start, never past today, over the school
 * weeks of the calendar) with a lesson given from a design of the team, or
 * of any team for the school. */
static int design_rhythm(struct store *db, int64_t school, int64_t team, int from, int to, struct phase_conditions *pc,
			 struct beter_err *err)
{
	char f[11], t[11];
	int *sdays = NULL, *ddays = NULL;
	size_t ns = 0, nd = 0;
	int64_t weeks = 0;
	int start, today = date_today(), rc;
	struct calendar cal;

	pc->design_rhythm = NAN;
	pc->design_weeks = 0;
	if ((rc = rhythm_start(db, school, team == PHASE_SCHOOL ? 0 : team, &start, err)) || !start)
		return rc;
	if (from < start)
		from = start;
	if (to > today)
		to = today;
	if (from > to)
		return 0;
	date_format(from, f);
	date_format(to, t);
	if (!(rc = session_days(db, school, 0, f, t, &sdays, &ns, err)) &&
	    !(rc = design_days(db, school, team == PHASE_SCHOOL ? 0 : team, f, t, &ddays, &nd, err)) &&
	    !(rc = calendar_load(db, school, from, to, &cal, err))) {
		phase_rhythm_school_weeks(from, to, ddays, nd, sdays, ns, &cal, &weeks, &pc->design_weeks);
		calendar_release(&cal);
		if (weeks)
			pc->design_rhythm = (double)pc->design_weeks / (double)weeks;
	}
	free(sdays);
	free(ddays);
	return rc;
}

int phase_conditions(struct store *db, int64_t school, int64_t team, int from, int to, struct phase_conditions *pc,
		     struct beter_err *err)
{
	struct store_stmt *st;
	char f[11], t[11];
	int rc;

	memset(pc, 0, sizeof(*pc));
	if ((rc = board_conditions(db, school, team, from, to, pc, err)))
		return rc;
	if ((rc = store_prepare(db,
				"SELECT count(*), count(*) FILTER (WHERE p.went_well IS NOT NULL) "
				"FROM trajectory t JOIN trajectory_phase p ON p.trajectory_id = t.id "
				"WHERE t.school_id = ?1 AND ((?2 = 0 AND t.team_id IS NULL) OR t.team_id = ?2) "
				"AND p.status = 'closed' AND p.closed BETWEEN ?3 AND ?4", &st, err)))
		return rc;
	date_format(from, f);
	date_format(to, t);
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	store_bind_text(st, 3, f);
	store_bind_text(st, 4, t);
	if (store_next(db, st, &rc, N_("counting retrospectives"), err)) {
		pc->closed = store_col_int(st, 0);
		pc->with_retro = store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	pc->retrospective = pc->closed ? (double)pc->with_retro / (double)pc->closed : NAN;
	return design_rhythm(db, school, team, from, to, pc, err);
}

static const struct out_col cond_cols[] = {
	{ N_("scope"), OUT_T_TEXT },         { N_("team"), OUT_T_TEXT },          { N_("ambition"), OUT_T_BOOL },     { N_("rhythm"), OUT_T_REAL },
	{ N_("school_weeks"), OUT_T_INT },   { N_("weeks_with_session"), OUT_T_INT }, { N_("retrospective"), OUT_T_REAL },
	{ N_("phases_closed"), OUT_T_INT },  { N_("with_retrospective"), OUT_T_INT }, { N_("teams_with_ambition"), OUT_T_INT },
	{ N_("teacher_teams"), OUT_T_INT },  { N_("design_rhythm"), OUT_T_REAL }, { N_("weeks_with_design"), OUT_T_INT },
};

static void cond_row(struct out *o, const char *team, const struct phase_conditions *pc)
{
	out_text(o, team ? "team" : "school");
	out_text(o, team);
	if (pc->ambition < 0)
		out_null(o);
	else
		out_bool(o, pc->ambition);
	out_real(o, isnan(pc->rhythm) ? NAN : round(pc->rhythm * 1000) / 1000);
	if (isnan(pc->rhythm)) {
		out_null(o);
		out_null(o);
	} else {
		out_int(o, pc->rhythm_weeks);
		out_int(o, pc->rhythm_sessions);
	}
	out_real(o, isnan(pc->retrospective) ? NAN : round(pc->retrospective * 1000) / 1000);
	out_int(o, pc->closed);
	out_int(o, pc->with_retro);
	if (team) {
		out_null(o);
		out_null(o);
	} else {
		out_int(o, pc->ambition_teams);
		out_int(o, pc->teams);
	}
	out_real(o, isnan(pc->design_rhythm) ? NAN : round(pc->design_rhythm * 1000) / 1000);
	if (isnan(pc->design_rhythm))
		out_null(o);
	else
		out_int(o, pc->design_weeks);
	out_row_end(o);
}

int phase_conditions_list(struct store *db, int64_t school, int from, int to, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct phase_conditions pc;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, name FROM team WHERE school_id = ?1 AND (kind = 'leraren' OR "
				    "EXISTS (SELECT 1 FROM board_session bs WHERE bs.team_id = team.id) OR "
				    "EXISTS (SELECT 1 FROM board_item bi WHERE bi.team_id = team.id) OR "
				    "EXISTS (SELECT 1 FROM trajectory tr WHERE tr.team_id = team.id)) ORDER BY lower(name), id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	out_list(o, cond_cols, sizeof(cond_cols) / sizeof(*cond_cols));
	while (store_next(db, st, &rc, N_("listing teams"), err)) {
		int r2 = phase_conditions(db, school, store_col_int(st, 0), from, to, &pc, err);
		if (r2) {
			store_finalize(st);
			out_end(o);
			return r2;
		}
		cond_row(o, store_col(st, 1), &pc);
	}
	store_finalize(st);
	if (rc) {
		out_end(o);
		return rc;
	}
	if ((rc = phase_conditions(db, school, PHASE_SCHOOL, from, to, &pc, err))) {
		out_end(o);
		return rc;
	}
	cond_row(o, NULL, &pc);
	out_end(o);
	return 0;
}
