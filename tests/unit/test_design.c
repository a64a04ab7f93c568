#include "unit.h"

#include "beter/design.h"
#include "beter/store_sqlite.h"

/* the editor's text: sections, steps split by '|', days, questions; '#' lines dropped */
static void test_text(void **state)
{
	struct beter_err err = { 0 };
	struct design_in d;
	(void)state;

	assert_int_equal(design_in_parse_text("t.txt", "# kop\ngroep: groep 7\ndatum: 2026-12-10, 2026-12-03\n"
							"doel:\nLeerlingen vatten samen.\n# uitleg\nin eigen woorden\n"
							"stappen:\n10 | Voordoen | Hardop | Leerlingen noemen een tip\n"
							" | Tweetallen |  | Elk tweetal geeft een tip\nvragen:\nWat hielp?\n",
					     &d, &err), 0);
	assert_string_equal(d.group, "groep 7");
	assert_string_equal(d.doel, "Leerlingen vatten samen.\nin eigen woorden");
	assert_int_equal(d.ndays, 2);
	assert_true(d.days[0] < d.days[1]); /* kept in order */
	assert_int_equal(d.nsteps, 2);
	assert_int_equal(d.steps[0].minutes, 10);
	assert_string_equal(d.steps[0].hoe, "Hardop");
	assert_int_equal(d.steps[1].minutes, 0);
	assert_null(d.steps[1].hoe);
	assert_int_equal(d.nquestions, 1);
	design_in_release(&d);

	/* only comments: aborts (BETER_FAIL); a step of three parts names file:line */
	assert_int_equal(design_in_parse_text("t.txt", "# niets\n", &d, &err), BETER_FAIL);
	assert_int_equal(design_in_parse_text("t.txt", "stappen:\n10 | a | b\n", &d, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "t.txt:2: stappen"));
	assert_int_equal(design_in_parse_text("t.txt", "doel: x\nstapen:\n", &d, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "did you mean 'stappen:'"));
}

static void test_json(void **state)
{
	struct beter_err err = { 0 };
	struct design_in d;
	const char *ok = "{\"doel\": \"x\", \"steps\": [{\"min\": 5, \"wat\": \"a\", \"effect\": \"b\"}], \"questions\": [\"q\"]}";
	const char *bad = "{\"steps\": [{\"min\": 5, \"wat\": \"a\"}]}";
	(void)state;

	assert_int_equal(design_in_parse_json("d.json", ok, strlen(ok), &d, &err), 0);
	assert_int_equal(d.nsteps, 1);
	assert_int_equal(d.steps[0].minutes, 5);
	design_in_release(&d);
	assert_int_equal(design_in_parse_json("d.json", bad, strlen(bad), &d, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "steps[0]"));
	assert_non_null(strstr(err.msg, "effect"));
}

static void test_reach(void **state)
{
	struct beter_err err = { 0 };
	struct design_reach *r = NULL;
	size_t n = 0;
	(void)state;

	assert_int_equal(design_reach_parse("2=deels:de helft: niet alle", "--reached", &r, &n, &err), 0);
	assert_int_equal(design_reach_parse("1=JA", "--reached", &r, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].step, 2);
	assert_int_equal(r[0].reached, DESIGN_DEELS);
	assert_string_equal(r[0].seen, "de helft: niet alle");
	assert_int_equal(r[1].reached, DESIGN_JA);
	assert_null(r[1].seen);
	assert_int_equal(design_reach_parse("2=nee", "--reached", &r, &n, &err), BETER_DATAERR); /* twice */
	assert_int_equal(design_reach_parse("0=ja", "--reached", &r, &n, &err), BETER_DATAERR);
	assert_int_equal(design_reach_parse("3=misschien", "--reached", &r, &n, &err), BETER_DATAERR);
	assert_int_equal(design_reach_parse("3", "--reached", &r, &n, &err), BETER_DATAERR);
	assert_int_equal(n, 2);
	design_reach_release(r, n);
}

/* a design for a team's goal by its members; a step must exist in a visit */
static void test_store(void **state)
{
	struct beter_err err = { 0 };
	struct store *db = unit_store();
	struct design_in in;
	int64_t authors[] = { 1, 2 }, outsider[] = { 1, 3 }, id = 0, copy = 0;
	struct design_new d = { .team = 1, .goal = 1, .authors = authors, .nauthors = 2, .in = &in };
	struct design_reach *r = NULL;
	size_t n = 0;
	(void)state;

	assert_int_equal(sqlite3_exec(store_sqlite(db),
				      "INSERT INTO person(uid, school_id, code, name, role) VALUES ('p1', 1, 'ODW', 'O', 'leraar'),"
				      "('p2', 1, 'MKP', 'M', 'leraar'), ('p3', 1, 'JDV', 'J', 'leraar');"
				      "INSERT INTO team(uid, school_id, name) VALUES ('t1', 1, 'Bovenbouw'), ('t2', 1, 'Middenbouw');"
				      "INSERT INTO team_member(team_id, person_id) VALUES (1, 1), (1, 2), (2, 3);"
				      "INSERT INTO goal(uid, school_id, team_id, text, weeks, norm, baseline, added) VALUES "
				      "('g1', 1, 1, 'Feedback', 6, 8, 5, '2026-10-26'), ('g2', 1, 2, 'Rekenen', 6, 8, 5, '2026-10-26');",
				      NULL, NULL, NULL), STORE_OK);
	memset(&in, 0, sizeof(in));
	assert_int_equal(design_in_step(&in, "10", "Voordoen", NULL, "Leerlingen noemen een tip", NULL, &err), 0);
	assert_int_equal(design_add(db, 1, &d, &id, &err), 0);
	d.authors = outsider;
	assert_int_equal(design_add(db, 1, &d, &id, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "JDV is not a member"));
	d.authors = authors;
	d.goal = 2;
	assert_int_equal(design_add(db, 1, &d, &id, &err), BETER_DATAERR);
	assert_int_equal(design_copy(db, 1, 1, "groep 8", NULL, 0, &copy, &err), 0);
	assert_int_equal(store_int_bind(db, "SELECT count(*) FROM design_step WHERE design_id = ?1", copy, -1), 1);
	assert_int_equal(store_int_bind(db, "SELECT copy_of FROM design WHERE id = ?1", copy, -1), 1);
	assert_int_equal(design_visit_ok(db, 1, 2, &err), 0);
	assert_int_equal(design_visit_ok(db, 1, 3, &err), BETER_DATAERR);
	assert_int_equal(sqlite3_exec(store_sqlite(db),
				      "INSERT INTO visit(uid, school_id, observer_id, teacher_id, date, created, design_id, seen, "
				      "effect, recorded) VALUES ('v1', 1, 2, 1, '2026-11-12', '2026-11-12', 1, 's', 'e', '2026-11-12')",
				      NULL, NULL, NULL), STORE_OK);
	assert_int_equal(design_reach_parse("2=ja", "--reached", &r, &n, &err), 0);
	assert_int_equal(design_visit_record(db, 1, r, n, "--reached", &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "has no step 2"));
	r[0].step = 1;
	assert_int_equal(design_visit_record(db, 1, r, n, "--reached", &err), 0);
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit_step WHERE reached = 'ja'", -1), 1);
	design_reach_release(r, n);
	design_in_release(&in);
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_reach),
		cmocka_unit_test(test_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
