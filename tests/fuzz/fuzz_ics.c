/* libFuzzer target: iCalendar files for 'calendar import' (libical, then
 * beter's reading of the events). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "beter/calendar.h"
#include "beter/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct cal_events ev;
	char *s = xstrndup((const char *)data, size);

	if (calendar_ics_parse(s, size, "fuzz.ics", NULL, &ev, &err) == 0) {
		for (size_t i = 0; i < ev.n; i++)
			if (ev.v[i].to < ev.v[i].from || !ev.v[i].ics_uid || !ev.v[i].name)
				abort();
		cal_events_release(&ev);
	}
	free(s);
	return 0;
}
