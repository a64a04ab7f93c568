#include "unit.h"

#include "beter/check.h"
#include "beter/exchange.h"
#include "beter/person.h"
#include "beter/schema.h"
#include "beter/team.h"
#include "beter/store_sqlite.h"

/* A table as other modules add them: a link to a team, a link to its own
 * table (a reply to a note), a BLOB and a REAL. */
static const char *extra_table =
	"CREATE TABLE note (id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT NOT NULL UNIQUE, "
	"team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE, parent_id INTEGER REFERENCES note(id), "
	"body BLOB, score REAL CHECK (score BETWEEN 1 AND 10));"
	"CREATE TABLE note_tag (note_id INTEGER NOT NULL REFERENCES note(id), tag TEXT NOT NULL, "
	"PRIMARY KEY (note_id, tag)) WITHOUT ROWID;";

static struct store *store_with_extra(void)
{
	struct store *db = unit_store();
	assert_int_equal(sqlite3_exec(store_sqlite(db), "UPDATE school SET uid = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", NULL, NULL, NULL),
			 STORE_OK);
	assert_int_equal(sqlite3_exec(store_sqlite(db), extra_table, NULL, NULL, NULL), STORE_OK);
	return db;
}

static char *export_of(struct store *db)
{
	struct capture cap;
	struct beter_err err = { 0 };
	capture_begin(&cap, OUT_JSON);
	assert_int_equal(exchange_export(db, 0, &cap.out, &err), 0);
	return (char *)capture_end(&cap);
}

static void test_schema(void **state)
{
	struct store *db = store_with_extra();
	struct schema s;
	struct beter_err err = { 0 };
	(void)state;

	assert_int_equal(schema_load(db, &s, &err), 0);
	int school = schema_find(&s, "school"), team = schema_find(&s, "team"), note = schema_find(&s, "note");
	int member = schema_find(&s, "team_member"), tag = schema_find(&s, "note_tag");
	assert_true(school >= 0 && team > school && note > team && member > team && tag > note);
	assert_int_equal(s.t[member].uid, -1);
	assert_int_equal(s.t[member].rowid, -1);
	assert_int_equal(s.t[member].npk, 2);
	assert_int_equal(s.t[note].cols[schema_col_find(&s.t[note], "team_id")].ref, team);
	assert_int_equal(s.t[note].cols[schema_col_find(&s.t[note], "parent_id")].ref, note);
	assert_true(s.t[note].selfref);
	assert_int_equal(s.t[note].cols[schema_col_find(&s.t[note], "body")].aff, AFF_BLOB);
	schema_release(&s);
	sqlite3_close(store_sqlite(db));
}

static void test_round_trip(void **state)
{
	struct store *a = store_with_extra(), *b;
	struct beter_err err = { 0 };
	struct exchange_stats st;
	int64_t p, t;
	int added;
	(void)state;

	assert_int_equal(person_add(a, 1, "JDV", "Jan \"de\" Vries\n", "leraar", &p, &err), 0);
	assert_int_equal(team_add(a, 1, "Team A", NULL, &t, &err), 0);
	assert_int_equal(team_member_add(a, t, p, NULL, &added, &err), 0);
	/* the reply's uid sorts before its parent's: the import must wait for it */
	assert_int_equal(sqlite3_exec(store_sqlite(a),
				      "INSERT INTO note(uid, team_id, parent_id, body, score) VALUES "
				      "('ffffffffffffffffffffffffffffffff', 1, NULL, x'00ff10', 7.25);"
				      "INSERT INTO note(uid, team_id, parent_id, body, score) VALUES "
				      "('00000000000000000000000000000001', 1, 1, NULL, 3);"
				      "INSERT INTO note_tag VALUES (1, 'x'), (2, 'y');",
				      NULL, NULL, NULL), STORE_OK);
	char *one = export_of(a);
	assert_non_null(strstr(one, "\"body\": \"AP8Q\""));
	assert_non_null(strstr(one, "\"parent_id\": \"ffffffffffffffffffffffffffffffff\""));
	assert_non_null(strstr(one, "\"note_id\": \"00000000000000000000000000000001\", \"tag\": \"y\""));

	assert_int_equal(store_open(":memory:", STORE_MEMORY, &b, &err), 0);
	assert_int_equal(sqlite3_exec(store_sqlite(b), extra_table, NULL, NULL, NULL), STORE_OK);
	assert_int_equal(exchange_import_mem(b, "one.json", one, strlen(one), &st, &err), 0);
	exchange_stats_release(&st);
	char *two = export_of(b);
	assert_string_equal(one, two);

	/* twice: nothing added or changed */
	assert_int_equal(exchange_import_mem(b, "one.json", one, strlen(one), &st, &err), 0);
	for (int i = 0; i < st.n; i++)
		assert_int_equal(st.t[i].added + st.t[i].changed, 0);
	exchange_stats_release(&st);

	/* a CHECK constraint of the new table is enforced, naming the row */
	char *bad = xstrdup(one);
	char *at = strstr(bad, "\"score\": 7.25");
	assert_non_null(at);
	memcpy(at, "\"score\": 72.5", 13);
	assert_int_equal(exchange_import_mem(b, "bad.json", bad, strlen(bad), &st, &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "table 'note', row 'ffffffffffffffffffffffffffffffff'"));
	exchange_stats_release(&st);

	free(bad);
	free(one);
	free(two);
	sqlite3_close(store_sqlite(a));
	sqlite3_close(store_sqlite(b));
}

static void count_problem(void *arg, const char *check, const char *table, const char *record, const char *problem)
{
	(void)table;
	(void)record;
	(void)problem;
	if (!strcmp(check, "link") || !strcmp(check, "uid"))
		(*(int *)arg)++;
}

static void test_check(void **state)
{
	struct store *db = store_with_extra();
	struct beter_err err = { 0 };
	long problems;
	int n = 0;
	(void)state;

	assert_int_equal(check_run(db, CHECK_INTEGRITY, count_problem, &n, &problems, &err), 0);
	assert_int_equal(problems, 0);
	assert_int_equal(sqlite3_exec(store_sqlite(db),
				      "PRAGMA foreign_keys = OFF;"
				      "INSERT INTO note(uid, team_id) VALUES ('not a uid', 99)",
				      NULL, NULL, NULL), STORE_OK);
	assert_int_equal(check_run(db, CHECK_INTEGRITY, count_problem, &n, &problems, &err), 0);
	assert_int_equal(problems, 2);
	assert_int_equal(n, 2);
	sqlite3_close(store_sqlite(db));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
