#include "unit.h"

#include "beter/date.h"
#include "beter/devpoint.h"
#include "beter/framework.h"
#include "beter/person.h"
#include "beter/team.h"
#include "beter/visit.h"
#include "beter/store_sqlite.h"

/* a plan is a derangement: everyone visits once, is visited once, never themself */
static void check_derangement(int n, const int *t)
{
	int *seen = calloc((size_t)n, sizeof(int));
	for (int i = 0; i < n; i++) {
		assert_true(t[i] >= 0 && t[i] < n);
		assert_int_not_equal(t[i], i);
		seen[t[i]]++;
	}
	for (int i = 0; i < n; i++)
		assert_int_equal(seen[i], 1);
	free(seen);
}

static void test_planner_sizes(void **state)
{
	(void)state;
	for (int n = 2; n <= 12; n++) {
		int t[12], t2[12], again[12];
		unsigned char prev[144];

		assert_int_equal(visit_plan_pairs(n, NULL, t), 0);
		check_derangement(n, t);
		/* deterministic */
		visit_plan_pairs(n, NULL, again);
		assert_memory_equal(t, again, sizeof(int) * (size_t)n);
		/* no two people visit each other in a first round of 3 or more */
		for (int i = 0; n > 2 && i < n; i++)
			assert_int_not_equal(t[t[i]], i);

		/* the next round avoids every pair of this one from 3 people on */
		memset(prev, 0, sizeof(prev));
		for (int i = 0; i < n; i++)
			prev[i * n + t[i]] = 1;
		int rep = visit_plan_pairs(n, prev, t2);
		check_derangement(n, t2);
		int count = 0;
		for (int i = 0; i < n; i++)
			count += prev[i * n + t2[i]];
		assert_int_equal(count, rep);
		assert_int_equal(rep, n == 2 ? 2 : 0);
	}
}

static void test_planner_hard_previous(void **state)
{
	/* previous pairs that no rotation avoids: the search finds another way */
	int n = 4, t[4];
	unsigned char prev[16] = { 0 };
	(void)state;
	/* every rotation i -> i+k hits one of these: k=1 0->1, k=2 1->3, k=3 1->0 */
	prev[0 * 4 + 1] = 1;
	prev[1 * 4 + 3] = 1;
	prev[1 * 4 + 0] = 1;
	prev[2 * 4 + 0] = 1;
	assert_int_equal(visit_plan_pairs(n, prev, t), 0);
	check_derangement(n, t);
	for (int i = 0; i < n; i++)
		assert_int_equal(prev[i * n + t[i]], 0);
	/* the only way left */
	assert_int_equal(t[0], 3);
	assert_int_equal(t[1], 2);
	/* with everything forbidden, the best rotation and its count */
	memset(prev, 1, sizeof(prev));
	assert_int_equal(visit_plan_pairs(n, prev, t), 4);
	check_derangement(n, t);
}

static void test_status(void **state)
{
	int d = date_from_ymd(2026, 11, 10);
	(void)state;
	assert_int_equal(visit_status_of(0, 0, d, d, 7), VISIT_PLANNED);
	assert_int_equal(visit_status_of(0, 0, d + 3, d, 7), VISIT_PLANNED);
	assert_int_equal(visit_status_of(0, 0, d, d + 1, 7), VISIT_MISSED);
	assert_int_equal(visit_status_of(0, 0, d, d + 30, 7), VISIT_MISSED);
	assert_string_equal(visit_status_name(VISIT_MISSED), "missed");
	assert_int_equal(visit_status_parse("missed"), VISIT_MISSED);
	assert_int_equal(visit_status_of(1, 0, d, d, 7), VISIT_DONE);
	assert_int_equal(visit_status_of(1, 0, d, d + 7, 7), VISIT_DONE);
	assert_int_equal(visit_status_of(1, 0, d, d + 8, 7), VISIT_FEEDBACK_DUE);
	assert_int_equal(visit_status_of(1, 0, d, d + 1, 0), VISIT_FEEDBACK_DUE);
	assert_int_equal(visit_status_of(1, 1, d, d + 100, 7), VISIT_CLOSED);
	assert_string_equal(visit_status_name(VISIT_FEEDBACK_DUE), "feedback-due");
	assert_int_equal(visit_status_parse("closed"), VISIT_CLOSED);
	assert_int_equal(visit_status_parse("open"), -1);
}

