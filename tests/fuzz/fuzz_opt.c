/* libFuzzer target: option parsing. The input is an argv, split at NUL
 * bytes; the tables have flags, values, optional values and short options. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "beter/opt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct opt cmd_opts[] = {
	{ "name", 256, "NAME", "a value" },
	{ "role", 257, "ROLE", "a value" },
	{ "color", 258, "[WHEN]", "an optional value" },
	{ "all", 'a', NULL, "a flag" },
	{ "output", 'o', "FILE", "a short option with a value" },
	OPT_END
};
static const struct opt globals[] = {
	{ "db", 300, "PATH", "the store" },
	{ "json", 301, NULL, "json" },
	{ "quiet", 'q', NULL, "quiet" },
	OPT_END
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct opt *tables[] = { cmd_opts, globals, NULL };
	char *buf = xmalloc(size + 1);
	char *argv[65];
	int argc = 0;
	struct optparse p;
	struct beter_err err = { 0 };
	int key;

	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = "cmd";
	for (size_t i = 0; i <= size && argc < 64;) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;
	opt_init(&p, argc, argv, 1);
	while ((key = opt_next(&p, tables, &err)) > 0)
		if (p.arg && !*p.name)
			abort();
	if (p.nargs > argc)
		abort();
	opt_release(&p);
	free(buf);
	return 0;
}
