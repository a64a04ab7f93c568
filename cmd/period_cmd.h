/* period_cmd.h - what the period command's files share. */
#ifndef BETER_PERIOD_CMD_H
#define BETER_PERIOD_CMD_H

#include <stdint.h>

struct ctx;

struct popts {
	const char *theme, *from, *to, *tiv, *school;
};

/* The period numbered arg of the school (--school): usage, not found or 0. */
int period_arg(struct ctx *c, const char *school_opt, const char *arg, int64_t *school, int64_t *id);

#define PERIOD_MORE_SUBS

#endif