/* What a board session said of a visit, and a record after it. */
static void test_status_at(void **state)
{
	int d = date_from_ymd(2026, 12, 9);
	struct visit_facts v = { .day = d };
	(void)state;
	/* no word: as visit_status_of; a missed visit made up for is replaced */
	assert_int_equal(visit_status_at(&v, d - 1, 7), VISIT_PLANNED);
	assert_int_equal(visit_status_at(&v, d + 1, 7), VISIT_MISSED);
	v.replaced = 1;
	assert_int_equal(visit_status_at(&v, d + 1, 7), VISIT_REPLACED);
	assert_int_equal(visit_status_at(&v, d - 1, 7), VISIT_PLANNED);
	/* missed by a session: from then on, before its day too */
	v.replaced = 0;
	v.word = VISIT_WORD_MISSED;
	assert_int_equal(visit_status_at(&v, d - 2, 7), VISIT_MISSED);
	v.replaced = 1;
	assert_int_equal(visit_status_at(&v, d - 2, 7), VISIT_REPLACED);
	/* held by a session: planned until its day, then held, never missed */
	v.replaced = 0;
	v.word = VISIT_WORD_HELD;
	assert_int_equal(visit_status_at(&v, d - 2, 7), VISIT_PLANNED);
	assert_int_equal(visit_status_at(&v, d, 7), VISIT_HELD);
	assert_int_equal(visit_status_at(&v, d + 60, 7), VISIT_HELD);
	assert_string_equal(visit_status_name(VISIT_HELD), "held");
	assert_int_equal(visit_status_parse("held"), VISIT_HELD);
	/* a record wins over either word */
	v.recorded = 1;
	assert_int_equal(visit_status_at(&v, d + 1, 7), VISIT_DONE);
	v.word = VISIT_WORD_MISSED;
	assert_int_equal(visit_status_at(&v, d + 8, 7), VISIT_FEEDBACK_DUE);
	v.feedback_held = 1;
	assert_int_equal(visit_status_at(&v, d + 8, 7), VISIT_CLOSED);
	/* cancelled stays cancelled */
	v.cancelled = 1;
	assert_int_equal(visit_status_at(&v, d + 8, 7), VISIT_CANCELLED);
}

/* Parse an observation document held in a C string. */
static int obs_json(const char *text, struct visit_obs *obs, struct beter_err *err)
{
	return visit_obs_parse_json("t.json", text, strlen(text), obs, err);
}

