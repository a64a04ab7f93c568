#include "unit.h"

#include "beter/person.h"
#include "beter/team.h"
#include "beter/store_sqlite.h"

static void test_people_and_teams(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	int64_t p1, p2, t, found;
	int added;
	(void)state;

	assert_int_equal(person_add(db, 1, "jdv", "Jan de Vries", "leraar", &p1, &err), 0);
	assert_int_equal(person_find(db, 1, "JDV", &found, &err), 0);
	assert_int_equal(found, p1);
	assert_int_equal(person_add(db, 1, "JdV", "Again", "leraar", &p2, &err), BETER_DATAERR);
	assert_int_equal(person_add(db, 1, "X", "Short", "leraar", &p2, &err), BETER_DATAERR);
	assert_int_equal(person_add(db, 1, "AB", "Anna", "juf", &p2, &err), BETER_DATAERR);
	assert_int_equal(person_add(db, 1, "AB", "Anna", "ib", &p2, &err), 0);

	assert_int_equal(team_add(db, 1, "Team Bovenbouw", NULL, &t, &err), 0);
	assert_int_equal(team_find(db, 1, "team bovenbouw", &found, &err), 0);
	assert_int_equal(found, t);
	assert_int_equal(team_find(db, 1, "Nope", &found, &err), BETER_FAIL);
	assert_int_equal(team_member_add(db, t, p1, NULL, &added, &err), 0);
	assert_int_equal(added, 1);
	assert_int_equal(team_member_add(db, t, p1, NULL, &added, &err), 0);
	assert_int_equal(added, 0);
	assert_int_equal(team_member_add(db, t, p2, "schoolcoach", &added, &err), 0);
	assert_int_equal(team_member_rm(db, t, p2, &err), 0);
	assert_int_equal(team_member_rm(db, t, p2, &err), BETER_FAIL);
	assert_string_equal(team_size_check("leraren", 4), "too small");
	assert_string_equal(team_size_check("leraren", 5), "ok");
	assert_string_equal(team_size_check("leraren", 11), "too large");
	assert_null(team_size_check("mt", 2));
	assert_string_equal(team_kind_guess("leerKRACHT-team"), "leerkracht");
	assert_int_equal(person_rm(db, p1, &err), 0);
	assert_int_equal(store_int(db, "SELECT count(*) FROM team_member", -1), 0);
	store_close(db);
}

static void test_schema_version_refused(void **state)
{
	char path[] = "/tmp/beter-unit-XXXXXX";
	int fd = mkstemp(path);
	struct store *db;
	struct beter_err err = { 0 };
	(void)state;
	close(fd);
	unlink(path);
	assert_int_equal(store_open(path, STORE_CREATE, &db, &err), 0);
	sqlite3_exec(store_sqlite(db), "PRAGMA user_version = 9999", NULL, NULL, NULL);
	store_close(db);
	assert_int_equal(store_open(path, 0, &db, &err), BETER_IOERR);
	assert_non_null(strstr(err.msg, "newer than this beter"));
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_people_and_teams),
		cmocka_unit_test(test_schema_version_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
