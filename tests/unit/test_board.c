#include "unit.h"

#include "beter/board.h"
#include "beter/date.h"
#include "beter/goal.h"
#include "beter/person.h"
#include "beter/team.h"
#include "beter/store_sqlite.h"

static int day(const char *s)
{
	int d = 0;
	struct beter_err err = { 0 };
	assert_int_equal(date_parse(s, &d, "day", &err), 0);
	return d;
}

static void test_action_state(void **state)
{
	(void)state;
	assert_string_equal(board_action_state(day("2026-11-13"), 0, 0, day("2026-11-20")), "overdue");
	assert_string_equal(board_action_state(day("2026-11-20"), 0, 0, day("2026-11-20")), "open");
	assert_string_equal(board_action_state(day("2026-11-13"), day("2026-11-16"), 1, day("2026-11-20")), "done");
	/* done only after the day looked at: still overdue then */
	assert_string_equal(board_action_state(day("2026-11-13"), day("2026-11-16"), 1, day("2026-11-15")), "overdue");
}

static const char *render(struct store *db, int64_t team, const char *week, struct capture *cap)
{
	struct beter_err err = { 0 };
	int from, to;
	assert_int_equal(date_period_parse(week, &from, &to, "week", &err), 0);
	capture_begin(cap, OUT_JSON);
	assert_int_equal(board_render(db, 1, team, from, to, 0, &cap->out, &err), 0);
	return capture_end(cap);
}

static void test_week_view(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct capture cap;
	int64_t team, p, id, goal, act;
	struct goal_new g;
	struct board_action_new a;
	const char *s;
	(void)state;

	setenv("BETER_TODAY", "2026-11-20", 1);
	assert_int_equal(team_add(db, 1, "Team A", NULL, &team, &err), 0);
	assert_int_equal(person_add(db, 1, "AA", "Anna", "leraar", &p, &err), 0);
	assert_int_equal(team_member_add(db, team, p, NULL, NULL, &err), 0);
	assert_int_equal(board_item_set(db, team, "ambitie", "Eerste ambitie", day("2026-09-01"), &err), 0);
	assert_int_equal(board_item_set(db, team, "ambitie", "Tweede ambitie", day("2026-10-01"), &err), 0);
	assert_int_equal(board_item_add(db, team, "parkeren", "Geparkeerd", day("2026-09-10"), &id, &err), 0);
	assert_int_equal(board_item_rm(db, 1, "parkeren", id, day("2026-10-05"), &err), 0);
	assert_int_equal(board_item_rm(db, 1, "parkeren", id, day("2026-10-06"), &err), BETER_FAIL);
	assert_int_equal(board_item_add(db, team, "uitkomst_leerlingarena", "Uit de arena", day("2026-10-28"), NULL, &err), 0);
	assert_int_equal(board_item_add(db, team, "lesbezoekplanning", "x", day("2026-10-28"), NULL, &err), BETER_DATAERR);

	memset(&g, 0, sizeof(g));
	g.team = team;
	g.text = "Leerlingen kunnen samenvatten";
	g.weeks = 6;
	g.norm = 8;
	g.baseline = 5;
	g.day = day("2026-09-07");
	assert_int_equal(goal_add(db, 1, &g, &goal, &err), 0);
	assert_int_equal(goal_measure(db, goal, 6, day("2026-09-21"), 0, NULL, &err), 0);
	assert_int_equal(goal_measure(db, goal, 7, day("2026-10-05"), 0, NULL, &err), 0);

	memset(&a, 0, sizeof(a));
	a.what = "Voorlezen";
	a.due = day("2026-09-25");
	a.who = &p;
	a.nwho = 1;
	a.day = day("2026-09-07");
	assert_int_equal(board_action_add(db, team, &a, &act, &err), 0);

	/* week 38: the first ambition, the parked item, only P0 (P1 came on the 21st), the action open */
	s = render(db, team, "2026-W38", &cap);
	assert_non_null(strstr(s, "Eerste ambitie"));
	assert_null(strstr(s, "Tweede ambitie"));
	assert_non_null(strstr(s, "Geparkeerd"));
	assert_non_null(strstr(s, "\"results\": [{\"label\": \"P0\", \"date\": null, \"score\": 5}]"));
	assert_non_null(strstr(s, "\"status\": \"open\""));
	assert_null(strstr(s, "Uit de arena"));
	free(cap.buf);

	/* week 41: the second ambition, nothing parked, the action overdue */
	s = render(db, team, "2026-W41", &cap);
	assert_non_null(strstr(s, "Tweede ambitie"));
	assert_null(strstr(s, "Eerste ambitie"));
	assert_null(strstr(s, "Geparkeerd"));
	assert_non_null(strstr(s, "\"status\": \"overdue\""));
	assert_non_null(strstr(s, "{\"label\": \"P2\", \"date\": "));
	assert_non_null(strstr(s, "\"score\": 7}], \"latest\": 7, \"trend\": \"up\""));
	assert_non_null(strstr(s, "\"lesbezoekplanning\": []"));
	free(cap.buf);

	/* done in week 42: shown done that week, gone the week after */
	assert_int_equal(board_action_done(db, 1, act, day("2026-10-14"), 0, &err), 0);
	s = render(db, team, "2026-W42", &cap);
	assert_non_null(strstr(s, "\"status\": \"done\""));
	free(cap.buf);
	s = render(db, team, "2026-W44", &cap);
	assert_null(strstr(s, "Voorlezen"));
	assert_non_null(strstr(s, "Uit de arena"));
	free(cap.buf);
	store_close(db);
}

