#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "beter/board.h"
#include "beter/calendar.h"
#include "beter/date.h"
#include "beter/person.h"
#include "beter/phase.h"
#include "beter/team.h"
#include "beter/store_sqlite.h"

static int day(const char *s)
{
	int d = 0;
	struct beter_err err = { 0 };
	assert_int_equal(date_parse(s, &d, "day", &err), 0);
	return d;
}

static void weeks(const char *from, const char *to, const int *team, size_t nteam, const int *school, size_t nschool,
		  int64_t want_weeks, int64_t want_with)
{
	int64_t w = -1, s = -1;
	phase_rhythm_weeks(day(from), day(to), team, nteam, school, nschool, &w, &s);
	assert_int_equal(w, want_weeks);
	assert_int_equal(s, want_with);
}

/* School weeks: every week with a weekday in the period, less summer weeks
 * without any session. */
static void test_rhythm_weeks(void **state)
{
	(void)state;
	/* 1 Aug (Saturday) - 20 Nov 2026: 16 weeks with a weekday, of which the
	 * weeks of 3, 10, 17 and 24 August lie in the summer holiday */
	weeks("2026-08-01", "2026-11-20", NULL, 0, NULL, 0, 12, 0);
	/* a session of another team on 25 August makes that week a school week */
	int other[] = { day("2026-08-25") };
	weeks("2026-08-01", "2026-11-20", NULL, 0, other, 1, 13, 0);
	/* the team's own sessions: two in one week count once; weekend days count
	 * for their week */
	int team[] = { day("2026-09-14"), day("2026-09-16"), day("2026-09-26"), day("2026-11-21") };
	int all[] = { day("2026-09-14"), day("2026-09-16"), day("2026-09-26"), day("2026-11-21"), day("2026-08-25") };
	weeks("2026-08-01", "2026-11-20", team, 4, all, 5, 13, 2);
	/* a session after the period does not count */
	weeks("2026-11-16", "2026-11-20", team, 4, all, 5, 1, 0);
	weeks("2026-11-16", "2026-11-22", team, 4, all, 5, 1, 1);
	/* a period of a weekend only holds no school week */
	weeks("2026-11-21", "2026-11-22", team, 4, all, 5, 0, 0);
	/* a session in the week but before the period does not count */
	weeks("2026-09-15", "2026-09-18", team, 4, all, 5, 1, 1);
	weeks("2026-09-17", "2026-09-18", team, 4, all, 5, 1, 0);
	/* 13-17 July starts before 15 July: a school week; 31 Aug - 4 Sep ends
	 * after 31 August: a school week */
	weeks("2026-07-13", "2026-07-17", NULL, 0, NULL, 0, 1, 0);
	weeks("2026-07-20", "2026-08-28", NULL, 0, NULL, 0, 0, 0);
	weeks("2026-08-31", "2026-09-04", NULL, 0, NULL, 0, 1, 0);
	/* days need not be sorted and may repeat */
	int messy[] = { day("2026-10-07"), day("2026-10-05"), day("2026-10-05") };
	weeks("2026-10-01", "2026-10-31", messy, 3, messy, 3, 5, 1);
	/* from after to: nothing */
	weeks("2026-10-31", "2026-10-01", messy, 3, messy, 3, 0, 0);
}

static void session(struct store *db, int64_t team, int64_t leader, const char *date)
{
	char sql[256];
	static int n;
	snprintf(sql, sizeof(sql), "INSERT INTO board_session(uid, team_id, date, leader_id) VALUES ('s%d', %lld, '%s', %lld)",
		 ++n, (long long)team, date, (long long)leader);
	assert_int_equal(sqlite3_exec(store_sqlite(db), sql, NULL, NULL, NULL), STORE_OK);
}

