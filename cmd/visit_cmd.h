/* visit_cmd.h - what the files of 'beter visit' share: the options struct
 * all its subcommands parse into, the parsing and filters, and the
 * subcommands of visit_plan.c (plan, coverage, scores, points, framework). */
#ifndef BETER_VISIT_CMD_H
#define BETER_VISIT_CMD_H

#include "beter/visit.h"
#include "cmd.h"

struct vopts {
	const char *school, *observer, *teacher, *date, *time, *group, *subject, *goal, *focus, *round, *team, *year;
	const char *framework, *seen, *effect, *from, *to, *agreed, *status, *fbdays, *require, *input;
	const char *key, *title, *scale, *labels, *textfrom, *design, *sheet;
	int edit, replace;
	struct opt_list scores, points, reached;
	const char *reason, *replaces, *mode; /* cancel, add --replaces, plan --mode */
	struct opt_list focuses;              /* add --focus, repeatable */
};
#define OPT_STRUCT struct vopts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))
#define OPT_FBDAYS OPT_STRING("feedback-days", fbdays, "DAYS", \
	N_("a recorded visit without a feedback talk after this many days " \
		     "from its date is feedback-due (default 7)"))

/* Options and min..max positional arguments into o, and the school. */
int vopts_parse(struct ctx *c, struct optparse *p, struct vopts *o, int min, int max, const char *what,
		int64_t *school);
void vopts_release(struct vopts *o);
/* A person by code; a failure names the option (opt) it came from. */
int vopts_person(struct ctx *c, int64_t school, const char *opt, const char *code, int64_t *id);
/* The filter options shared by list, show, coverage and scores. */
int vopts_filter(struct ctx *c, int64_t school, const struct vopts *o, struct visit_filter *f);

/* visit_plan.c */
extern const struct opt visit_cmd_plan_opts[], visit_cmd_coverage_opts[], visit_cmd_scores_opts[];
extern const struct subcmd visit_cmd_points_subs[], visit_cmd_framework_subs[];
subcmd_fn visit_cmd_plan, visit_cmd_coverage, visit_cmd_scores;

/* visit_change.c: cancel and move */
extern const struct opt visit_cmd_cancel_opts[], visit_cmd_move_opts[];
subcmd_fn visit_cmd_cancel, visit_cmd_move;

#endif
