/* opt.h - declarative options: one table per (sub)command parses argv and
 * prints --help and the man page, so help can never drift from parsing.
 */
#ifndef BETER_OPT_H
#define BETER_OPT_H

#include <stddef.h>

#include "beter/err.h"
#include "beter/util.h"

/* What an option does with its value: fill a field of the options struct
 * the caller parses into (at off), or hand its key to the caller. */
enum opt_type {
	OPT_T_KEY = 0, /* no field: the caller acts on key (the global options) */
	OPT_T_STRING,  /* const char *: the value (the last one given wins) */
	OPT_T_FLAG,    /* int: 1 */
	OPT_T_LIST,    /* struct opt_list: every value, in order (a repeatable option) */
	OPT_T_OPTARG,  /* const char *: the value or NULL ("[ARG]": --name=ARG, or --name ARG when
			  the command takes no positional argument there, see opt_claim),
			  and the int at off2: 1 (the option was given in either form) */
};

struct opt {
	const char *name;  /* long name without "--"; NULL ends a table */
	int key;           /* a short letter ('n' gives -n), 0, or a value >= 256 (OPT_T_KEY) */
	const char *arg;   /* argument name; NULL for a flag; "[ARG]" for an optional
			      argument (--name=ARG, or --name ARG, see opt_claim) */
	const char *help;  /* NULL: parsed but left out of help (the command refuses it, saying why) */
	enum opt_type type;
	size_t off, off2;  /* offsetof the field(s) it fills */
};

/* The values of a repeatable option; opt_list_release frees the array. */
struct opt_list {
	const char **v;
	int n;
};
void opt_list_release(struct opt_list *l);

/* Table rows that fill a field of OPT_STRUCT, which the file defines before
 * its tables (e.g. #define OPT_STRUCT struct sopts). */
#define OPT_STRING(name, field, arg, help) \
	{ name, 0, arg, help, OPT_T_STRING, offsetof(OPT_STRUCT, field), 0 }
#define OPT_STRING_SHORT(c, name, field, arg, help) \
	{ name, c, arg, help, OPT_T_STRING, offsetof(OPT_STRUCT, field), 0 }
#define OPT_FLAG(name, field, help) \
	{ name, 0, NULL, help, OPT_T_FLAG, offsetof(OPT_STRUCT, field), 0 }
#define OPT_LIST(name, field, arg, help) \
	{ name, 0, arg, help, OPT_T_LIST, offsetof(OPT_STRUCT, field), 0 }
#define OPT_OPTARG(name, field, given, arg, help) \
	{ name, 0, arg, help, OPT_T_OPTARG, offsetof(OPT_STRUCT, field), offsetof(OPT_STRUCT, given) }
#define OPT_END { NULL, 0, NULL, NULL, OPT_T_KEY, 0, 0 }

struct optparse {
	int argc;
	char **argv;
	int i;           /* next argv index */
	int only_args;   /* after "--" */
	const char *arg; /* the argument of the option just returned, or NULL */
	const char *name;/* "--name" or "-n" as the user wrote it */
	const struct opt *opt; /* the option just returned */
	/* positional arguments, in order */
	char **args;
	int nargs;
	/* optional-argument options given as "--name WORD": WORD is args[at]
	 * unless opt_claim makes it the option's value */
	struct opt_late {
		const struct opt *opt;
		int at;
	} *late;
	int nlate;
};

/* Parse argv[start..argc) (argv[start-1] is the (sub)command name). */
void opt_init(struct optparse *p, int argc, char **argv, int start);
void opt_release(struct optparse *p);

/* The next option from any of the NULL-terminated list of tables: 1 (the
 * option is p->opt, its value p->arg); 0 when all options are read
 * (positional arguments are in p->args); -1 on a usage error, with the
 * message (and a suggestion) in err. */
int opt_next(struct optparse *p, const struct opt *const *tables, struct beter_err *err);

/* "--school Naam met spaties": a word after an optional-argument option
 * given without "=" is read as a positional argument first. When there are
 * more positional arguments than max (the most the command takes; -1: any),
 * such words become the values of their options again (filled into base),
 * the first first, until the rest fit. So "report --school 'De Vlinder'"
 * names a school while "phase start --school leerkracht" keeps its model. */
void opt_claim(struct optparse *p, void *base, int max);

/* Fill o's field(s) in base (the options struct) with arg. */
void opt_fill(const struct opt *o, void *base, const char *arg);

/* Option help lines ("  -n, --name NAME   help") into sb. */
void opt_help(struct strbuf *sb, const struct opt *opts, int indent);
/* Text escaped for roff: backslashes, dashes, a line starting with a dot or quote. */
void opt_roff(struct strbuf *sb, const char *s);
/* The same as roff for a man page. */
void opt_man(struct strbuf *sb, const struct opt *opts);

#endif
