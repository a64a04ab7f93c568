/* libFuzzer target: the validation of a phase model document
 * (phase_model_validate, lib/phase.c). */
#include <stddef.h>
#include <stdint.h>

#include "beter/phase.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };

	phase_model_validate((const char *)data, size, "fuzz.json", &err);
	return 0;
}
