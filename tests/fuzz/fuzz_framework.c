/* libFuzzer target: an observation framework read as JSON and as CSV
 * (lib/framework.c). A JSON framework that parses must survive its own
 * normalised form: framework_to_json, parsed again, gives the same text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "beter/framework.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct framework fw, back;
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	if (framework_parse_json("fuzz.json", text, &fw, &err) == 0) {
		char *json = framework_to_json(&fw);
		if (framework_parse_json("normalised", json, &back, &err) != 0)
			__builtin_trap();
		char *again = framework_to_json(&back);
		if (strcmp(json, again))
			__builtin_trap();
		free(again);
		free(json);
		framework_release(&back);
		framework_release(&fw);
	}
	if (framework_parse_csv_mem("fuzz.csv", text, size, "k", "K", 1, 4, "a|b|c|d", &fw, &err) == 0) {
		char *json = framework_to_json(&fw);
		if (framework_parse_json("normalised", json, &back, &err) != 0)
			__builtin_trap();
		free(json);
		framework_release(&back);
		framework_release(&fw);
	}
	free(text);
	return 0;
}
