/* store_new.c - a new store built under a temporary name, put in place whole. */
#include "beter/store_new.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/store_sqlite.h"
#include "beter/tmpfile.h"
#include "beter/util.h"

#define TMP_TAG ".beter-new-"

int store_new_begin(struct store_new *sn, const char *path, struct store **db, struct beter_err *err)
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
	tmpfile_sweep(path, TMP_TAG);
	if ((rc = tmpfile_beside(path, TMP_TAG, &sn->tmp, &sn->lockfd, err))) {
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
	char *dir = tmpfile_dir(sn->path);
	int rc = 0;

	/* the store appears in WAL mode, as every store is opened: a second
	 * process opening it the moment it appears then needs no exclusive lock
	 * to change the journal mode, which would find it busy at once */
	if (sqlite3_exec(store_sqlite(sn->db), "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
		rc = beter_err_set(err, BETER_IOERR, _("cannot write the store '%s': %s"), sn->tmp, store_errmsg(sn->db));
	if (sqlite3_close(store_sqlite(sn->db)) != SQLITE_OK) {
		if (!rc)
			rc = beter_err_set(err, BETER_IOERR, _("cannot write the store '%s': %s"), sn->tmp,
					   store_errmsg(sn->db));
		sqlite3_close_v2(store_sqlite(sn->db));
	}
	sn->db = NULL;
	if (!rc && sync_fd_path(sn->tmp, 0) != 0)
		rc = beter_err_set(err, BETER_IOERR, _("cannot write the store '%s': %s"), sn->tmp, strerror(errno));
	if (!rc && rename_noreplace(sn->tmp, sn->path) != 0) {
		if (errno == EEXIST)
			rc = STORE_NEW_EXISTS;
		else
			rc = beter_err_set(err, BETER_IOERR, _("cannot create the store '%s': %s"), sn->path, strerror(errno));
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
		sqlite3_close_v2(store_sqlite(sn->db));
	sn->db = NULL;
	if (sn->tmp)
		tmpfile_remove(sn->tmp);
	if (sn->lockfd >= 0)
		close(sn->lockfd);
	sn->lockfd = -1;
	free(sn->tmp);
	free(sn->path);
	sn->tmp = sn->path = NULL;
}
