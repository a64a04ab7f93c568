/* visit.c - the statuses of a lesson visit. */
#include "beter/visit.h"

#include <string.h>

#include "beter/i18n.h"


/* the values of JSON and CSV; a Dutch table shows them translated */
static const char *const status_names[] = { N_("planned"), N_("done"),      N_("feedback-due"), N_("closed"),
					    N_("missed"),  N_("cancelled"), N_("replaced") };
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
