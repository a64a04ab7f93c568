/* store_new.c - a new store built under a temporary name, put in place whole. */
#include "beter/store_new.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/store.h"
#include "beter/util.h"

#define TMP_TAG ".new-"

static char *dir_of(const char *path)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

/* Remove a temporary store file and what SQLite may have put beside it. */
static void remove_tmp(const char *tmp)
{
	static const char *const tails[] = { "-journal", "-wal", "-shm" };
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s", tmp, tails[i]);
		unlink(sb.buf);
	}
	strbuf_release(&sb);
	unlink(tmp);
}

/* A temporary file of a process that died: nobody holds its lock. The lock is
 * taken before the name is trusted (store_new_begin checks that its file still
 * has its name once it holds the lock), so a live builder's file is never
 * removed. (Opening and closing a file that a SQLite connection of this
 * process holds would drop its locks: store_new_begin sweeps before it opens
 * its own, and a process builds one new store at a time.) */
static void sweep_one(const char *full)
{
	struct stat a, b;
	int fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &a) == 0 && S_ISREG(a.st_mode) && a.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    lstat(full, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		remove_tmp(full);
	close(fd);
}

static void sweep_stale(const char *path)
{
	char *dir = dir_of(path), *copy = xstrdup(path);
	const char *base = basename(copy);
	size_t blen = strlen(base), tlen = strlen(TMP_TAG);
	struct strbuf full = STRBUF_INIT;
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		const char *n = e->d_name;
		if (strlen(n) != blen + tlen + 6 || strncmp(n, base, blen) || strncmp(n + blen, TMP_TAG, tlen))
			continue;
		strbuf_reset(&full);
		strbuf_addf(&full, "%s/%s", dir, n);
		sweep_one(full.buf);
	}
	if (d)
		closedir(d);
	strbuf_release(&full);
	free(dir);
	free(copy);
}

/* mkstemp beside path, locked; retried when a sweeper took the name first. */
static int make_tmp(struct store_new *sn, struct beter_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;

	for (int tries = 0; tries < 100; tries++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s" TMP_TAG "XXXXXX", sn->path);
		int fd = mkostemp(sb.buf, O_CLOEXEC); /* O_EXCL, mode 0600 */
		if (fd < 0) {
			int e = errno;
			strbuf_release(&sb);
			return beter_err_set(err, BETER_IOERR, "cannot create a file beside '%s': %s", sn->path,
					     strerror(e));
		}
		if (flock(fd, LOCK_EX) == 0 && fstat(fd, &st) == 0 && st.st_nlink > 0) {
			sn->lockfd = fd;
			sn->tmp = strbuf_detach(&sb);
			return 0;
		}
		close(fd); /* swept between mkstemp and flock: another name */
	}
	strbuf_release(&sb);
	return beter_err_set(err, BETER_IOERR, "cannot create a file beside '%s'", sn->path);
}

int store_new_begin(struct store_new *sn, const char *path, sqlite3 **db, struct beter_err *err)
{
	int rc;

	memset(sn, 0, sizeof(*sn));
	sn->lockfd = -1;
	sn->path = xstrdup(path);
	*db = NULL;
	if ((rc = store_make_dirs(path, err))) {
		store_new_abort(sn);
		return rc;
	}
	sweep_stale(path);
	if ((rc = make_tmp(sn, err))) {
		store_new_abort(sn);
		return rc;
	}
	if ((rc = store_open(sn->tmp, STORE_SCRATCH, &sn->db, err))) {
		store_new_abort(sn);
		return rc;
	}
	*db = sn->db;
	return 0;
}

static int sync_fd_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* rename without replacing: renameat2 where the file system has it, else a
 * link (which fails on an existing name) and an unlink of the old name */
static int rename_noreplace(const char *from, const char *to)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
	if (link(from, to) != 0)
		return -1;
	unlink(from);
	return 0;
}

int store_new_finish(struct store_new *sn, struct beter_err *err)
{
	char *dir = dir_of(sn->path);
	int rc = 0;

	if (sqlite3_close(sn->db) != SQLITE_OK) {
		rc = beter_err_set(err, BETER_IOERR, "cannot write the store '%s': %s", sn->tmp, sqlite3_errmsg(sn->db));
		sqlite3_close_v2(sn->db);
	}
	sn->db = NULL;
	if (!rc && sync_fd_path(sn->tmp, 0) != 0)
		rc = beter_err_set(err, BETER_IOERR, "cannot write the store '%s': %s", sn->tmp, strerror(errno));
	if (!rc && rename_noreplace(sn->tmp, sn->path) != 0) {
		if (errno == EEXIST)
			rc = STORE_NEW_EXISTS;
		else
			rc = beter_err_set(err, BETER_IOERR, "cannot create the store '%s': %s", sn->path, strerror(errno));
	}
	if (rc) {
		store_new_abort(sn);
	} else {
		sync_fd_path(dir, 1);
		free(sn->tmp);
		sn->tmp = NULL; /* now the store: nothing to remove */
		store_new_abort(sn);
	}
	free(dir);
	return rc;
}

void store_new_abort(struct store_new *sn)
{
	if (sn->db)
		sqlite3_close_v2(sn->db);
	sn->db = NULL;
	if (sn->tmp)
		remove_tmp(sn->tmp);
	if (sn->lockfd >= 0)
		close(sn->lockfd);
	sn->lockfd = -1;
	free(sn->tmp);
	free(sn->path);
	sn->tmp = sn->path = NULL;
}
