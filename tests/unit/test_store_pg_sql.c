/* test_store_pg_sql.c - beter's SQL as the PostgreSQL engine rewrites it
 * (lib/store_pg_sql.c), and the store addresses that choose the engine. */
#include "unit.h"

#include "beter/store.h"
#include "beter/store_pg.h"

static void rewrites(const char *in, const char *want)
{
	char *got = pg_sql(in, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void test_params(void **state)
{
	int n = 0;
	unsigned char *flags = NULL;
	char *got;

	(void)state;
	rewrites("SELECT ?1, ?2, ?1", "SELECT $1, $2, $1");
	rewrites("SELECT ?, ?", "SELECT $1, $2");
	rewrites("SELECT '?1', \"?2\" -- ?3\n", "SELECT '?1', \"?2\" -- ?3\n");
	got = pg_sql_params("SELECT 1 WHERE (?2 IS NULL OR a = ?2) AND b = ?4", &n, &flags, NULL);
	assert_string_equal(got, "SELECT 1 WHERE ($2 IS NULL OR a = $2) AND b = $4");
	assert_int_equal(n, 4);
	assert_int_equal(flags[0], 0); /* unused: typed by its value */
	assert_int_equal(flags[1], PG_PARAM_USED | PG_PARAM_TESTED);
	assert_int_equal(flags[3], PG_PARAM_USED);
	free(got);
	free(flags);
	/* a NULL tested by IS NULL is written into the query */
	unsigned char nulls[2] = { 0, 1 };
	got = pg_sql_params("SELECT ?1 WHERE ?2 IS NULL OR a = ?2", NULL, NULL, nulls);
	assert_string_equal(got, "SELECT $1 WHERE NULL IS NULL OR a = NULL");
	free(got);
}

static void test_is(void **state)
{
	(void)state;
	rewrites("WHERE a IS ?1 AND b IS NOT c", "WHERE a IS NOT DISTINCT FROM $1 AND b IS DISTINCT FROM c");
	rewrites("WHERE a IS NULL AND b IS NOT NULL", "WHERE a IS NULL AND b IS NOT NULL");
	rewrites("WHERE a IS TRUE", "WHERE a IS TRUE");
}

static void test_order(void **state)
{
	(void)state;
	rewrites("SELECT a FROM t ORDER BY a, b DESC LIMIT 3",
		 "SELECT a FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST LIMIT 3");
	rewrites("SELECT (SELECT x FROM u ORDER BY y) FROM t ORDER BY day IS NULL, day",
		 "SELECT (SELECT x FROM u ORDER BY y NULLS FIRST) FROM t ORDER BY day IS NULL NULLS FIRST, day NULLS FIRST");
	rewrites("SELECT row_number() OVER (PARTITION BY a ORDER BY b ASC) FROM t",
		 "SELECT row_number() OVER (PARTITION BY a ORDER BY b ASC NULLS FIRST) FROM t");
	rewrites("SELECT a FROM t ORDER BY a NULLS LAST", "SELECT a FROM t ORDER BY a NULLS LAST");
	rewrites("SELECT a FROM t ORDER BY lower(a), b", "SELECT a FROM t ORDER BY lower(a) NULLS FIRST, b NULLS FIRST");
}

static void test_statements(void **state)
{
	(void)state;
	rewrites("INSERT OR IGNORE INTO t(a) VALUES (?1)", "INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING");
	rewrites("INSERT OR IGNORE INTO t(a) VALUES (1) RETURNING id",
		 "INSERT INTO t(a) VALUES (1) ON CONFLICT DO NOTHING RETURNING id");
	rewrites("SELECT 1 FROM t WHERE a LIKE 'x%' AND b NOT LIKE ?1", "SELECT 1 FROM t WHERE a ILIKE 'x%' AND b NOT ILIKE $1");
	rewrites("SELECT 1 WHERE a GLOB '*[^0-9]?_'", "SELECT 1 WHERE a SIMILAR TO '%[^0-9]_\\_'");
	rewrites("SELECT CAST(a AS REAL) FROM main.t JOIN temp.u", "SELECT CAST(a AS double precision) FROM t JOIN pg_temp.u");
	rewrites("SELECT n FROM (SELECT 1 AS n) WHERE n > 0", "SELECT n FROM (SELECT 1 AS n) AS beter_s1 WHERE n > 0");
	rewrites("SELECT n FROM (SELECT 1 AS n) x", "SELECT n FROM (SELECT 1 AS n) x");
	rewrites("SELECT count(*) FROM (SELECT 1)", "SELECT count(*) FROM (SELECT 1) AS beter_s1");
}

static void test_nocase(void **state)
{
	(void)state;
	rewrites("SELECT id FROM person WHERE school_id = ?1 AND code = ?2 COLLATE NOCASE",
		 "SELECT id FROM person WHERE school_id = $1 AND lower(code COLLATE \"C\") = lower($2 COLLATE \"C\")");
	rewrites("SELECT id FROM team WHERE (name = ?2 COLLATE NOCASE OR CAST(id AS TEXT) = ?2) "
		 "ORDER BY name = ?2 COLLATE NOCASE DESC LIMIT 1",
		 "SELECT id FROM team WHERE (lower(name COLLATE \"C\") = lower($2 COLLATE \"C\") OR CAST(id AS TEXT) = $2) "
		 "ORDER BY lower(name COLLATE \"C\") = lower($2 COLLATE \"C\") DESC NULLS LAST LIMIT 1");
	rewrites("SELECT 1 FROM t WHERE t.a <> 'X' COLLATE NOCASE",
		 "SELECT 1 FROM t WHERE lower(t.a COLLATE \"C\") <> lower('X' COLLATE \"C\")");
	rewrites("SELECT a FROM t ORDER BY t.name COLLATE NOCASE, t.id",
		 "SELECT a FROM t ORDER BY lower(t.name COLLATE \"C\") NULLS FIRST, t.id NULLS FIRST");
	rewrites("SELECT (SELECT group_concat(n) FROM (SELECT n FROM u ORDER BY n COLLATE NOCASE)) FROM t",
		 "SELECT (SELECT group_concat(n) FROM (SELECT n FROM u ORDER BY lower(n COLLATE \"C\") NULLS FIRST) AS beter_s1) FROM t");
	/* other forms keep the collation */
	rewrites("SELECT 1 WHERE CAST(a AS TEXT) = ?1 COLLATE NOCASE", "SELECT 1 WHERE CAST(a AS TEXT) = $1 COLLATE NOCASE");
	rewrites("UPDATE t SET a = ?1 COLLATE NOCASE", "UPDATE t SET a = $1 COLLATE NOCASE");
	rewrites("CREATE TEMP TABLE s(code TEXT PRIMARY KEY COLLATE NOCASE)",
		 "CREATE TEMP TABLE s(code TEXT PRIMARY KEY COLLATE NOCASE)");
	rewrites("SELECT a FROM t ORDER BY a COLLATE NOCASE || b", "SELECT a FROM t ORDER BY a COLLATE NOCASE || b NULLS FIRST");
}

static void inserts(const char *in, const char *want)
{
	char *got = pg_sql_inserts(in);
	if (want)
		assert_string_equal(got, want);
	else
		assert_null(got);
	free(got);
}

static void test_inserts(void **state)
{
	(void)state;
	inserts("INSERT INTO visit(uid) VALUES (?1)", "visit");
	inserts("INSERT OR IGNORE INTO main.board_checkin SELECT 1", "board_checkin");
	inserts("INSERT INTO a VALUES (1); insert into b VALUES (2); INSERT INTO a VALUES (3)", "a,b");
	inserts("INSERT INTO temp.seen VALUES (1); INSERT INTO pg_temp.x VALUES (1)", NULL);
	inserts("SELECT 'INSERT INTO x' FROM t", NULL);
	inserts("UPDATE t SET a = 1", NULL);
}

static void test_address(void **state)
{
	(void)state;
	assert_true(store_pg_address("postgresql:///beter"));
	assert_true(store_pg_address("postgres://odw@host/beter"));
	assert_true(store_pg_address("service=beter"));
	assert_true(store_pg_address("dbname=beter host=/tmp"));
	assert_false(store_pg_address("/tmp/s.db"));
	assert_false(store_pg_address("beter.db"));
	assert_false(store_pg_address("./a=b.db"));
	assert_false(store_pg_address(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_is),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_nocase),
		cmocka_unit_test(test_inserts),
		cmocka_unit_test(test_address),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
