/* libFuzzer target: the streaming JSON reader (struct jsonrd) against
 * jsonin_parse on the same text: both take it or both refuse it, they
 * build the same value, and a fault both name alike is at the same place. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/jsonin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A message without its place: "f.json:1:2: not valid JSON here" ->
 * "not valid JSON here". */
static const char *fault(const char *msg)
{
	const char *p = strstr(msg, ": ");
	return p ? p + 2 : msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err e1 = { 0 }, e2 = { 0 };
	cJSON *a = NULL, *b = NULL;
	struct jsonrd r;
	FILE *fp;
	int ra, rb;

	if (size == 0)
		return 0;
	ra = jsonin_parse("f.json", (const char *)data, size, &a, &e1);
	if (!(fp = fmemopen((void *)data, size, "r")))
		abort();
	jsonrd_init(&r, fp, "f.json", &e2);
	rb = jsonrd_peek(&r) == -1 ? 1 : jsonrd_value(&r, &b);
	if (!rb && (rb = jsonrd_end(&r)) != 0) {
		cJSON_Delete(b);
		b = NULL;
	}
	jsonrd_release(&r);
	fclose(fp);
	if ((ra == 0) != (rb == 0))
		abort();
	if (ra == 0 && !cJSON_Compare(a, b, 1)) {
		/* numbers out of range are inf, which cJSON_Compare never finds
		 * equal: then the printed forms must be */
		char *pa = cJSON_PrintUnformatted(a), *pb = cJSON_PrintUnformatted(b);
		if (!pa || !pb || strcmp(pa, pb))
			abort();
		cJSON_free(pa);
		cJSON_free(pb);
	}
	/* the same kind of fault at another place: the whole-file reader looks
	 * for bad UTF-8 first, the stream finds faults in the order of the file */
	if (ra && rb != 1 && !strcmp(fault(e1.msg), fault(e2.msg)) && strcmp(e1.msg, e2.msg))
		abort();
	cJSON_Delete(a);
	cJSON_Delete(b);
	return 0;
}
