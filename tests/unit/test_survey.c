#include "unit.h"

#include <math.h>

#include "beter/check.h"
#include "beter/survey.h"
#include "beter/store_sqlite.h"

static const char doc[] =
	"{\"id\":\"t\",\"title\":\"T\",\"kind\":\"culture\",\"likert\":[{\"id\":\"e\",\"min\":1,\"max\":5,"
	"\"labels\":[\"Helemaal mee oneens\",\"Mee oneens\",\"Neutraal\",\"Mee eens\",\"Helemaal mee eens\"],"
	"\"missing\":[\"Weet ik niet\"]},{\"id\":\"z\",\"min\":0,\"max\":10}],"
	"\"scales\":[{\"id\":\"a\",\"title\":\"A\",\"likert\":\"e\"},{\"id\":\"b\",\"title\":\"B\",\"likert\":\"z\"}],"
	"\"items\":[{\"id\":\"i1\",\"text\":\"Een\",\"scale\":\"a\"},{\"id\":\"i2\",\"text\":\"Twee\",\"scale\":\"a\","
	"\"reverse\":true},{\"id\":\"open\",\"text\":\"Vrij\",\"type\":\"text\"},{\"id\":\"i3\",\"text\":\"Drie\","
	"\"scale\":\"b\"}]}";

