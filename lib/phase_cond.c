/* phase_cond.c - the conditions of the improvement cycle: ambition,
 * rhythm of board sessions and retrospectives, per team and for the school. */
#include "phase_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

void phase_rhythm_weeks(int from, int to, const int *team_days, size_t nteam, const int *school_days,
			size_t nschool, int64_t *weeks, int64_t *with_session)
{
	*weeks = 0;
	*with_session = 0;
	if (from > to)
		return;
	/* the Mondays of the first and last weeks */
	int first = from - (date_weekday(from) - 1), last = to - (date_weekday(to) - 1);
	for (int mon = first; mon <= last; mon += 7) {
		int fri = mon + 4, y, m, d, team = 0, any = 0;
		/* a school week has at least one weekday in the period */
		if (fri < from || mon > to)
			continue;
		for (size_t i = 0; i < nteam; i++)
			team |= team_days[i] >= mon && team_days[i] < mon + 7 && team_days[i] >= from && team_days[i] <= to;
		for (size_t i = 0; i < nschool; i++)
			any |= school_days[i] >= mon && school_days[i] < mon + 7 && school_days[i] >= from &&
			       school_days[i] <= to;
		date_to_ymd(mon, &y, &m, &d);
		/* Monday to Friday within the summer holiday, with no session of any team */
		if (!any && !team && mon >= date_from_ymd(y, 7, 15) && fri <= date_from_ymd(y, 8, 31))
			continue;
		(*weeks)++;
		*with_session += team;
	}
}

/* The days of the board sessions of a team (team > 0) or of every team of
 * the school (team 0) in [from, to]. */
static int session_days(struct store *db, int64_t school, int64_t team, const char *from, const char *to, int **days,
			size_t *n, struct beter_err *err)
{
	struct store_stmt *st;
	size_t a = 0;
	int rc;

	*days = NULL;
	*n = 0;
	if ((rc = store_prepare(db,
				"SELECT DISTINCT s.date FROM board_session s JOIN team t ON t.id = s.team_id "
				"WHERE t.school_id = ?1 AND (?2 = 0 OR t.id = ?2) AND s.date BETWEEN ?3 AND ?4 ORDER BY s.date",
				&st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, team);
	store_bind_text(st, 3, from);
	store_bind_text(st, 4, to);
	while (store_next(db, st, &rc, "reading board sessions", err)) {
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

/* Ambition and rhythm from the improvement boards. A team has an ambition
 * when an item of the board's section 'ambitie' is on the board on the last
 * day of the period. Rhythm: see phase_rhythm_weeks(). The school: ambition
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
		if ((rc = session_days(db, school, team, f, t, &tdays, &nt, err)))
			goto out;
		phase_rhythm_weeks(from, to, tdays, nt, sdays, ns, &pc->rhythm_weeks, &pc->rhythm_sessions);
		if (pc->rhythm_weeks)
			pc->rhythm = (double)pc->rhythm_sessions / (double)pc->rhythm_weeks;
		if ((rc = store_prepare(db,
					"SELECT EXISTS (SELECT 1 FROM board_item WHERE team_id = ?1 AND section = 'ambitie' "
					"AND added <= ?2 AND (removed IS NULL OR removed > ?2))", &st, err)))
			goto out;
		store_bind_int(st, 1, team);
		store_bind_text(st, 2, t);
		if (store_next(db, st, &rc, "reading the ambition", err))
			pc->ambition = (int)store_col_int(st, 0);
		store_finalize(st);
		goto out;
	}
	/* the school: weeks with a session of any team, then the teacher teams */
	phase_rhythm_weeks(from, to, sdays, ns, sdays, ns, &pc->rhythm_weeks, &pc->rhythm_sessions);
	if ((rc = store_prepare(db, "SELECT id FROM team WHERE school_id = ?1 AND kind = 'leraren' ORDER BY id", &st, err)))
		goto out;
	store_bind_int(st, 1, school);
	{
		double sum = 0;
		int64_t known = 0;
		while (store_next(db, st, &rc, "listing teams", err)) {
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
	if (store_next(db, st, &rc, "counting retrospectives", err)) {
		pc->closed = store_col_int(st, 0);
		pc->with_retro = store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	pc->retrospective = pc->closed ? (double)pc->with_retro / (double)pc->closed : NAN;
	return 0;
}

static const struct out_col cond_cols[] = {
	{ N_("scope"), OUT_T_TEXT },         { N_("team"), OUT_T_TEXT },          { N_("ambition"), OUT_T_BOOL },     { N_("rhythm"), OUT_T_REAL },
	{ N_("school_weeks"), OUT_T_INT },   { N_("weeks_with_session"), OUT_T_INT }, { N_("retrospective"), OUT_T_REAL },
	{ N_("phases_closed"), OUT_T_INT },  { N_("with_retrospective"), OUT_T_INT }, { N_("teams_with_ambition"), OUT_T_INT },
	{ N_("teacher_teams"), OUT_T_INT },
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
				    "EXISTS (SELECT 1 FROM trajectory tr WHERE tr.team_id = team.id)) ORDER BY name, id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	out_list(o, cond_cols, sizeof(cond_cols) / sizeof(*cond_cols));
	while (store_next(db, st, &rc, "listing teams", err)) {
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
