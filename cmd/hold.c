/* hold.c - a command's output is held back until its outcome is known, so
 * that a command that fails prints no partial table, JSON or CSV.
 *
 * The choice, by what stdout is:
 * - a regular file of its own (not opened for appending, not stderr's
 *   file too): the output streams into it as it comes, and a failure cuts
 *   the file back to where it stood (ftruncate). Nothing is held in memory
 *   and nothing is written anywhere else: `beter export > store.json` of a
 *   large store costs no memory and no temporary file.
 * - anything else (a terminal, a pipe, a file shared with stderr or opened
 *   with >>, where cutting would take others' lines along): up to
 *   HOLD_MAX bytes are held in memory and written when the command
 *   succeeds, dropped when it fails. Output larger than that streams on
 *   (memory does not grow with the number of rows); when such a command
 *   fails after all, stderr says that stdout is incomplete. Nothing is put
 *   in a temporary file: the output may hold people's names and answers,
 *   and goes only where the user sent it.
 * A verdict is not a failure: a command whose output is its result (check's
 * problems, a coverage below --require) keeps it (ctx.keep_output).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"

#define HOLD_MAX (8u << 20)

struct hold {
	char *buf;
	size_t len, cap;
	int streaming; /* the output goes to fd 1 as it comes */
	int dropping;  /* the command failed: what comes is dropped */
	off_t start;   /* where a failure cuts the file back to; -1: it cannot */
	int sent;      /* some output reached fd 1 */
};

static int write_all(const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static ssize_t hold_write(void *cookie, const char *data, size_t n)
{
	struct hold *h = cookie;

	if (h->dropping)
		return (ssize_t)n;
	if (!h->streaming && h->len + n <= HOLD_MAX) {
		if (h->len + n > h->cap) {
			size_t cap = h->cap ? h->cap : 64 * 1024;
			while (cap < h->len + n)
				cap *= 2;
			h->buf = xrealloc(h->buf, cap > HOLD_MAX ? HOLD_MAX : cap);
			h->cap = cap > HOLD_MAX ? HOLD_MAX : cap;
		}
		memcpy(h->buf + h->len, data, n);
		h->len += n;
		return (ssize_t)n;
	}
	/* too much to hold: what is held goes first, then the rest streams */
	h->streaming = 1;
	h->sent = 1;
	if (h->len && write_all(h->buf, h->len) != 0)
		return -1;
	h->len = 0;
	if (write_all(data, n) != 0)
		return -1;
	return (ssize_t)n;
}

static int hold_cookie_close(void *cookie)
{
	(void)cookie;
	return 0;
}

static struct hold the_hold;

FILE *hold_open(void)
{
	struct hold *h = &the_hold;
	struct stat so, se;
	cookie_io_functions_t io = { .write = hold_write, .close = hold_cookie_close };

	memset(h, 0, sizeof(*h));
	h->start = -1;
	if (fstat(STDOUT_FILENO, &so) == 0 && S_ISREG(so.st_mode)) {
		int flags = fcntl(STDOUT_FILENO, F_GETFL);
		int shared = fstat(STDERR_FILENO, &se) == 0 && se.st_dev == so.st_dev && se.st_ino == so.st_ino;
		if (flags >= 0 && !(flags & O_APPEND) && !shared)
			h->start = lseek(STDOUT_FILENO, 0, SEEK_CUR);
		h->streaming = h->start >= 0;
	}
	FILE *fp = fopencookie(h, "w", io);
	if (!fp)
		return NULL;
	fflush(stdout); /* nothing of stdio's own is pending before ours */
	return fp;
}

int hold_close(FILE *fp, int keep)
{
	struct hold *h = &the_hold;
	int rc = 0;

	if (!fp)
		return 0;
	if (keep) {
		if (fflush(fp) != 0 || ferror(fp))
			rc = -1;
		else if (h->len && write_all(h->buf, h->len) != 0)
			rc = -1;
		int e = errno;
		fclose(fp);
		errno = e;
	} else {
		h->dropping = 1;
		fclose(fp);
		if (h->sent && h->start >= 0) {
			/* back to where the file stood */
			if (ftruncate(STDOUT_FILENO, h->start) == 0)
				lseek(STDOUT_FILENO, h->start, SEEK_SET);
		} else if (h->sent) {
			rc = 1;
		}
	}
	free(h->buf);
	memset(h, 0, sizeof(*h));
	return rc;
}

int hold_rewind(FILE *fp)
{
	struct hold *h = &the_hold;

	if (!fp || fflush(fp) != 0)
		return -1;
	if (!h->sent) {
		h->len = 0;
		return 0;
	}
	if (h->start >= 0 && ftruncate(STDOUT_FILENO, h->start) == 0 && lseek(STDOUT_FILENO, h->start, SEEK_SET) >= 0)
		return 0;
	return -1;
}
