/* The schema is the one source of the rules it can express: the value lists
 * in C are the lists of its CHECKs, it refuses a bad row written past beter,
 * and migration 0011 carries a version-10 store forward or leaves it as it
 * was, naming the rows that break its rules. */
#include "unit.h"

#include "beter/arena.h"
#include "beter/goal.h"
#include "beter/person.h"
#include "beter/team.h"

/* The CREATE statement of table t as the store keeps it. */
static char *table_sql(struct store *db, const char *t)
{
	sqlite3_stmt *st;
	char *sql = NULL;
	assert_int_equal(sqlite3_prepare_v2(store_sqlite(db), "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
					    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	sql = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return sql;
}

/* "col IN ('a', 'b')" made from a C list must be in the table's CHECK. */
static void assert_list(struct store *db, const char *table, const char *col, const char *const *list)
{
	char want[512];
	size_t n = (size_t)snprintf(want, sizeof(want), "%s IN (", col);
	for (int i = 0; list[i]; i++)
		n += (size_t)snprintf(want + n, sizeof(want) - n, "%s'%s'", i ? ", " : "", list[i]);
	snprintf(want + n, sizeof(want) - n, ")");
	char *sql = table_sql(db, table);
	if (!strstr(sql, want))
		fail_msg("%s: the schema's list is not the C list %s:\n%s", table, want, sql);
	free(sql);
}

static void test_value_lists(void **state)
{
	struct store *db = unit_store();
	(void)state;
	assert_list(db, "team", "kind", team_kinds);
	assert_list(db, "team_member", "role", team_member_roles);
	assert_list(db, "person", "role", person_roles);
	assert_list(db, "arena_item", "from_group", arena_groups);
	assert_list(db, "goal_activity", "kind", goal_activity_kinds);
	store_close(db);
}

static int exec(struct store *db, const char *sql)
{
	return sqlite3_exec(store_sqlite(db), sql, NULL, NULL, NULL);
}

/* Rows written with plain SQL, past beter's own checks: the schema refuses
 * every one that breaks a rule. */
static void test_schema_refuses(void **state)
{
	struct store *db = unit_store();
	(void)state;
	assert_int_equal(exec(db, "INSERT INTO school(uid, name, created) VALUES ('u2', 'Andere', '2026-11-20');"
				  "INSERT INTO person(uid, school_id, code, name, role) VALUES ('p1', 1, 'AA', 'A', 'leraar'), "
				  "('p2', 1, 'BB', 'B', 'leraar'), ('p3', 2, 'CC', 'C', 'leraar');"
				  "INSERT INTO team(uid, school_id, name) VALUES ('t1', 1, 'Een'), ('t2', 2, 'Twee')"),
			 SQLITE_OK);
	/* days: one form everywhere */
	assert_int_equal(exec(db, "UPDATE school SET created = '2026-02-30' WHERE id = 1"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec(db, "UPDATE school SET created = '2026-13-01' WHERE id = 1"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec(db, "UPDATE school SET created = '2026-11-20 10:00' WHERE id = 1"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec(db, "INSERT INTO board_session(uid, team_id, date, leader_id) VALUES ('s1', 1, '2026-11-31', 1)"),
			 SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec(db, "INSERT INTO board_session(uid, team_id, date, leader_id) VALUES ('s1', 1, '2026-11-30', 1)"),
			 SQLITE_OK);
	/* fixed lists */
	assert_int_equal(exec(db, "INSERT INTO team_member(team_id, person_id, role) VALUES (1, 1, 'baas')"),
			 SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(exec(db, "INSERT INTO team(uid, school_id, name, kind) VALUES ('t3', 1, 'Drie', 'club')"),
			 SQLITE_CONSTRAINT_CHECK);
	/* same school: a visit's teacher, a goal's team, a survey's leader */
	const char *visit = "INSERT INTO visit(uid, school_id, observer_id, teacher_id, date, created) VALUES ";
	char sql[256];
	snprintf(sql, sizeof(sql), "%s('v1', 1, 1, 3, '2026-11-20', '2026-11-20')", visit);
	assert_int_equal(exec(db, sql), SQLITE_CONSTRAINT_FOREIGNKEY);
	snprintf(sql, sizeof(sql), "%s('v1', 1, 1, 2, '2026-11-20', '2026-11-20')", visit);
	assert_int_equal(exec(db, sql), SQLITE_OK);
	assert_int_equal(exec(db, "UPDATE visit SET team_id = 2 WHERE uid = 'v1'"), SQLITE_CONSTRAINT_FOREIGNKEY);
	assert_int_equal(exec(db, "UPDATE visit SET team_id = 1 WHERE uid = 'v1'"), SQLITE_OK);
	assert_int_equal(exec(db, "INSERT INTO goal(uid, school_id, team_id, text, weeks, norm, baseline, added) "
				  "VALUES ('g1', 1, 2, 'Lezen', 6, 7, 5, '2026-11-20')"), SQLITE_CONSTRAINT_FOREIGNKEY);
	assert_int_equal(exec(db, "INSERT INTO goal(uid, school_id, person_id, text, added) "
				  "VALUES ('g1', 1, 3, 'Lezen', '2026-11-20')"), SQLITE_CONSTRAINT_FOREIGNKEY);
	assert_int_equal(exec(db, "INSERT INTO goal(uid, school_id, team_id, text, weeks, norm, baseline, added) "
				  "VALUES ('g1', 1, 1, 'Lezen', 6, 7, 5, '2026-11-20')"), SQLITE_OK);
	assert_int_equal(exec(db, "INSERT INTO arena(uid, school_id, team_id, theme, day) VALUES ('a1', 2, 1, 'T', '2026-11-20')"),
			 SQLITE_CONSTRAINT_FOREIGNKEY);
	store_close(db);
}

/* A store at schema version 10, made by the migrations themselves. */
static void make_v10(const char *path, const char *data)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	for (int i = 0; i < beter_migrations_count && beter_migrations[i].version <= 10; i++)
		assert_int_equal(sqlite3_exec(db, beter_migrations[i].sql, NULL, NULL, NULL), SQLITE_OK);
	char *errmsg = NULL;
	if (sqlite3_exec(db, data, NULL, NULL, &errmsg) != SQLITE_OK)
		fail_msg("%s", errmsg);
	char sql[128];
	snprintf(sql, sizeof(sql), "PRAGMA user_version = 10; PRAGMA application_id = %d; COMMIT", BETER_APPLICATION_ID);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static int64_t file_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static const char v10_data[] =
	"INSERT INTO school(uid, name, created) VALUES ('s1', 'Een', '2026-08-01'), ('s2', 'Twee', '2026-08-01');"
	"INSERT INTO person(uid, school_id, code, name, role) VALUES ('p1', 1, 'AA', 'A', 'leraar'), "
	"('p2', 1, 'BB', 'B', 'leraar'), ('p3', 2, 'CC', 'C', 'leraar');"
	"INSERT INTO team(uid, school_id, name) VALUES ('t1', 1, 'Een');"
	"INSERT INTO visit(uid, school_id, observer_id, teacher_id, date, created) VALUES "
	"('v1', 1, 1, 2, '2026-11-20', '2026-11-20'), ('v2', 1, 1, 2, '2026-11-21', '2026-11-21'), "
	"('v3', 1, 1, 3, '2026-11-31', '2026-11-22');"
	"INSERT INTO team_member(team_id, person_id, role) VALUES (1, 1, 'baas');"
	"DELETE FROM visit WHERE uid = 'v2';";

static void test_migration(void **state)
{
	char path[] = "/tmp/beter-unit-XXXXXX";
	int fd = mkstemp(path);
	struct store *db;
	struct beter_err err = { 0 };
	char wal[64];
	(void)state;
	close(fd);
	unlink(path);
	make_v10(path, v10_data);

	/* three rules broken: nothing changes, and the message names the rows */
	assert_int_equal(store_open(path, 0, &db, &err), BETER_IOERR);
	assert_non_null(strstr(err.msg, "to schema 11"));
	assert_non_null(strstr(err.msg, "the store is unchanged"));
	assert_non_null(strstr(err.msg, "visit 3: date '2026-11-31' is not a day"));
	assert_non_null(strstr(err.msg, "team_member 1/1: role 'baas'"));
	assert_int_equal(file_int(path, "PRAGMA user_version"), 10);
	assert_int_equal(file_int(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'new%'"), 0);
	assert_int_equal(file_int(path, "PRAGMA foreign_keys"), 0); /* a new connection: the default */

	/* the days and roles right, the link of another school is left */
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "UPDATE visit SET date = '2026-11-30' WHERE uid = 'v3';"
					   "UPDATE team_member SET role = 'lid'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	memset(&err, 0, sizeof(err));
	assert_int_equal(store_open(path, 0, &db, &err), BETER_IOERR);
	assert_non_null(strstr(err.msg, "1 record breaks its rules"));
	assert_non_null(strstr(err.msg, "visit 3: (teacher_id, school_id) names a person of another school"));
	assert_int_equal(file_int(path, "PRAGMA user_version"), 10);

	/* all right: carried forward, ids and the AUTOINCREMENT counter kept */
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "UPDATE visit SET teacher_id = 2 WHERE uid = 'v3'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	memset(&err, 0, sizeof(err));
	assert_int_equal(store_open(path, 0, &db, &err), 0);
	assert_int_equal(store_int(db, "PRAGMA user_version", 0), store_schema_version());
	assert_int_equal(store_int(db, "PRAGMA foreign_keys", 0), 1);
	assert_int_equal(store_int(db, "SELECT count(*) FROM visit", 0), 2);
	assert_int_equal(store_int(db, "SELECT id FROM visit WHERE uid = 'v3'", 0), 3);
	assert_int_equal(store_int(db, "SELECT seq FROM sqlite_sequence WHERE name = 'visit'", 0), 3);
	assert_int_equal(store_int(db, "SELECT count(*) FROM pragma_foreign_key_check", -1), 0);
	assert_int_equal(store_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'survey_answer'", 0), 1);
	assert_int_equal(exec(db, "INSERT INTO visit(uid, school_id, observer_id, teacher_id, date, created) "
				  "VALUES ('v4', 1, 1, 2, '2026-11-24', '2026-11-24')"), SQLITE_OK);
	assert_int_equal(store_int(db, "SELECT id FROM visit WHERE uid = 'v4'", 0), 4);
	store_close(db);
	unlink(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_lists),
		cmocka_unit_test(test_schema_refuses),
		cmocka_unit_test(test_migration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
