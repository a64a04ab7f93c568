/* report_file.c - write --out FILE whole, with no temporary file a web
 * server would serve. */
#include "beter/i18n.h"
#include "beter/report.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/util.h"

static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		off += (size_t)w;
	}
	return 0;
}

/*
 * The file is written without a name (O_TMPFILE in FILE's directory): a
 * process killed while writing leaves nothing. Only when it is whole and
 * synced does it get a name, ".ht-beter-XXXXXX", for the rename over FILE;
 * it stays mode 0600 (no other user, such as a web server's, reads it) until
 * it is FILE. Where the file system has no O_TMPFILE, that named file is
 * written instead, and removed on every error. A name that begins with ".ht" is one
 * Apache refuses to serve in its stock configuration, as do web servers set
 * to refuse dot files; it has no extension to serve it by (not FILE's: Apache
 * maps a type from any dot in a name).
 */
static int open_unnamed(const char *dir)
{
	if (access("/proc/self/fd", X_OK) != 0)
		return -1;
	return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
}

/* give the unnamed file fd the name tmp, tried with fresh XXXXXX */
static int link_unnamed(int fd, char *tmp)
{
	char proc[64];
	size_t n = strlen(tmp);

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	for (int tries = 0; tries < 100; tries++) {
		char uid[33];
		uid_new(uid);
		memcpy(tmp + n - 6, uid, 6);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int report_write_file(const char *path, const char *data, size_t len, struct beter_err *err)
{
	char *copy = xstrdup(path);
	const char *dir = dirname(copy);
	struct strbuf tmp = STRBUF_INIT;
	mode_t mask = umask(0);
	int fd, rc = 0, named = 0;

	umask(mask);
	strbuf_addf(&tmp, "%s/.ht-beter-XXXXXX", dir);
	fd = open_unnamed(dir);
	if (fd < 0) {
		fd = mkostemp(tmp.buf, O_CLOEXEC);
		named = fd >= 0;
	}
	if (fd < 0) {
		rc = beter_err_set(err, BETER_IOERR, _("--out: cannot create a file in '%s': %s"), dir, strerror(errno));
		goto out;
	}
	if (write_all(fd, data, len) != 0)
		rc = beter_err_set(err, BETER_IOERR, _("--out: writing '%s': %s"), path, strerror(errno));
	if (!rc && fsync(fd) != 0)
		rc = beter_err_set(err, BETER_IOERR, _("--out: writing '%s': %s"), path, strerror(errno));
	if (!rc && !named) {
		if (link_unnamed(fd, tmp.buf) == 0)
			named = 1;
		else
			rc = beter_err_set(err, BETER_IOERR, _("--out: cannot create a file in '%s': %s"), dir, strerror(errno));
	}
	if (!rc && rename(tmp.buf, path) != 0)
		rc = beter_err_set(err, BETER_IOERR, _("--out: cannot replace '%s': %s"), path, strerror(errno));
	else if (!rc)
		named = 0; /* it is FILE now */
	/* readable by others only once it is FILE */
	if (!rc && fchmod(fd, 0644 & ~mask) != 0)
		rc = beter_err_set(err, BETER_IOERR, _("--out: '%s': %s"), path, strerror(errno));
	if (close(fd) != 0 && !rc)
		rc = beter_err_set(err, BETER_IOERR, _("--out: writing '%s': %s"), path, strerror(errno));
	if (rc) {
		if (named)
			unlink(tmp.buf);
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
out:
	strbuf_release(&tmp);
	free(copy);
	return rc;
}
