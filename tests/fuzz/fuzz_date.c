/* libFuzzer target: dates, weeks, school years and times. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	char *s = xstrndup((const char *)data, size);
	int d, from, to, min;

	if (date_parse(s, &d, "--date", &err) == 0) {
		char buf[11], week[9];
		int again;
		date_format(d, buf);
		if (date_parse(buf, &again, "again", &err) != 0 || again != d)
			abort();
		date_week_format(d, week);
		date_school_year(d);
	}
	if (date_period_parse(s, &from, &to, "--period", &err) == 0 && from > to)
		abort();
	if (time_parse(s, &min, "--time", &err) == 0 && (min < 0 || min >= 24 * 60))
		abort();
	free(s);
	return 0;
}
