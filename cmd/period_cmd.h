/* period_cmd.h - what the period command's files share. */
#ifndef BETER_PERIOD_CMD_H
#define BETER_PERIOD_CMD_H

#include <stdint.h>

#include "beter/opt.h"

struct ctx;

struct popts {
	const char *theme, *from, *to, *tiv, *school;
	const char *team, *went_well, *improve, *reached, *ambition, *date, *story, *next;
	struct opt_list successes, standards;
};

extern const struct opt period_retro_opts[], period_connect_opts[];
int period_run_retro(struct ctx *c, struct optparse *p);
int period_run_connect(struct ctx *c, struct optparse *p);
void period_opts_release(struct popts *o);

/* The period numbered arg of the school (--school): usage, not found or 0. */
int period_arg(struct ctx *c, const char *school_opt, const char *arg, int64_t *school, int64_t *id);

#define PERIOD_MORE_SUBS \
	{ "retro", "retro PERIOD --team TEAM --goal-reached ja|deels|nee [--went-well TEXT] [--improve TEXT] " \
		   "[--ambition TEXT] [--date DATE]", \
	  N_("a team's retrospective on its goal of the period, with the check on the ambition"), period_retro_opts, \
	  period_run_retro, SUB_WRITES, NULL }, \
	{ "connect", "connect PERIOD --date DATE [--success TEXT]... [--standard GOAL=TEXT]... [--story TEXT] " \
		     "[--next PERIOD [--next-from DATE --next-to DATE]]", \
	  N_("the verbindingssessie: successes, standards, look ahead; closes the period, opens the next"), \
	  period_connect_opts, period_run_connect, SUB_WRITES, NULL },

#endif
