#include "unit.h"

#include "beter/goal.h"
#include "beter/person.h"
#include "beter/team.h"
#include "beter/util.h"

static void test_quadrant(void **state)
{
	(void)state;
	assert_string_equal(goal_quadrant(5, 5), "high impact, high feasibility");
	assert_string_equal(goal_quadrant(3, 2), "high impact, low feasibility");
	assert_string_equal(goal_quadrant(2, 3), "low impact, high feasibility");
	assert_string_equal(goal_quadrant(1, 1), "low impact, low feasibility");
	assert_string_equal(goal_matrix_level(GOAL_MATRIX_HIGH), "high");
	assert_string_equal(goal_matrix_level(GOAL_MATRIX_HIGH - 1), "low");
}

static void test_trend(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	double up[] = { 1, 5.5, 10 }, down[] = { 6, 5 }, flat[] = { 7 };
	(void)state;
	goal_trend(up, 3, &sb);
	assert_string_equal(strbuf_str(&sb), "▁▅█ ↑");
	strbuf_reset(&sb);
	goal_trend(down, 2, &sb);
	assert_string_equal(strbuf_str(&sb), "▅▄ ↓");
	strbuf_reset(&sb);
	goal_trend(flat, 1, &sb);
	assert_string_equal(strbuf_str(&sb), "▆");
	strbuf_release(&sb);
}

static void test_rules(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct goal_new g;
	struct goal_info info;
	struct strbuf res = STRBUF_INIT;
	int64_t team, p, id, pid;
	double latest;
	(void)state;

	assert_int_equal(team_add(db, 1, "Team A", NULL, &team, &err), 0);
	assert_int_equal(person_add(db, 1, "AA", "Anna", "leraar", &p, &err), 0);
	assert_int_equal(goal_candidate_add(db, team, "x", 6, 3, 100, &id, &err), BETER_DATAERR);
	assert_int_equal(goal_candidate_add(db, team, "x", 3, 0, 100, &id, &err), BETER_DATAERR);
	memset(&g, 0, sizeof(g));
	g.team = team;
	g.text = "Leerlingen kunnen";
	g.norm = 8;
	g.baseline = 5;
	g.day = 20000;
	g.weeks = 3;
	assert_int_equal(goal_add(db, 1, &g, &id, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "--weeks"));
	g.weeks = 9;
	assert_int_equal(goal_add(db, 1, &g, &id, &err), BETER_DATAERR);
	g.weeks = 8;
	g.norm = 10.5;
	assert_int_equal(goal_add(db, 1, &g, &id, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "--norm"));
	g.norm = 8;
	assert_int_equal(goal_add(db, 1, &g, &id, &err), 0);
	assert_int_equal(goal_measure(db, id, 11, 20010, 0, NULL, &err), BETER_DATAERR);
	assert_int_equal(goal_measure(db, id, 6, 19990, 0, NULL, &err), BETER_DATAERR);
	assert_int_equal(goal_measure(db, id, 6, 20014, 0, NULL, &err), 0);
	assert_int_equal(goal_measure(db, id, 7, 20021, 0, NULL, &err), 0);
	assert_int_equal(goal_results(db, id, 20014, &res, &latest, NULL, &err), 0);
	assert_string_equal(strbuf_str(&res), "P0 5 · P1 6");
	assert_true(latest == 6);
	assert_int_equal(goal_achieve(db, id, NULL, 20030, &err), BETER_DATAERR);
	assert_int_equal(goal_achieve(db, id, "Zo werken wij", 20030, &err), 0);
	assert_int_equal(goal_measure(db, id, 7, 20031, 0, NULL, &err), BETER_FAIL);

	assert_int_equal(goal_personal_add(db, 1, p, "Open vragen", 20000, &pid, &err), 0);
	assert_int_equal(goal_find(db, 1, pid, &info, &err), 0);
	assert_int_equal(info.person, p);
	assert_int_equal(goal_activity_add(db, pid, "reflectie", "Filmen", 20001, NULL, &err), 0);
	assert_int_equal(goal_activity_add(db, pid, "lezen", "x", 20001, NULL, &err), BETER_DATAERR);
	assert_int_equal(goal_activity_add(db, id, "reflectie", "x", 20001, NULL, &err), BETER_FAIL);
	assert_int_equal(goal_talk_add(db, pid, 20010, "Goed gesprek", NULL, &err), 0);
	assert_int_equal(goal_find(db, 1, 999, &info, &err), BETER_FAIL);
	for (const char *const *k = goal_activity_kinds; *k; k++)
		assert_true(goal_activity_kind_valid(*k));
	strbuf_release(&res);
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quadrant),
		cmocka_unit_test(test_trend),
		cmocka_unit_test(test_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
