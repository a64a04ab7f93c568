/* visit.c - the statuses of a lesson visit. */
#include "beter/visit.h"

#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"


/* the values of JSON and CSV; a Dutch table shows them translated */
static const char *const status_names[] = { N_("planned"), N_("done"),      N_("feedback-due"), N_("closed"),
					    N_("missed"),  N_("cancelled"), N_("replaced"), N_("held") };
#define NSTATUS ((int)(sizeof(status_names) / sizeof(*status_names)))

const char *visit_status_name(int status)
{
	return status >= 0 && status < NSTATUS ? status_names[status] : "?";
}

int visit_status_parse(const char *s)
{
	for (int i = 0; s && i < NSTATUS; i++)
		if (!strcmp(s, status_names[i]))
			return i;
	return -1;
}

int visit_status_of(int recorded, int feedback_held, int visit_day, int today, int feedback_days)
{
	if (feedback_held)
		return VISIT_CLOSED;
	if (!recorded)
		return visit_day < today ? VISIT_MISSED : VISIT_PLANNED;
	return today - visit_day > feedback_days ? VISIT_FEEDBACK_DUE : VISIT_DONE;
}

int visit_word_of(struct store_stmt *st, int col)
{
	if (!store_col(st, col))
		return VISIT_WORD_NONE;
	return store_col_int(st, col) ? VISIT_WORD_HELD : VISIT_WORD_MISSED;
}

int visit_status_at(const struct visit_facts *v, int today, int feedback_days)
{
	if (v->cancelled)
		return VISIT_CANCELLED;
	if (!v->recorded && !v->feedback_held) {
		if (v->word == VISIT_WORD_MISSED)
			return v->replaced ? VISIT_REPLACED : VISIT_MISSED;
		if (v->word == VISIT_WORD_HELD)
			return v->day <= today ? VISIT_HELD : VISIT_PLANNED;
	}
	int s = visit_status_of(v->recorded, v->feedback_held, v->day, today, feedback_days);
	return s == VISIT_MISSED && v->replaced ? VISIT_REPLACED : s;
}
