/* calendar_ics.c - reading days off from iCalendar text: the reader is in
 * the module beter-ics (mod/ics_read.c), loaded on first use. */
#include "beter/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "beter/module.h"

void cal_events_release(struct cal_events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		free(ev->v[i].ics_uid);
		free(ev->v[i].name);
	}
	free(ev->v);
	memset(ev, 0, sizeof(*ev));
}

int calendar_ics_parse(const char *text, size_t len, const char *file, const char *kind, struct cal_events *ev,
		       struct beter_err *err)
{
	const struct beter_ics_ops *m = module_ics(err);

	memset(ev, 0, sizeof(*ev));
	return m ? m->parse(text, len, file, kind, ev, err) : err->status;
}