static void test_text_entry(void **state)
{
	struct visit_obs obs;
	struct beter_err err = { 0 };
	(void)state;

	assert_int_equal(visit_obs_parse_text(NULL, "# only\n# comments\n\nseen:\n\neffect:\n\nscores:\n", &obs, &err),
			 BETER_FAIL);
	assert_non_null(strstr(err.msg, "aborting"));
	assert_int_equal(visit_obs_parse_text(NULL, "seen: I saw you\nask a question\n# dropped\neffect:\n pupils answered \n"
					      "scores:\nklimaat.1 = 3\nUITLEG.2=4\n", &obs, &err), 0);
	assert_string_equal(obs.seen, "I saw you\nask a question");
	assert_string_equal(obs.effect, "pupils answered");
	assert_int_equal(obs.nscores, 2);
	assert_string_equal(obs.scores[1].item, "uitleg.2");
	assert_int_equal(obs.scores[1].value, 4);
	visit_obs_release(&obs);
	assert_int_equal(visit_obs_parse_text(NULL, "hello\nseen: x\n", &obs, &err), BETER_DATAERR);
	assert_int_equal(visit_obs_parse_text(NULL, "seen: x\nscores:\nklimaat.1\n", &obs, &err), BETER_DATAERR);
	/* the Dutch template's section name; an item scored twice */
	assert_int_equal(visit_obs_parse_text(NULL, "Gezien: ik zag je\neffect: zij deden\n", &obs, &err), 0);
	assert_string_equal(obs.seen, "ik zag je");
	visit_obs_release(&obs);
	assert_int_equal(visit_obs_parse_text(NULL, "gezien: x\neffect: y\nscores:\nklimaat.1=3\nKlimaat.1=2\n", &obs, &err),
			 BETER_DATAERR);
	assert_string_equal(err.msg, "line 5: scores: the item 'klimaat.1' is scored twice; give one score per item");
	/* a misspelled header is refused, not read as text of the section above */
	assert_int_equal(visit_obs_parse_text("e.txt", "gezien: x\neffect: y\nscore:\nklimaat.1=3\n", &obs, &err),
			 BETER_DATAERR);
	assert_non_null(strstr(err.msg, "e.txt:3: 'score:' is not a section; did you mean 'scores:'?"));
	assert_int_equal(visit_obs_parse_text(NULL, "gezien: x\neffect: y\nConclusie:\n", &obs, &err), BETER_DATAERR);
	/* a word and a colon followed by text is text; the line of a score is kept */
	assert_int_equal(visit_obs_parse_text("e.txt", "gezien: x\nConclusie: rust\neffect: y\nscores:\n\nklimaat.1=3\n",
					      &obs, &err), 0);
	assert_string_equal(obs.seen, "x\nConclusie: rust");
	assert_int_equal(obs.scores[0].line, 6);
	assert_string_equal(obs.from, "e.txt");
	visit_obs_release(&obs);

	assert_int_equal(obs_json("{\"seen\": \"a\", \"effect\": \"b\", \"scores\": {\"x.1\": 2}}", &obs, &err), 0);
	assert_int_equal(obs.nscores, 1);
	visit_obs_release(&obs);
	assert_int_equal(obs_json("{\"seen\": 3}", &obs, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "t.json: field 'seen': expected a string");
	assert_int_equal(obs_json("{\"scores\": {\"x\": 2.5}}", &obs, &err), BETER_DATAERR);
	assert_int_equal(obs_json("[", &obs, &err), BETER_DATAERR);
	/* one document, nothing after it, no NUL in text */
	assert_int_equal(obs_json("{\"seen\": \"a\"} {}", &obs, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "t.json:1:15: text after the end of the document");
	assert_int_equal(obs_json("{\"seen\": \"a\\u0000b\"}", &obs, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "t.json:1:12: \\u0000 (a NUL character) is not allowed in text");
	assert_int_equal(visit_obs_parse_json("t.json", "{\"seen\": \"a\0b\"}", 16, &obs, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "t.json:1:12: a NUL byte (the file must be UTF-8 text)");
}

static void test_visit_flow(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct visit_new v;
	struct visit_obs obs;
	int64_t a, b, id, pid;
	int today = date_today();
	char *pts[] = { "check every pupil" };
	(void)state;

	assert_int_equal(person_add(db, 1, "AA", "A", "leraar", &a, &err), 0);
	assert_int_equal(person_add(db, 1, "BB", "B", "leraar", &b, &err), 0);
	memset(&v, 0, sizeof(v));
	v.observer = a;
	v.teacher = a;
	v.day = today - 10;
	v.time = -1;
	assert_int_equal(visit_add(db, 1, &v, &id, &err), BETER_DATAERR);
	v.teacher = b;
	v.focus = "item:nope.1";
	assert_int_equal(visit_add(db, 1, &v, &id, &err), BETER_DATAERR);
	v.focus = "goal:0";
	assert_int_equal(visit_add(db, 1, &v, &id, &err), BETER_DATAERR);
	v.focus = "goal:4";
	assert_int_equal(visit_add(db, 1, &v, &id, &err), BETER_FAIL); /* no such goal */
	assert_int_equal(sqlite3_exec(store_sqlite(db), "INSERT INTO team(uid, school_id, name) VALUES ('t1', 1, 'T');"
				      "INSERT INTO goal(id, uid, school_id, team_id, text, weeks, norm, baseline, added) "
				      "VALUES (4, 'g4', 1, 1, 'leerlingen lezen', 6, 8, 5, '2026-11-01')", NULL, NULL, NULL),
			 STORE_OK);
	assert_int_equal(visit_add(db, 1, &v, &id, &err), 0);
	assert_int_equal(store_int(db, "SELECT focus_goal_id FROM visit", 0), 4);

	/* feedback before recording is refused */
	assert_int_equal(visit_feedback(db, id, today, "x", NULL, 0, &err), BETER_FAIL);
	memset(&obs, 0, sizeof(obs));
	obs.seen = xstrdup("I saw");
	obs.effect = xstrdup("they did");
	assert_int_equal(visit_obs_add_score(&obs, "klimaat.1=9", "--score", &err), 0);
	assert_int_equal(visit_record(db, 1, id, &obs, NULL, today, 0, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "--score: klimaat.1=9 is outside 1-4");
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit WHERE recorded IS NOT NULL", -1), 0);
	obs.scores[0].value = 3;
	assert_int_equal(visit_record(db, 1, id, &obs, NULL, today, 0, &err), 0);
	assert_int_equal(store_int(db, "SELECT score FROM visit_score", 0), 3);
	/* recorded once: again only with replace, and then what is given is the record */
	assert_int_equal(visit_may_record(db, id, 0, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "give --replace to write it again"));
	assert_int_equal(visit_record(db, 1, id, &obs, NULL, today, 0, &err), BETER_DATAERR);
	visit_obs_release(&obs);
	assert_int_equal(visit_obs_load(db, id, &obs, &err), 0);
	assert_string_equal(obs.seen, "I saw");
	assert_int_equal(obs.nscores, 1);
	assert_string_equal(obs.scores[0].item, "klimaat.1");
	obs.scores[0].value = 7;
	obs.scores[0].line = 4;
	obs.from = xstrdup("e.txt");
	assert_int_equal(visit_record(db, 1, id, &obs, NULL, today, 1, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "e.txt:4: scores: klimaat.1=7 is outside 1-4");
	obs.nscores = 0; /* the item string is freed below through a copy count */
	free(obs.scores[0].item);
	assert_int_equal(visit_record(db, 1, id, &obs, NULL, today, 1, &err), 0);
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit_score", -1), 0);
	visit_obs_release(&obs);
	obs.seen = xstrdup("I saw");
	obs.effect = xstrdup("they did");
	assert_int_equal(visit_obs_add_score(&obs, "klimaat.1=3", "--score", &err), 0);
	assert_int_equal(visit_record(db, 1, id, &obs, NULL, today, 1, &err), 0);
	visit_obs_release(&obs);
	assert_int_equal(store_int(db, "SELECT score FROM visit_score", 0), 3);

	assert_int_equal(visit_feedback(db, id, today - 11, "x", NULL, 0, &err), BETER_DATAERR);
	assert_int_equal(visit_feedback(db, id, today, "try it", pts, 1, &err), 0);
	assert_int_equal(visit_feedback(db, id, today, "again", NULL, 0, &err), BETER_FAIL);
	assert_int_equal(devpoint_open_count(db, b), 1);

	/* a visit focused on the points links to the open ones */
	v.focus = "points";
	v.day = today;
	assert_int_equal(visit_add(db, 1, &v, &id, &err), 0);
	/* the point made in the talk, and the focus of the new visit */
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit_devpoint WHERE made = 1", -1), 1);
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit_devpoint WHERE made = 0", -1), 1);
	pid = store_int(db, "SELECT id FROM goal WHERE person_id IS NOT NULL", 0);
	assert_int_equal(devpoint_close(db, pid, today, &err), 0);
	assert_int_equal(devpoint_close(db, pid, today, &err), BETER_FAIL);
	assert_int_equal(devpoint_open_count(db, b), 0);
	store_close(db);
}

static void test_plan_rounds(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct visit_plan_opts po;
	int64_t team, pid;
	int n, rep, added;
	char code[8];
	(void)state;

	assert_int_equal(team_add(db, 1, "T", NULL, &team, &err), 0);
	for (int i = 0; i < 5; i++) {
		snprintf(code, sizeof(code), "P%d", i);
		assert_int_equal(person_add(db, 1, code, code, "leraar", &pid, &err), 0);
		assert_int_equal(team_member_add(db, team, pid, NULL, &added, &err), 0);
	}
	memset(&po, 0, sizeof(po));
	po.team = team;
	po.round = "r1";
	po.from = 1;
	po.to = 0;
	po.today = date_today();
	assert_int_equal(visit_plan(db, 1, &po, &n, &rep, &err), 0);
	assert_int_equal(n, 5);
	/* planning a round again replaces the visits that were not recorded */
	assert_int_equal(visit_plan(db, 1, &po, &n, &rep, &err), 0);
	assert_int_equal(n, 5);
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit", -1), 5);
	po.round = "r2";
	po.mode = VISIT_PLAN_ROTATION;
	assert_int_equal(visit_plan(db, 1, &po, &n, &rep, &err), 0);
	assert_int_equal(rep, 0);
	/* no pair of r1 again in r2 */
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit a JOIN visit b ON a.observer_id = b.observer_id AND "
				       "a.teacher_id = b.teacher_id AND a.round_id <> b.round_id", -1), 0);
	assert_int_equal(store_int(db, "SELECT count(DISTINCT observer_id) + count(DISTINCT teacher_id) FROM visit v "
				       "JOIN visit_round r ON r.id = v.round_id WHERE r.name = 'r2'", -1), 10);
	store_close(db);
}

static void test_framework_csv(void **state)
{
	struct framework fw;
	struct beter_err err = { 0 };
	char path[] = "/tmp/beter-fw-XXXXXX";
	int fd = mkstemp(path);
	const char *csv = "domein;code;omschrijving\nKlimaat;k.1;Rustig\nUitleg;u.1;Helder doel\nKlimaat;k.2;Veilig\n";
	(void)state;

	assert_true(write(fd, csv, strlen(csv)) == (ssize_t)strlen(csv));
	close(fd);
	assert_int_equal(framework_parse_csv(path, "eigen", "Eigen", 1, 5, "a|b|c|d|e", &fw, &err), 0);
	assert_int_equal(fw.ndomains, 2);
	assert_int_equal(fw.nitems, 3);
	assert_string_equal(fw.domains[fw.items[2].domain].title, "Klimaat");
	assert_string_equal(framework_label(&fw, 5), "e");
	char *json = framework_to_json(&fw);
	struct framework back;
	assert_int_equal(framework_parse_json("back", json, &back, &err), 0);
	assert_int_equal(back.nitems, 3);
	framework_release(&back);
	free(json);
	framework_release(&fw);
	assert_int_equal(framework_parse_csv(path, "eigen", "Eigen", 1, 4, "a|b", &fw, &err), BETER_DATAERR);
	unlink(path);
	/* the same from text in memory */
	assert_int_equal(framework_parse_csv_mem("mem.csv", csv, strlen(csv), "eigen", "Eigen", 1, 5, "a|b|c|d|e", &fw, &err), 0);
	assert_int_equal(fw.nitems, 3);
	framework_release(&fw);
	/* a scale bound beyond int is not a whole number we can use (no cast of it) */
	const char *huge = "{\"key\": \"k\", \"title\": \"K\", \"scale\": {\"min\": 1e300, \"max\": 4}, \"domains\": []}";
	assert_int_equal(framework_parse_json("h.json", huge, &fw, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "h.json: field 'scale.min': expected a whole number");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_planner_sizes),	  cmocka_unit_test(test_planner_hard_previous),
		cmocka_unit_test(test_status),		  cmocka_unit_test(test_status_at),		  cmocka_unit_test(test_text_entry),
		cmocka_unit_test(test_visit_flow),	  cmocka_unit_test(test_plan_rounds),
		cmocka_unit_test(test_framework_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
