/* libFuzzer target: the CSV reader every import uses. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "beter/csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "code", "naam", "role", NULL };
	struct beter_err err = { 0 };
	struct csvin r;
	int rc, n = 0;

	if (csvin_open_mem(&r, "fuzz.csv", (const char *)data, size, &err) != 0)
		return 0;
	while ((rc = csvin_read(&r)) == 1) {
		size_t nf = csvin_nfields(&r);
		for (size_t i = 0; i <= nf; i++) {
			const char *f = csvin_field(&r, i);
			if (strlen(f) > CSVIN_FIELD_MAX)
				__builtin_trap();
		}
		if (n++ == 0) {
			csvin_find(&r, names);
			r.width = (int)nf;
		} else if (nf > 1) {
			csvin_error(&r, 1, "field %d", n);
		}
	}
	csvin_close(&r);
	return 0;
}
