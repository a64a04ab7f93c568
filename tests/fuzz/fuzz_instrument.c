/* libFuzzer target: a survey instrument document (lib/survey.c). One that
 * parses must parse again from the compact definition it keeps. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "beter/survey.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct survey_instrument in, back;

	if (survey_instrument_parse("fuzz.json", (const char *)data, size, &in, &err) != 0)
		return 0;
	if (survey_instrument_parse("definition", in.json, strlen(in.json), &back, &err) != 0 ||
	    back.nitems != in.nitems || back.npacked != in.npacked)
		__builtin_trap();
	for (int i = 0; i < in.nitems; i++) {
		const struct survey_likert *lk = survey_item_likert(&in, i);
		if (in.items[i].pos < 0 || in.items[i].pos > SURVEY_MAX_PACKED || (lk && lk->hi <= lk->lo))
			__builtin_trap();
	}
	survey_instrument_release(&back);
	survey_instrument_release(&in);
	return 0;
}