/* Ambition and rhythm from the boards, per team and for the school. */
static void test_conditions(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct phase_conditions pc;
	int64_t a, b, mt, p;
	(void)state;

	assert_int_equal(team_add(db, 1, "Team A", NULL, &a, &err), 0);
	assert_int_equal(team_add(db, 1, "Team B", NULL, &b, &err), 0);
	assert_int_equal(team_add(db, 1, "MT", NULL, &mt, &err), 0);
	assert_int_equal(sqlite3_exec(store_sqlite(db), "UPDATE team SET kind = 'mt' WHERE name = 'MT'", NULL, NULL, NULL), STORE_OK);
	assert_int_equal(person_add(db, 1, "AA", "Anna", "leraar", &p, &err), 0);
	assert_int_equal(board_item_set(db, a, "ambitie", "Eerste ambitie", day("2026-09-01"), &err), 0);
	assert_int_equal(board_item_set(db, a, "ambitie", "Tweede ambitie", day("2026-10-01"), &err), 0);
	assert_int_equal(board_item_set(db, mt, "ambitie", "Ambitie van het MT", day("2026-09-01"), &err), 0);
	/* team A: weeks of 7 and 14 Sep (twice); team B: 14 Sep; MT: 21 Sep */
	session(db, a, p, "2026-09-07");
	session(db, a, p, "2026-09-14");
	session(db, a, p, "2026-09-16");
	session(db, b, p, "2026-09-14");
	session(db, mt, p, "2026-09-21");

	/* September 2026: counted from each team's first session. Team A from
	 * 7 Sep: the weeks of 7 .. 28 Sep = 4 school weeks, 2 with a session */
	assert_int_equal(phase_conditions(db, 1, a, day("2026-09-01"), day("2026-09-30"), &pc, &err), 0);
	assert_int_equal(pc.ambition, 1);
	assert_int_equal(pc.rhythm_weeks, 4);
	assert_int_equal(pc.rhythm_sessions, 2);
	assert_true(fabs(pc.rhythm - 0.5) < 1e-12);
	/* before the team's start: no rhythm yet */
	assert_int_equal(phase_conditions(db, 1, a, day("2026-08-01"), day("2026-08-31"), &pc, &err), 0);
	assert_int_equal(pc.ambition, 0);
	assert_int_equal(pc.rhythm_weeks, 0);
	assert_true(isnan(pc.rhythm));
	/* team B from 14 Sep: 3 weeks, 1 with a session */
	assert_int_equal(phase_conditions(db, 1, b, day("2026-09-01"), day("2026-09-30"), &pc, &err), 0);
	assert_int_equal(pc.ambition, 0);
	assert_int_equal(pc.rhythm_weeks, 3);
	assert_int_equal(pc.rhythm_sessions, 1);
	assert_true(fabs(pc.rhythm - 1.0 / 3) < 1e-12);

	/* the school: 1 of 2 teacher teams has an ambition (the MT is no teacher
	 * team); rhythm is the mean of 1/2 and 1/3; from the first session of
	 * any team (7 Sep) any team met in 3 of 4 weeks */
	assert_int_equal(phase_conditions(db, 1, PHASE_SCHOOL, day("2026-09-01"), day("2026-09-30"), &pc, &err), 0);
	assert_int_equal(pc.teams, 2);
	assert_int_equal(pc.ambition_teams, 1);
	assert_int_equal(pc.ambition, 0);
	assert_true(fabs(pc.rhythm - (0.5 + 1.0 / 3) / 2) < 1e-12);
	assert_int_equal(pc.rhythm_weeks, 4);
	assert_int_equal(pc.rhythm_sessions, 3);

	/* a start set by hand (team edit --start) counts from that day */
	assert_int_equal(sqlite3_exec(store_sqlite(db), "UPDATE team SET start = '2026-08-31' WHERE id = 2", NULL, NULL, NULL),
			 STORE_OK);
	assert_int_equal(phase_conditions(db, 1, b, day("2026-09-01"), day("2026-09-30"), &pc, &err), 0);
	assert_int_equal(pc.rhythm_weeks, 5);
	assert_int_equal(pc.rhythm_sessions, 1);

	/* a weekend: no school week, rhythm unknown */
	assert_int_equal(phase_conditions(db, 1, a, day("2026-09-12"), day("2026-09-13"), &pc, &err), 0);
	assert_int_equal(pc.rhythm_weeks, 0);
	assert_true(isnan(pc.rhythm));
	sqlite3_close(store_sqlite(db));
}

/* A team that met in every school week since its start has a rhythm of
 * 100%, whatever holidays fall in the period; weeks after today do not count. */
