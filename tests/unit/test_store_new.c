#include "unit.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "beter/store_new.h"

/* a fresh directory; the number of its entries */
static char *scratch_dir(void)
{
	static char dir[64];
	snprintf(dir, sizeof(dir), "/tmp/beter-unit-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	assert_non_null(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void rm_dir(const char *dir)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void add_school(struct store *db, const char *name)
{
	struct beter_err err = { 0 };
	char sql[160];
	snprintf(sql, sizeof(sql), "INSERT INTO school(uid, name, created) VALUES (lower(hex(randomblob(16))), '%s', "
		 "'2026-11-20')", name);
	assert_int_equal(store_begin(db, &err), 0);
	assert_int_equal(store_exec(db, sql, &err), 0);
	assert_int_equal(store_commit(db, &err), 0);
}

static void test_new_store_appears_whole(void **state)
{
	char *dir = scratch_dir(), path[128];
	struct store_new sn;
	struct beter_err err = { 0 };
	struct stat st;
	struct store *db;
	(void)state;

	snprintf(path, sizeof(path), "%s/sub/s.db", dir);
	assert_int_equal(store_new_begin(&sn, path, &db, &err), 0);
	add_school(db, "Een");
	assert_int_equal(stat(path, &st), -1); /* nothing at the path yet */
	assert_int_equal(store_new_finish(&sn, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(entries(path), 1); /* the store, no temporary file */
	snprintf(path, sizeof(path), "%s/sub/s.db", dir);
	assert_int_equal(store_open(path, 0, &db, &err), 0);
	assert_int_equal(store_int(db, "SELECT count(*) FROM school", -1), 1);
	store_close(db);
	rm_dir(dir);
}

static void test_never_replaces(void **state)
{
	char *dir = scratch_dir(), path[128];
	struct store_new a, b;
	struct beter_err err = { 0 };
	struct store *da, *dbb;
	(void)state;

	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(store_new_begin(&a, path, &da, &err), 0);
	assert_int_equal(store_new_begin(&b, path, &dbb, &err), 0);
	add_school(da, "Een");
	add_school(dbb, "Twee");
	assert_int_equal(store_new_finish(&b, &err), 0);
	assert_int_equal(store_new_finish(&a, &err), STORE_NEW_EXISTS);
	assert_int_equal(entries(dir), 1);
	assert_int_equal(store_open(path, 0, &da, &err), 0);
	assert_int_equal(store_int(da, "SELECT count(*) FROM school WHERE name = 'Twee'", -1), 1);
	store_close(da);
	rm_dir(dir);
}

static void test_abort_and_sweep(void **state)
{
	char *dir = scratch_dir(), path[128], stale[160], live[160];
	struct store_new sn;
	struct beter_err err = { 0 };
	struct store *db;
	int fd, status;
	(void)state;

	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(store_new_begin(&sn, path, &db, &err), 0);
	add_school(db, "Een");
	store_new_abort(&sn);
	assert_int_equal(entries(dir), 0);

	/* one left by a killed process (no lock) goes; one being built stays */
	snprintf(stale, sizeof(stale), "%s.beter-new-dead01", path);
	snprintf(live, sizeof(live), "%s.beter-new-live01", path);
	close(open(stale, O_WRONLY | O_CREAT, 0600));
	fd = open(live, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	pid_t holder = fork();
	assert_true(holder >= 0);
	if (holder == 0) { /* flock is per open file: hold it in another process */
		int cfd = open(live, O_RDONLY);
		flock(cfd, LOCK_EX);
		pause();
		_exit(0);
	}
	for (int i = 0; i < 500 && flock(fd, LOCK_EX | LOCK_NB) == 0; i++) {
		flock(fd, LOCK_UN);
		usleep(10000);
	}
	assert_int_equal(store_new_begin(&sn, path, &db, &err), 0);
	store_new_abort(&sn);
	assert_int_equal(access(stale, F_OK), -1);
	assert_int_equal(access(live, F_OK), 0);
	close(fd);
	kill(holder, SIGKILL);
	waitpid(holder, &status, 0);
	rm_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_store_appears_whole),
		cmocka_unit_test(test_never_replaces),
		cmocka_unit_test(test_abort_and_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