static void test_instrument_parse(void **state)
{
	struct survey_instrument in;
	struct beter_err err = { 0 };
	(void)state;

	assert_int_equal(survey_instrument_parse("t.json", doc, strlen(doc), &in, &err), 0);
	assert_int_equal(in.nitems, 4);
	assert_int_equal(in.npacked, 3);
	assert_int_equal(in.items[2].pos, 0);
	assert_int_equal(in.items[3].pos, 3);
	assert_int_equal(in.min_n, 5);
	survey_instrument_release(&in);

	const char *bad = "{\"id\":\"t\",\"title\":\"T\",\"kind\":\"culture\",\"likert\":[{\"id\":\"e\",\"min\":1,"
			  "\"max\":5}],\"scales\":[{\"id\":\"a\",\"title\":\"A\",\"likert\":\"e\"}],"
			  "\"items\":[{\"id\":\"i1\",\"text\":\"Een\",\"scale\":\"x\"}]}";
	assert_int_equal(survey_instrument_parse("b.json", bad, strlen(bad), &in, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "b.json: field 'items[0].scale': no scale 'x'");
	const char *lowmin = "{\"id\":\"t\",\"title\":\"T\",\"kind\":\"culture\",\"min_n\":2}";
	assert_int_equal(survey_instrument_parse("m.json", lowmin, strlen(lowmin), &in, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "m.json: field 'min_n': 2 is outside 3-1000");
	/* found by fuzzing: a number beyond int was cast before its range was checked */
	const char *huge = "{\"id\":\"t\",\"title\":\"T\",\"kind\":\"culture\",\"min_n\":32222222222222222222222}";
	assert_int_equal(survey_instrument_parse("h.json", huge, strlen(huge), &in, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "h.json: field 'min_n': 3.22222222222222e+22 is outside 3-1000");
	const char *low = "{\"id\":\"t\",\"title\":\"T\",\"kind\":\"culture\",\"min_n\":-1e300}";
	assert_int_equal(survey_instrument_parse("l.json", low, strlen(low), &in, &err), BETER_DATAERR);
	assert_string_equal(err.msg, "l.json: field 'min_n': -1e+300 is outside 3-1000");
}

static void test_packing(void **state)
{
	struct survey_instrument in;
	struct beter_err err = { 0 };
	int v;
	(void)state;

	assert_int_equal(survey_instrument_parse("t.json", doc, strlen(doc), &in, &err), 0);
	const struct survey_likert *e = &in.likert[0], *z = &in.likert[1];
	assert_int_equal(survey_cell_value(e, " helemaal MEE eens ", 19, &v), SURVEY_CELL_VALUE);
	assert_int_equal(v, 5);
	assert_int_equal(survey_cell_value(e, "Mee oneens", 10, &v), SURVEY_CELL_VALUE);
	assert_int_equal(v, 2);
	assert_int_equal(survey_cell_value(e, "3", 1, &v), SURVEY_CELL_VALUE);
	assert_int_equal(v, 3);
	assert_int_equal(survey_cell_value(e, "6", 1, &v), SURVEY_CELL_RANGE);
	assert_int_equal(v, 6);
	assert_int_equal(survey_cell_value(e, "0", 1, &v), SURVEY_CELL_RANGE);
	assert_int_equal(survey_cell_value(e, "-1", 2, &v), SURVEY_CELL_RANGE);
	assert_int_equal(survey_cell_value(e, "3.5", 3, &v), SURVEY_CELL_UNKNOWN);
	assert_int_equal(survey_cell_value(e, "Mee eens!", 9, &v), SURVEY_CELL_UNKNOWN);
	assert_int_equal(survey_cell_value(e, "weet ik niet", 12, &v), SURVEY_CELL_NONE);
	assert_int_equal(survey_cell_value(e, "  ", 2, &v), SURVEY_CELL_NONE);
	assert_int_equal(survey_cell_value(e, "", 0, &v), SURVEY_CELL_NONE);
	/* only len bytes count */
	assert_int_equal(survey_cell_value(e, "4x", 1, &v), SURVEY_CELL_VALUE);
	assert_int_equal(v, 4);
	/* a scale from 0: the value 0 packs to 1, never to "no answer" */
	assert_int_equal(survey_cell_value(z, "0", 1, &v), SURVEY_CELL_VALUE);
	assert_int_equal(survey_pack(z->lo, 0), 1);
	assert_int_equal(survey_pack(z->lo, 10), 11);
	assert_int_equal(survey_unpack(z->lo, 11), 10);
	assert_int_equal(survey_pack(e->lo, 1), 1);
	assert_int_equal(survey_unpack(e->lo, survey_pack(e->lo, 5)), 5);
	assert_int_equal(survey_turn(1, 5, 1, 1), 5);
	assert_int_equal(survey_turn(1, 5, 2, 1), 4);
	assert_int_equal(survey_turn(1, 5, 2, 0), 2);
	assert_int_equal(survey_turn(0, 10, 3, 1), 7);
	survey_instrument_release(&in);
}

static void test_stats(void **state)
{
	struct survey_stat a = { 0 }, b = { 0 }, one = { 0 }, flat1 = { 0 }, flat2 = { 0 };
	(void)state;

	double xs[] = { 2, 4, 4, 4, 5, 5, 7, 9 };
	for (int i = 0; i < 8; i++)
		survey_stat_add(&a, xs[i]);
	assert_int_equal(a.n, 8);
	assert_true(fabs(a.mean - 5.0) < 1e-12);
	assert_true(fabs(survey_stat_sd(&a) - sqrt(32.0 / 7.0)) < 1e-12);
	survey_stat_add(&one, 3);
	assert_true(isnan(survey_stat_sd(&one)));

	/* d = (mean_b - mean_a) / sqrt(((na-1)sa^2 + (nb-1)sb^2) / (na+nb-2)) */
	double ys[] = { 3, 4, 5 }; /* mean 4, sd 1 */
	double zs[] = { 4, 5, 6, 7, 8 }; /* mean 6, sd sqrt(2.5) */
	struct survey_stat y = { 0 }, z = { 0 };
	for (int i = 0; i < 3; i++)
		survey_stat_add(&y, ys[i]);
	for (int i = 0; i < 5; i++)
		survey_stat_add(&z, zs[i]);
	double pooled = sqrt((2 * 1.0 + 4 * 2.5) / 6.0);
	assert_true(fabs(survey_cohen_d(&y, &z) - 2.0 / pooled) < 1e-12);
	assert_true(fabs(survey_cohen_d(&z, &y) + 2.0 / pooled) < 1e-12);
	assert_true(isnan(survey_cohen_d(&one, &a)));
	survey_stat_add(&flat1, 3);
	survey_stat_add(&flat1, 3);
	survey_stat_add(&flat2, 3);
	survey_stat_add(&flat2, 3);
	assert_true(isnan(survey_cohen_d(&flat1, &flat2)));
	(void)b;
}

/* The mean of 16 answers summing to 46 is 2.875, whatever order they come
 * in (the answers of each respondent, or their distribution): 2.88. */
static void test_exact_mean(void **state)
{
	struct survey_stat up = { 0 }, down = { 0 }, score = { 0 }, none = { 0 };
	int xs[] = { 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1 };
	(void)state;

	for (int i = 0; i < 16; i++) {
		survey_stat_add_frac(&up, xs[i], 1);
		survey_stat_add_frac(&down, xs[15 - i], 1);
	}
	assert_true(survey_stat_mean(&up) == 2.875);
	assert_true(survey_stat_mean(&down) == 2.875);
	assert_true(round(survey_stat_mean(&up) * 100.0) == 288.0);
	/* scale scores: 7/3, 5/2, 10/4 average to 22/9 */
	survey_stat_add_frac(&score, 7, 3);
	survey_stat_add_frac(&score, 5, 2);
	survey_stat_add_frac(&score, 10, 4);
	assert_true(survey_stat_mean(&score) == 22.0 / 9.0);
	assert_true(isnan(survey_stat_mean(&none)));
	/* 17 does not divide SURVEY_STAT_L: Welford's mean */
	survey_stat_add_frac(&none, 1, 17);
	assert_true(fabs(survey_stat_mean(&none) - 1.0 / 17.0) < 1e-15);
}

static void test_suppression(void **state)
{
	int hidden[4], th;
	(void)state;

	/* 4 and 6 beside a shown total: 4 would follow from the total minus 6 */
	int64_t n1[] = { 4, 6 };
	survey_suppress(n1, 2, 10, 5, hidden, &th);
	assert_int_equal(th, 0);
	assert_int_equal(hidden[0], 1);
	assert_int_equal(hidden[1], 1);

	/* one small group among three: the smallest shown one goes too */
	int64_t n2[] = { 7, 4, 6 };
	survey_suppress(n2, 3, 17, 5, hidden, &th);
	assert_int_equal(hidden[0], 0);
	assert_int_equal(hidden[1], 1);
	assert_int_equal(hidden[2], 1);

	/* two small groups: nothing to add */
	int64_t n3[] = { 3, 4, 9 };
	survey_suppress(n3, 3, 16, 5, hidden, &th);
	assert_int_equal(hidden[0], 1);
	assert_int_equal(hidden[1], 1);
	assert_int_equal(hidden[2], 0);

	/* all large enough */
	int64_t n4[] = { 5, 6 };
	survey_suppress(n4, 2, 11, 5, hidden, &th);
	assert_int_equal(hidden[0] + hidden[1] + th, 0);

	/* total too small: everything hidden */
	int64_t n5[] = { 2, 2 };
	survey_suppress(n5, 2, 4, 5, hidden, &th);
	assert_int_equal(th, 1);
	assert_int_equal(hidden[0] & hidden[1], 1);

	/* an empty group does not count as the second hidden one */
	int64_t n6[] = { 0, 4, 8, 9 };
	survey_suppress(n6, 4, 21, 5, hidden, &th);
	assert_int_equal(hidden[1], 1);
	assert_int_equal(hidden[2], 1);
	assert_int_equal(hidden[3], 0);

	/* 360: minimum 3 */
	int64_t n7[] = { 1, 3, 4 };
	survey_suppress(n7, 3, 8, 3, hidden, &th);
	assert_int_equal(hidden[0], 1);
	assert_int_equal(hidden[1], 1);
	assert_int_equal(hidden[2], 0);
}

static void test_store_and_view(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct survey_add_opts a = { 0 };
	int64_t id;
	(void)state;

	a.instrument = "cultuursurvey";
	a.wave = "0-meting";
	assert_int_equal(survey_add(db, 1, &a, &id, &err), 0);
	assert_int_equal(survey_add(db, 1, &a, &id, &err), BETER_DATAERR);
	a.instrument = "nope";
	a.wave = "x";
	assert_int_equal(survey_add(db, 1, &a, &id, &err), BETER_FAIL);
	/* a packed row unfolds through the view: byte 0 is no answer */
	assert_int_equal(sqlite3_exec(store_sqlite(db), "INSERT INTO survey_response(uid, survey_id, n_answers, answers) "
					  "VALUES ('r1', 1, 2, x'0500000000000000000000000000000000000001')",
				      NULL, NULL, NULL), STORE_OK);
	assert_int_equal(store_int(db, "SELECT count(*) FROM survey_answer", -1), 2);
	assert_int_equal(store_int(db, "SELECT value FROM survey_answer a JOIN survey_item i ON i.id = a.item_id "
				       "WHERE i.code = 'ov1'", -1), 5);
	assert_int_equal(store_int(db, "SELECT value FROM survey_answer a JOIN survey_item i ON i.id = a.item_id "
				       "WHERE i.code = 'vv2'", -1), 1);
	store_close(db);
}

struct problems {
	int n;
	char text[8][256];
};

static void keep_problem(void *arg, const char *check, const char *table, const char *record, const char *problem)
{
	struct problems *p = arg;
	(void)table;
	if (p->n < 8)
		snprintf(p->text[p->n], sizeof(p->text[0]), "%s|%s|%s", check, record, problem);
	p->n++;
}

/* The rules on packed answers: the length, each byte against its item's
 * scale (the first bad item of a response), and n_answers. */
static void test_response_rules(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	struct survey_add_opts a = { 0 };
	struct problems p = { 0 };
	char want[256];
	long problems;
	int64_t id;
	(void)state;

	a.instrument = "cultuursurvey";
	a.wave = "0-meting";
	assert_int_equal(survey_add(db, 1, &a, &id, &err), 0);
	assert_int_equal(sqlite3_exec(store_sqlite(db), "UPDATE school SET uid = lower(hex(randomblob(16)))", NULL, NULL, NULL),
			 STORE_OK);
	int items = (int)store_int(db, "SELECT count(*) FROM survey_item i JOIN survey s ON s.instrument_id = "
				       "i.instrument_id WHERE s.id = 1 AND i.pos IS NOT NULL", -1);
	int top = (int)store_int(db, "SELECT i.hi - i.lo + 1 FROM survey_item i JOIN survey s ON s.instrument_id = "
				     "i.instrument_id WHERE s.id = 1 AND i.pos = 3", -1);
	assert_true(items > 7);
	assert_true(top > 1 && top < 9);
	/* sound: every byte at the top of its scale, one left open */
	char *sql = sqlite3_mprintf("INSERT INTO survey_response(uid, survey_id, n_answers, answers) "
				    "VALUES (lower(hex(randomblob(16))), 1, %d, CAST(printf('%%.*c', %d, char(1)) AS BLOB))",
				    items, items);
	assert_int_equal(sqlite3_exec(store_sqlite(db), sql, NULL, NULL, NULL), STORE_OK);
	sqlite3_free(sql);
	assert_int_equal(check_run(db, 0, keep_problem, &p, &problems, &err), 0);
	assert_int_equal(problems, 0);
	/* two bytes over their scale (positions 3 and 7): one problem, the first */
	sql = sqlite3_mprintf("INSERT INTO survey_response(uid, survey_id, n_answers, answers) "
			      "VALUES (lower(hex(randomblob(16))), 1, %d, "
			      "CAST(zeroblob(2) || x'09' || zeroblob(3) || x'09' || zeroblob(%d) AS BLOB))",
			      2, items - 7);
	assert_int_equal(sqlite3_exec(store_sqlite(db), sql, NULL, NULL, NULL), STORE_OK);
	sqlite3_free(sql);
	/* n_answers off by one, and one byte too many */
	sql = sqlite3_mprintf("INSERT INTO survey_response(uid, survey_id, n_answers, answers) "
			      "VALUES (lower(hex(randomblob(16))), 1, 1, CAST(x'0202' || zeroblob(%d) AS BLOB))", items - 1);
	assert_int_equal(sqlite3_exec(store_sqlite(db), sql, NULL, NULL, NULL), STORE_OK);
	sqlite3_free(sql);
	assert_int_equal(check_run(db, 0, keep_problem, &p, &problems, &err), 0);
	assert_int_equal(problems, 3);
	assert_int_equal(p.n, 3);
	struct store_stmt *st;
	assert_int_equal(store_prepare(db, "SELECT i.code, i.lo, i.hi FROM survey_item i JOIN survey s ON "
					    "s.instrument_id = i.instrument_id WHERE s.id = 1 AND i.pos = 3", &st, NULL),
			 STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	snprintf(want, sizeof(want), "survey-response-value|survey 1 / response 2|an answer outside its item's scale "
		 "(the first such item of the response): item %s: byte 9, the scale %d-%d has bytes 1-%d",
		 store_col(st, 0), (int)store_col_int(st, 1), (int)store_col_int(st, 2), top);
	store_finalize(st);
	assert_string_equal(p.text[1], want);
	snprintf(want, sizeof(want), "survey-response-length|survey 1 / response 3|the answers do not match the "
		 "instrument's Likert items (one byte each): %d bytes for %d Likert items", items + 1, items);
	assert_string_equal(p.text[0], want);
	assert_string_equal(p.text[2], "survey-response-count|survey 1 / response 3|n_answers is not the number of answers "
				       "given (non-zero bytes): 1 stored, 2 given");
	store_close(db);
}

/* The query plan of a statement, one detail per line. */
static void plan_of(struct store *db, const char *sql, char *out, size_t size)
{
	struct store_stmt *st;
	char q[1024];
	size_t n = 0;
	snprintf(q, sizeof(q), "EXPLAIN QUERY PLAN %s", sql);
	assert_int_equal(store_prepare(db, q, &st, NULL), STORE_OK);
	out[0] = '\0';
	while (store_step(st) == STORE_ROW)
		n += (size_t)snprintf(out + n, size - n, "%s\n", store_col(st, 3));
	store_finalize(st);
}

/* A report reads one survey's responses through indexes, whatever else the
 * store holds: never a scan of all responses or all surveys. */
static void test_report_plans(void **state)
{
	struct store *db = unit_store();
	char plan[2048];
	(void)state;
	/* survey_report: the responses of one survey */
	plan_of(db, "SELECT coalesce(team_id, -1), rater, answers FROM survey_response WHERE survey_id = ?1", plan,
		sizeof(plan));
	assert_non_null(strstr(plan, "USING INDEX survey_response_survey (survey_id=?)"));
	/* survey_compare: two waves of an instrument in a school, maybe one team */
	plan_of(db, "SELECT s.wave = ?4, r.answers FROM survey_response r JOIN survey s ON s.id = r.survey_id "
		    "WHERE s.school_id = ?1 AND s.instrument_id = ?2 AND s.wave IN (?3, ?4) "
		    "AND (?5 = 0 OR r.team_id = ?5)", plan, sizeof(plan));
	assert_non_null(strstr(plan, "INDEX survey_wave (school_id=? AND instrument_id=? AND wave=?)"));
	assert_non_null(strstr(plan, "SEARCH r USING INDEX survey_response_survey (survey_id=?)"));
	assert_null(strstr(plan, "SCAN"));
	/* survey_find and the survey list of a school */
	plan_of(db, "SELECT 1 FROM survey WHERE id = ?1 AND school_id = ?2", plan, sizeof(plan));
	assert_non_null(strstr(plan, "USING INTEGER PRIMARY KEY"));
	plan_of(db, "SELECT count(*) FROM survey WHERE school_id = ?1 AND instrument_id = ?2 AND wave = ?3", plan,
		sizeof(plan));
	assert_non_null(strstr(plan, "survey_wave"));
	/* the import's check for earlier responses */
	plan_of(db, "SELECT NOT EXISTS (SELECT 1 FROM survey_response WHERE survey_id = ?1)", plan, sizeof(plan));
	assert_non_null(strstr(plan, "survey_response_survey"));
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_instrument_parse), cmocka_unit_test(test_packing),
		cmocka_unit_test(test_stats),		 cmocka_unit_test(test_exact_mean),
		cmocka_unit_test(test_suppression),
		cmocka_unit_test(test_store_and_view),
		cmocka_unit_test(test_response_rules),
		cmocka_unit_test(test_report_plans),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
