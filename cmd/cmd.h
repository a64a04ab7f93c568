/* cmd.h - what every command file sees: the run context, the subcommand
 * table, and helpers for options, the store and output. */
#ifndef BETER_CMD_H
#define BETER_CMD_H

#include <stdint.h>

#include "beter/err.h"
#include "beter/opt.h"
#include "beter/out.h"
#include "beter/util.h"

struct ctx;
struct command;

typedef int subcmd_fn(struct ctx *c, struct optparse *p);

/* A subcommand: its name, the usage lines after "beter CMD", a summary, its
 * options and the function that runs it once options are parsed. A row with
 * subs and no fn is a group ("team member add|rm"). */
struct subcmd {
	const char *name;
	const char *usage;   /* e.g. "add CODE --name NAME --role ROLE"; several lines split by \n */
	const char *summary;
	const struct opt *opts;
	subcmd_fn *fn;
	int flags;            /* SUB_WRITES: wrap in a write transaction */
	const struct subcmd *subs;
};

enum sub_flags {
	SUB_WRITES = 1,   /* open a write transaction around fn, commit when it returns 0 */
	SUB_NOSTORE = 2,  /* does not need the store */
	SUB_DEFAULT = 4,  /* runs when the command is given without a subcommand */
	SUB_HTML = 8,     /* renders --format html and md itself (else they are a usage error) */
};

/* A command: what `beter help CMD`, `CMD --help` and the man page show. */
struct command_def {
	const char *description; /* paragraphs, plain text, \n\n between them */
	const struct subcmd *subs; /* NULL-name terminated */
	const char *examples;      /* lines of example invocations */
	const char *files;         /* optional: a FILES/FORMAT section for the man page */
};

enum command_flags {
	NEEDS_STORE = 1,  /* open (and migrate) the store before running */
	CREATES_STORE = 2 /* may create the store file */
};

struct command {
	const char *name;
	const char *summary;
	int flags;
	const struct command_def *def;
};

struct ctx {
	const char *prog;      /* "beter" */
	const struct command *cmd;
	const struct subcmd *sub;
	char *sub_path;        /* "team member add" for messages */
	char *db_path;
	const char *db_opt;    /* --db as given */
	struct store *db;
	struct out out;
	int fmt;
	int fmt_given; /* --format or one of its short forms was given */
	int quiet;
	int excel;
	const char *out_path;  /* the global --out FILE: where --format xlsx (or a page) goes */
	int dry_run;
	struct beter_err err;
	FILE *held;      /* the held output (cmd/hold.c), NULL: none */
	int keep_output; /* the output is the command's result even when it fails (a verdict: check's
			    problems, a coverage below --require); else a failure drops it (cmd/hold.c) */
};

/* The output of a command, held until its outcome is known (cmd/hold.c): a
 * FILE for the command's output (NULL: write to stdout), and its close,
 * which writes what is held (keep) or drops it. hold_close returns 0, -1
 * with errno when writing failed, or 1 when dropped output had partly
 * reached stdout already (more than the 8 MiB held). */
FILE *hold_open(void);
int hold_close(FILE *fp, int keep);
/* Forget what the command wrote so far, to run it again: 0, or -1 when it
 * cannot be taken back (it reached a terminal or a pipe already). */
int hold_rewind(FILE *fp);

/* Global options, accepted before the command and after it. */
extern const struct opt global_opts[];
enum global_keys {
	GOPT_DB = 1000, GOPT_FORMAT, GOPT_JSON, GOPT_CSV, GOPT_TSV, GOPT_QUIET, GOPT_HELP, GOPT_VERSION,
	GOPT_EXCEL, GOPT_TABLE, GOPT_OUT,
	GOPT_LANG,
};

/* Read the running subcommand's options: each fills its field in base (the
 * command's options struct, zeroed by the caller; NULL: only check them),
 * the global ones apply to c. 0, or BETER_USAGE (already reported). */
int cmd_options(struct ctx *c, struct optparse *p, void *base);
/* cmd_options, then expect min..max positional arguments (cmd_args); what
 * names them in a usage error, marked with N_(): N_("the backup file"). */
int cmd_parse(struct ctx *c, struct optparse *p, void *base, int min, int max, const char *what);

/* Apply a global option: 1 if it was one, 0 if not, -1 on a bad value. */
int cmd_global(struct ctx *c, int key, const char *arg);
/* Whether the running subcommand can write the output format and --out
 * asked for: 0, or BETER_USAGE (reported). */
int cmd_check_format(struct ctx *c);
/* The workbook of --format xlsx, once the command has written its rows:
 * to --out FILE or stdout. 0 or an error status (reported in c->err). */
int cmd_finish_output(struct ctx *c);

/* Report a usage error for the running subcommand and return BETER_USAGE. */
int cmd_usage(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Expect exactly min..max positional arguments (max -1: any). */
int cmd_args(struct ctx *c, struct optparse *p, int min, int max, const char *what);
/* The usage error when what (a cmd_args noun phrase) is missing, as one
 * whole translated sentence with %s for the usage line; NULL when what has
 * none in cmd/missing.c (then "missing %s" is used). */
const char *cmd_missing_format(const char *what);

/* "beter team member add TEAM CODE... [--role ROLE]" for the running subcommand. */
const char *cmd_usage_line(struct ctx *c);

/* Open the store now (for subcommands that need it lazily). */
int cmd_store(struct ctx *c);
/* Resolve --school (NULL: the only one). */
int cmd_school(struct ctx *c, const char *which, int64_t *id);

/* A command whose transaction failed to serialise (PostgreSQL: another
 * command's transaction came first) runs it again, for as long as SQLite
 * waits for a lock (BETER_BUSY_TIMEOUT, 10 s) and at most CMD_RETRIES times
 * in all: cmd_retry_over says whether attempt (1, 2, ...) was the last;
 * cmd_retry_wait pauses before another try, or returns -1 when it was. */
#define CMD_RETRIES 100
int cmd_retry_over(int attempt);
int cmd_retry_wait(int attempt);

/* Say something to a human on stderr unless --quiet. */
void cmd_note(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse an integer or real option value, or fail with a usage/data error naming it. */
int cmd_int(struct ctx *c, const char *opt, const char *s, int64_t min, int64_t max, int64_t *out);
int cmd_real(struct ctx *c, const char *opt, const char *s, double min, double max, double *out);
/* A record number ("12" or "#12"). */
int cmd_number(struct ctx *c, const char *what, const char *s, int64_t *out);

/* Help text and man page of a command, from its table. */
void help_render(struct strbuf *sb, const struct command *cmd);
void help_render_sub(struct strbuf *sb, const struct command *cmd, const struct subcmd *sub, const char *path);
void help_man(struct strbuf *sb, const struct command *cmd);
void help_main(struct strbuf *sb);
void help_man_main(struct strbuf *sb);

extern const struct command commands[];
extern const int ncommands;
const struct command *command_find(const char *name);

#define COMMAND_DEF(name) extern const struct command_def def_##name;
#define CMD(name, summary, flags) COMMAND_DEF(name)
#include "commands.h"

struct store;
struct store_stmt;
#undef CMD
#undef COMMAND_DEF

#endif