static void test_rhythm_holidays(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct phase_conditions pc;
	int64_t a, p, id;
	(void)state;

	setenv("BETER_TODAY", "2027-01-13", 1);
	assert_int_equal(team_add(db, 1, "Team A", NULL, &a, &err), 0);
	assert_int_equal(person_add(db, 1, "AA", "Anna", "leraar", &p, &err), 0);
	assert_int_equal(calendar_add(db, 1, day("2026-10-17"), day("2026-10-25"), "vakantie", "Herfstvakantie", NULL, &id,
				      &err), 0);
	assert_int_equal(calendar_add(db, 1, day("2026-12-19"), day("2027-01-03"), "vakantie", "Kerstvakantie", NULL, &id,
				      &err), 0);
	/* a holiday of another region does not apply */
	assert_int_equal(calendar_add(db, 1, day("2026-11-02"), day("2026-11-06"), "vakantie", "Elders", "zuid", &id,
				      &err), 0);
	/* every Monday from 5 October that is a school day, to 11 January */
	for (int d = day("2026-10-05"); d <= day("2027-01-11"); d += 7)
		if (!((d >= day("2026-10-17") && d <= day("2026-10-25")) || (d >= day("2026-12-19") && d <= day("2027-01-03")))) {
			char buf[11];
			date_format(d, buf);
			session(db, a, p, buf);
		}
	setenv("BETER_TODAY", "2027-01-13", 1);
	assert_int_equal(phase_conditions(db, 1, a, day("2026-08-01"), day("2027-07-31"), &pc, &err), 0);
	/* 5 Oct .. 11 Jan: 15 weeks, less herfst (1) and kerst (2): 12 */
	assert_int_equal(pc.rhythm_weeks, 12);
	assert_int_equal(pc.rhythm_sessions, 12);
	assert_true(fabs(pc.rhythm - 1.0) < 1e-12);
	unsetenv("BETER_TODAY");
	sqlite3_close(store_sqlite(db));
}

/* A model's targets and its repeating phase: what validation accepts and refuses. */
static int model_rc(const char *phases_tail, const char *targets)
{
	char doc[2048];
	struct beter_err err = { 0 };

	snprintf(doc, sizeof(doc),
		 "{\"id\": \"m\", \"name\": \"M\", \"phases\": [{\"id\": \"a\", \"name\": \"A\", \"who\": [\"MT\"], "
		 "\"typical_days\": 5, \"activities\": [{\"id\": \"b\", \"text\": \"B\"}]%s}]%s}",
		 phases_tail, targets);
	return phase_model_validate(doc, strlen(doc), "m.json", &err);
}

static void test_model_targets(void **state)
{
	(void)state;
	assert_int_equal(model_rc("", ""), 0);
	assert_int_equal(model_rc(", \"cycle\": \"period\"", ""), 0);
	assert_int_equal(model_rc(", \"cycle\": \"week\"", ""), BETER_DATAERR);
	assert_int_equal(model_rc(", \"cycle\": 1", ""), BETER_DATAERR);
	assert_int_equal(model_rc("", ", \"targets\": []"), 0);
	assert_int_equal(model_rc("", ", \"targets\": [{\"id\": \"t\", \"text\": \"T\", \"count\": \"study-days\", "
				     "\"min\": 1}, {\"id\": \"u\", \"text\": \"U\", \"count\": \"teachers-with-talk\"}]"),
			 0);
	/* every kind beter counts, and none other */
	const char *kinds[] = { "board-sessions", "study-days", "designs", "visits-with-talk", "teachers-with-talk" };
	char t[256];
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++) {
		snprintf(t, sizeof(t), ", \"targets\": [{\"id\": \"t\", \"text\": \"T\", \"count\": \"%s\", \"min\": 1000}]",
			 kinds[i]);
		assert_int_equal(model_rc("", t), 0);
	}
	assert_int_equal(model_rc("", ", \"targets\": [{\"id\": \"t\", \"text\": \"T\", \"count\": \"lessons\", \"min\": 1}]"),
			 BETER_DATAERR);
	assert_int_equal(model_rc("", ", \"targets\": [{\"id\": \"t\", \"text\": \"T\", \"count\": \"designs\", \"min\": 1001}]"),
			 BETER_DATAERR);
	assert_int_equal(model_rc("", ", \"targets\": [{\"id\": \"t\", \"text\": \"T\", \"count\": \"designs\"}]"),
			 BETER_DATAERR);
	assert_int_equal(model_rc("", ", \"targets\": [{\"id\": \"t\", \"text\": \"\", \"count\": \"designs\", \"min\": 1}]"),
			 BETER_DATAERR);
	assert_int_equal(model_rc("", ", \"targets\": [3]"), BETER_DATAERR);
	assert_int_equal(model_rc("", ", \"targets\": \"twee\""), BETER_DATAERR);
	/* at most 20 */
	char many[4096] = ", \"targets\": [";
	for (int i = 0; i < 21; i++)
		snprintf(many + strlen(many), sizeof(many) - strlen(many),
			 "%s{\"id\": \"t%d\", \"text\": \"T\", \"count\": \"designs\", \"min\": 1}", i ? ", " : "", i);
	strcat(many, "]");
	assert_int_equal(model_rc("", many), BETER_DATAERR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rhythm_weeks),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_rhythm_holidays),
		cmocka_unit_test(test_model_targets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
