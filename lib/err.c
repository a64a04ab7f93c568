#include "beter/err.h"

#include <stdio.h>
#include <string.h>

void beter_err_clear(struct beter_err *err)
{
	if (!err)
		return;
	err->status = 0;
	err->msg[0] = '\0';
}

int beter_err_vset(struct beter_err *err, int status, const char *fmt, va_list ap)
{
	if (!err)
		return status;
	err->status = status;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return status;
}

int beter_err_set(struct beter_err *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	beter_err_vset(err, status, fmt, ap);
	va_end(ap);
	return status;
}

void beter_err_prefix(struct beter_err *err, const char *fmt, ...)
{
	char prefix[512], old[BETER_ERR_MAX];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	size_t n = strlen(prefix);
	if (n > sizeof(err->msg) - 3)
		n = sizeof(err->msg) - 3;
	memcpy(err->msg, prefix, n);
	memcpy(err->msg + n, ": ", 2);
	size_t rest = sizeof(err->msg) - n - 3;
	size_t ol = strlen(old);
	if (ol > rest)
		ol = rest;
	memcpy(err->msg + n + 2, old, ol);
	err->msg[n + 2 + ol] = '\0';
}
