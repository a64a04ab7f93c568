/* backup.c - copy a live store: backup API, temporary file, fsync, rename. */
#include "beter/backup.h"

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

static int sync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc;
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int backup_write(struct store *store, const char *path, struct beter_err *err)
{
	sqlite3 *db = store_sqlite(store);
	struct strbuf tmp = STRBUF_INIT;
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	const char *src = sqlite3_db_filename(db, "main");
	char *dir = xstrdup(path), *slash;
	struct stat a, s;
	int lockfd = -1, rc;
	char *tmpname = NULL;

	if (src && *src && stat(src, &s) == 0 && stat(path, &a) == 0 && a.st_dev == s.st_dev && a.st_ino == s.st_ino) {
		free(dir);
		return beter_err_set(err, BETER_USAGE, _("'%s' is the store itself; name another file"), path);
	}
	slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	else
		strcpy(dir, ".");
	/* a copy of the store: one that a killed backup left goes on the next backup */
	tmpfile_sweep(path, ".beter-tmp-");
	if ((rc = tmpfile_beside(path, ".beter-tmp-", &tmpname, &lockfd, err)))
		goto out;
	strbuf_adds(&tmp, tmpname);
	rc = sqlite3_open_v2(tmp.buf, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		rc = beter_err_set(err, BETER_IOERR, _("cannot write '%s': %s"), tmp.buf, sqlite3_errmsg(dst));
		goto fail;
	}
	b = sqlite3_backup_init(dst, "main", db, "main");
	if (!b) {
		rc = beter_err_set(err, BETER_IOERR, _("cannot copy the store to '%s': %s"), tmp.buf, sqlite3_errmsg(dst));
		goto fail;
	}
	/* all pages in one step: one read transaction, one consistent moment */
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		rc = store_fail(store, rc, err, N_("the backup"));
		goto fail;
	}
	rc = sqlite3_errcode(dst);
	if (rc != SQLITE_OK) {
		rc = beter_err_set(err, BETER_IOERR, _("cannot write '%s': %s"), tmp.buf, sqlite3_errmsg(dst));
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		dst = NULL;
		rc = beter_err_set(err, BETER_IOERR, _("cannot write '%s'"), tmp.buf);
		goto fail;
	}
	dst = NULL;
	if (sync_path(tmp.buf, 0) != 0 || rename(tmp.buf, path) != 0) {
		rc = beter_err_set(err, BETER_IOERR, _("cannot write '%s': %s"), path, strerror(errno));
		goto fail;
	}
	sync_path(dir, 1);
	rc = 0;
	goto out;
fail:
	if (dst)
		sqlite3_close(dst);
	tmpfile_remove(tmp.buf);
out:
	if (lockfd >= 0)
		close(lockfd);
	free(tmpname);
	free(dir);
	strbuf_release(&tmp);
	return rc;
}
