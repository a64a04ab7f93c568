/* libFuzzer target: option parsing. The input is an argv, split at NUL
 * bytes; the tables have strings, flags, repeatable and optional values,
 * short options and options handed back by key, as commands have. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "beter/opt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fopts {
	const char *name, *color, *output;
	int all, color_given;
	struct opt_list roles;
};
#define OPT_STRUCT struct fopts

static const struct opt cmd_opts[] = {
	OPT_STRING("name", name, "NAME", "a value"),
	OPT_LIST("role", roles, "ROLE", "a repeatable value"),
	OPT_OPTARG("color", color, color_given, "[WHEN]", "an optional value"),
	OPT_FLAG("all", all, "a flag"),
	OPT_STRING_SHORT('o', "output", output, "FILE", "a short option with a value"),
	OPT_STRING("hidden", name, "X", NULL),
	OPT_END
};
static const struct opt globals[] = {
	{ "db", 300, "PATH", "the store", OPT_T_KEY, 0, 0 },
	{ "json", 301, NULL, "json", OPT_T_KEY, 0, 0 },
	{ "quiet", 'q', NULL, "quiet", OPT_T_KEY, 0, 0 },
	OPT_END
};

static int in(const char *s, const char *buf, size_t size)
{
	return s >= buf && s <= buf + size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct opt *tables[] = { cmd_opts, globals, NULL };
	char *buf = xmalloc(size + 1);
	char *argv[65];
	int argc = 0, r, given = 0;
	struct optparse p;
	struct fopts o;
	struct beter_err err = { 0 };

	memcpy(buf, data, size);
	buf[size] = '\0';
	argv[argc++] = "cmd";
	for (size_t i = 0; i <= size && argc < 64;) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;
	memset(&o, 0, sizeof(o));
	opt_init(&p, argc, argv, 1);
	while ((r = opt_next(&p, tables, &err)) > 0) {
		if (!p.opt || !p.opt->name || (p.arg && !in(p.arg, buf, size)))
			abort();
		if (p.opt->type == OPT_T_KEY)
			continue;
		opt_fill(p.opt, &o, p.arg);
		if (p.opt->type == OPT_T_OPTARG)
			given = 1;
	}
	/* a filled value is always a piece of argv; a list holds every value */
	if ((o.name && !in(o.name, buf, size)) || (o.output && !in(o.output, buf, size)) ||
	    (o.color && !in(o.color, buf, size)) || o.color_given != given || o.all > 1 || o.roles.n > argc)
		abort();
	for (int i = 0; i < o.roles.n; i++)
		if (!in(o.roles.v[i], buf, size))
			abort();
	if (p.nargs > argc)
		abort();
	opt_list_release(&o.roles);
	opt_release(&p);
	free(buf);
	return 0;
}