static void test_session_rules(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct board_session_new s;
	int64_t team, other, p, q, id;
	(void)state;

	assert_int_equal(team_add(db, 1, "Team A", NULL, &team, &err), 0);
	assert_int_equal(team_add(db, 1, "Team B", NULL, &other, &err), 0);
	assert_int_equal(person_add(db, 1, "AA", "Anna", "leraar", &p, &err), 0);
	assert_int_equal(person_add(db, 1, "BB", "Bert", "leraar", &q, &err), 0);
	assert_int_equal(team_member_add(db, team, p, NULL, NULL, &err), 0);
	assert_int_equal(team_member_add(db, other, q, NULL, NULL, &err), 0);
	setenv("BETER_TODAY", "2026-11-20", 1);
	board_session_init(&s);
	s.team = team;
	s.leader = p;
	s.date = day("2026-11-16");
	/* the leader and everyone who checks in are members of the team */
	s.leader = q;
	assert_int_equal(board_session_add(db, 1, &s, &id, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "--leader: BB is not in the team 'Team A' (see 'beter team show \"Team A\"')");
	s.leader = p;
	board_session_checkin(&s, q, 7);
	assert_int_equal(board_session_add(db, 1, &s, &id, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "--checkin: BB is not in the team 'Team A'"));
	s.checkins[0].person = p;
	s.checkins[0].score = 11;
	assert_int_equal(board_session_add(db, 1, &s, &id, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "--checkin"));
	/* a session after today has not happened yet */
	s.checkins[0].score = 7;
	s.date = day("2026-11-23");
	assert_int_equal(board_session_add(db, 1, &s, &id, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "--date: 2026-11-23 is after today");
	s.date = day("2026-11-16");
	assert_int_equal(store_int(db, "SELECT count(*) FROM board_session", -1), 0);
	s.checkins[0].score = 7;
	board_session_success(&s, "Gelukt");
	assert_int_equal(board_session_add(db, 1, &s, &id, &err), 0);
	assert_int_equal(store_int(db, "SELECT count(*) FROM board_item WHERE section = 'successen'", -1), 1);
	/* a second session on the same day is refused */
	assert_int_equal(board_session_add(db, 1, &s, &id, &err), BETER_DATAERR);
	board_session_release(&s);
	unsetenv("BETER_TODAY");
	store_close(db);
}

/* The statements board_render ran, by sqlite3_trace_v2. */
struct traced {
	char *sql[64];
	int n;
};

static int trace_stmt(unsigned type, void *ctx, void *p, void *x)
{
	struct traced *t = ctx;
	(void)type;
	(void)x;
	const char *sql = sqlite3_sql(p);
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->sql[i], sql))
			return 0;
	if (t->n < 64)
		t->sql[t->n++] = strdup(sql);
	return 0;
}

/*
 * A board is read through indexes, whatever else the store holds: on a store
 * that knows it has many people (ANALYZE) and no lesson visits yet, no query
 * of the board scans a table or a whole index; the lesson-visit planning once
 * went through every teacher of the store to find a team's visits.
 */
static void test_board_plans(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct capture cap;
	struct traced t = { { 0 }, 0 };
	int64_t team, p;
	(void)state;

	setenv("BETER_TODAY", "2026-11-20", 1);
	assert_int_equal(team_add(db, 1, "Team A", NULL, &team, &err), 0);
	for (int i = 0; i < 20; i++) {
		char code[16];
		snprintf(code, sizeof(code), "P%03d", i);
		assert_int_equal(person_add(db, 1, code, code, "leraar", &p, &err), 0);
		if (i < 10)
			assert_int_equal(team_member_add(db, team, p, NULL, NULL, &err), 0);
	}
	assert_int_equal(board_item_set(db, team, "ambitie", "Ambitie", day("2026-09-01"), &err), 0);
	/* the statistics ANALYZE leaves in a school board's store: 5,000
	 * teachers in 500 teams (and none of the visits, not there yet) */
	assert_int_equal(sqlite3_exec(store_sqlite(db), "ANALYZE; DELETE FROM sqlite_stat1; INSERT INTO sqlite_stat1 VALUES "
					  "('person', 'sqlite_autoindex_person_2', '5000 50 1'), "
					  "('person', 'sqlite_autoindex_person_1', '5000 1'), "
					  "('team', 'sqlite_autoindex_team_2', '500 5 1'), "
					  "('team', 'sqlite_autoindex_team_1', '500 1'); ANALYZE sqlite_schema",
				      NULL, NULL, NULL),
			 STORE_OK);

	sqlite3_trace_v2(store_sqlite(db), SQLITE_TRACE_PROFILE, trace_stmt, &t);
	render(db, team, "2026-W47", &cap);
	free(cap.buf);
	sqlite3_trace_v2(store_sqlite(db), 0, NULL, NULL);
	assert_true(t.n >= 6);
	for (int i = 0; i < t.n; i++) {
		char q[4096];
		struct store_stmt *st;
		snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s", t.sql[i]);
		if (store_prepare(db, q, &st, NULL) != STORE_OK) /* BEGIN, COMMIT */
			goto next;
		while (store_step(st) == STORE_ROW) {
			const char *line = store_col(st, 3);
			/* a scan is fine of a constant row and of a subquery's
			 * rows (found through an index themselves) */
			if (!strncmp(line, "SCAN ", 5) && strcmp(line, "SCAN CONSTANT ROW") &&
			    strncmp(line, "SCAN (subquery", 14))
				fail_msg("%s\n  scans: %s", t.sql[i], line);
		}
		store_finalize(st);
	next:
		free(t.sql[i]);
	}
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_state),
		cmocka_unit_test(test_week_view),
		cmocka_unit_test(test_board_plans),
		cmocka_unit_test(test_session_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
