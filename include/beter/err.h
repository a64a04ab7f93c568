/* err.h - exit statuses and the error context every library call fills in.
 *
 * The library never exits and never prints: a failing call returns one of the
 * statuses below and leaves a message in a struct beter_err for the caller.
 */
#ifndef BETER_ERR_H
#define BETER_ERR_H

#include <stdarg.h>

/* The exit statuses of DESIGN.md, the one place they are defined. */
enum beter_status {
	BETER_OK = 0,       /* success */
	BETER_FAIL = 1,     /* failure or not found */
	BETER_USAGE = 2,    /* usage error: unknown command or option, missing argument */
	BETER_DATAERR = 65, /* invalid input data */
	BETER_IOERR = 74,   /* store or I/O error */
	BETER_BUSY = 75,    /* store busy: still locked after the busy timeout */
};

#define BETER_ERR_MAX 1024

struct beter_err {
	int status;               /* enum beter_status of the last failure, 0 if none */
	char msg[BETER_ERR_MAX];  /* lowercase message, no trailing newline */
};

void beter_err_clear(struct beter_err *err);

/* Record a failure and return its status, so callers can write
 * `return beter_err_set(err, BETER_DATAERR, "...", ...);`. A later call
 * overwrites an earlier message. err may be NULL. */
int beter_err_set(struct beter_err *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int beter_err_vset(struct beter_err *err, int status, const char *fmt, va_list ap);

/* Prefix the current message with "prefix: " (for file:line:column context). */
void beter_err_prefix(struct beter_err *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
