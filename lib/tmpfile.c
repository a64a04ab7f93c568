/* tmpfile.c - temporary files beside a target, locked while their process lives. */
#include "beter/tmpfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/util.h"

char *tmpfile_dir(const char *path)
{
	char *copy = xstrdup(path);
	char *dir = xstrdup(dirname(copy));
	free(copy);
	return dir;
}

void tmpfile_remove(const char *tmp)
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

/* A file of a process that died: nobody holds its lock, and it still has the
 * name it had when it was opened. */
static void sweep_one(const char *full)
{
	struct stat a, b;
	int fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &a) == 0 && S_ISREG(a.st_mode) && a.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    lstat(full, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		tmpfile_remove(full);
	close(fd);
}

void tmpfile_sweep(const char *path, const char *tag)
{
	char *dir = tmpfile_dir(path), *copy = xstrdup(path);
	const char *base = basename(copy);
	size_t blen = strlen(base), tlen = strlen(tag);
	struct strbuf full = STRBUF_INIT;
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		const char *n = e->d_name;
		if (strlen(n) != blen + tlen + 6 || strncmp(n, base, blen) || strncmp(n + blen, tag, tlen))
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

int tmpfile_beside(const char *path, const char *tag, char **tmp, int *lockfd, struct beter_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;

	*tmp = NULL;
	*lockfd = -1;
	for (int tries = 0; tries < 100; tries++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%sXXXXXX", path, tag);
		int fd = mkostemp(sb.buf, O_CLOEXEC); /* O_EXCL, mode 0600 */
		if (fd < 0) {
			int e = errno;
			strbuf_release(&sb);
			return beter_err_set(err, BETER_IOERR, _("cannot create a file beside '%s': %s"), path, strerror(e));
		}
		/* a sweeper that locked it between mkstemp and here removed it */
		if (flock(fd, LOCK_EX) == 0 && fstat(fd, &st) == 0 && st.st_nlink > 0) {
			*lockfd = fd;
			*tmp = strbuf_detach(&sb);
			return 0;
		}
		close(fd);
	}
	strbuf_release(&sb);
	return beter_err_set(err, BETER_IOERR, _("cannot create a file beside '%s'"), path);
}
