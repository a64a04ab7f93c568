/* backup_pg.c - a copy of a PostgreSQL store: pg_dump's custom format (the
 * server's own tool for a consistent copy; pg_restore reads it), written to
 * a temporary file beside the target, synced and renamed as the SQLite
 * backup is. */
#include "beter/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/tmpfile.h"
#include "beter/util.h"

extern char **environ;

static int sync_fd_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* Run pg_dump -Fc of address into file; 0, or the status with err set. */
static int dump(const char *address, const char *file, struct beter_err *err)
{
	char *argv[] = { "pg_dump", "--format=custom", "--no-password", "--file", (char *)file, "--dbname",
			 (char *)address, NULL };
	pid_t pid;
	int status, e;

	e = posix_spawnp(&pid, "pg_dump", NULL, NULL, argv, environ);
	if (e == ENOENT)
		return beter_err_set(err, BETER_IOERR,
				     _("cannot back up the store: pg_dump is not installed (Debian: apt-get install "
				       "postgresql-client); or let the server's own backup (pg_dump -Fc, pg_basebackup) "
				       "copy the database"));
	if (e)
		return beter_err_set(err, BETER_IOERR, _("cannot run pg_dump: %s"), strerror(e));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return beter_err_set(err, BETER_IOERR, _("cannot run pg_dump: %s"), strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return beter_err_set(err, BETER_IOERR, _("pg_dump could not copy the store (its message is above)"));
	return 0;
}

int backup_write_pg(const char *address, const char *path, struct beter_err *err)
{
	char *tmp = NULL, *dir;
	int lockfd = -1, rc;

	tmpfile_sweep(path, ".beter-tmp-");
	if ((rc = tmpfile_beside(path, ".beter-tmp-", &tmp, &lockfd, err)))
		return rc;
	if (!(rc = dump(address, tmp, err))) {
		if (sync_fd_path(tmp) != 0 || rename(tmp, path) != 0)
			rc = beter_err_set(err, BETER_IOERR, _("cannot write '%s': %s"), path, strerror(errno));
	}
	if (rc) {
		tmpfile_remove(tmp);
	} else {
		dir = tmpfile_dir(path);
		sync_fd_path(dir);
		free(dir);
	}
	close(lockfd);
	free(tmp);
	return rc;
}
