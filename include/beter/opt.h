/* opt.h - declarative options: one table per (sub)command parses argv and
 * prints --help and the man page, so help can never drift from parsing.
 */
#ifndef BETER_OPT_H
#define BETER_OPT_H

#include "beter/err.h"
#include "beter/util.h"

struct opt {
	const char *name;  /* long name without "--"; NULL ends a table */
	int key;           /* a short letter ('n' gives -n) or a value >= 256 */
	const char *arg;   /* argument name; NULL for a flag; "[ARG]" for an optional
			      argument, given only as --name=ARG */
	const char *help;  /* NULL: parsed but left out of help (the command refuses it, saying why) */
};

#define OPT_END { NULL, 0, NULL, NULL }

struct optparse {
	int argc;
	char **argv;
	int i;           /* next argv index */
	int only_args;   /* after "--" */
	const char *arg; /* the argument of the option just returned, or NULL */
	const char *name;/* "--name" or "-n" as the user wrote it */
	/* positional arguments, in order */
	char **args;
	int nargs;
};

/* Parse argv[start..argc) (argv[start-1] is the (sub)command name). */
void opt_init(struct optparse *p, int argc, char **argv, int start);
void opt_release(struct optparse *p);

/* The next option from any of the NULL-terminated list of tables: its key;
 * 0 when all options are read (positional arguments are in p->args); -1 on a
 * usage error, with the message (and a suggestion) in err. */
int opt_next(struct optparse *p, const struct opt *const *tables, struct beter_err *err);

/* Option help lines ("  -n, --name NAME   help") into sb. */
void opt_help(struct strbuf *sb, const struct opt *opts, int indent);
/* Text escaped for roff: backslashes, dashes, a line starting with a dot or quote. */
void opt_roff(struct strbuf *sb, const char *s);
/* The same as roff for a man page. */
void opt_man(struct strbuf *sb, const struct opt *opts);

#endif
