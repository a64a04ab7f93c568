/* main.c - dispatch: global options, the command table, subcommands, the
 * store, write transactions and the exit status. */
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/store.h"
#include "cmd.h"

#ifndef BETER_VERSION
#define BETER_VERSION "0.0.0"
#endif

const struct command commands[] = {
#define CMD(n, s, f) { #n, s, f, &def_##n },
#include "commands.h"
#undef CMD
};
const int ncommands = sizeof(commands) / sizeof(*commands);

const struct command *command_find(const char *name)
{
	for (int i = 0; i < ncommands; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static void print_err(struct ctx *c)
{
	fprintf(stderr, "beter%s%s: %s\n", c->sub_path ? " " : "", c->sub_path ? c->sub_path : "",
		c->err.msg[0] ? c->err.msg : _("failed"));
}

/* "WHO: MESSAGE" on stderr; the caller translates fmt */
static void complain(const char *who, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void complain(const char *who, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", who);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void print_sb(struct strbuf *sb)
{
	fputs(strbuf_str(sb), stdout);
	strbuf_release(sb);
}

static int is_help(const char *a)
{
	return !strcmp(a, "--help") || !strcmp(a, "-h");
}

static const struct subcmd *find_sub(const struct subcmd *subs, const char *name)
{
	for (const struct subcmd *s = subs; s->name; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

static const struct subcmd *default_sub(const struct subcmd *subs)
{
	for (const struct subcmd *s = subs; s->name; s++)
		if ((s->flags & SUB_DEFAULT) || !s->name[0])
			return s;
	return NULL;
}

static int unknown_sub(struct ctx *c, const struct subcmd *subs, const char *word)
{
	const char *names[64];
	size_t n = 0;
	struct strbuf list = STRBUF_INIT;

	for (const struct subcmd *s = subs; s->name && n < 64; s++) {
		names[n++] = s->name;
		strbuf_addf(&list, "%s%s", list.len ? ", " : "", s->name);
	}
	const char *near = str_nearest(word, names, n);
	if (near)
		beter_err_set(&c->err, BETER_USAGE, _("unknown subcommand '%s'; did you mean '%s'?"), word, near);
	else
		beter_err_set(&c->err, BETER_USAGE, _("unknown subcommand '%s' (use %s)"), word, strbuf_str(&list));
	strbuf_release(&list);
	return BETER_USAGE;
}

/* Whether the command may run again after attempt (1, 2, ...) failed to
 * serialise: for as long as SQLite waits for a lock (BETER_BUSY_TIMEOUT,
 * 10 s) from the first failure, and at most CMD_RETRIES times. */
int cmd_retry_over(int attempt)
{
	static struct timespec first;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (attempt <= 1)
		first = now;
	long long ms = (long long)(now.tv_sec - first.tv_sec) * 1000 + (now.tv_nsec - first.tv_nsec) / 1000000;
	return attempt >= CMD_RETRIES || ms >= store_busy_timeout_ms();
}

int cmd_retry_wait(int attempt)
{
	if (cmd_retry_over(attempt))
		return -1;
	/* after a pause that doubles from 10 ms to 320 ms and varies, so that
	 * the commands that clashed part */
	if (attempt == 1)
		srand((unsigned)getpid() ^ (unsigned)time(NULL));
	unsigned pause = 10000u << (attempt < 6 ? attempt - 1 : 5);
	usleep((useconds_t)(pause / 2 + (unsigned)rand() % pause));
	return 0;
}

/* One run of the command: its transaction, the command, commit or rollback. */
static int run_once(struct ctx *c, const struct subcmd *sub, int argc, char **argv, int start)
{
	struct optparse p;
	int rc;

	if ((sub->flags & SUB_WRITES) && c->db && (rc = store_begin(c->db, &c->err)))
		return rc;
	opt_init(&p, argc, argv, start);
	rc = sub->fn(c, &p);
	opt_release(&p);
	if (rc == 0)
		rc = cmd_finish_output(c);

	if ((sub->flags & SUB_WRITES) && c->db) {
		if (rc == 0 && !c->dry_run) {
			rc = store_commit(c->db, &c->err);
		} else {
			store_rollback(c->db);
			if (rc == 0)
				cmd_note(c, "%s", _("dry run: nothing was written"));
		}
	}
	return rc;
}

/* Make the output new for another run: 0, or -1 when what was written
 * cannot be taken back. */
static int retry_output(struct ctx *c)
{
	struct out o = c->out;

	if (c->held ? hold_rewind(c->held) : 0)
		return -1;
	if (!c->held)
		return -1; /* written straight to stdout */
	out_release(&c->out);
	out_init(&c->out, o.fp, o.fmt);
	c->out.excel = o.excel;
	c->out.name = o.name;
	c->out.nl = o.nl;
	return 0;
}

static int run_sub(struct ctx *c, const struct subcmd *sub, int argc, char **argv, int start)
{
	struct optparse p;
	int rc;

	c->sub = sub;
	/* help anywhere before "--" */
	for (int i = start; i < argc && strcmp(argv[i], "--"); i++)
		if (is_help(argv[i])) {
			struct strbuf sb = STRBUF_INIT;
			help_render_sub(&sb, c->cmd, sub, c->sub_path);
			print_sb(&sb);
			return 0;
		}
	/* a first pass applies the global options (--db, --json) and finds usage
	 * errors before anything is opened */
	opt_init(&p, argc, argv, start);
	rc = cmd_options(c, &p, NULL);
	opt_release(&p);
	if (rc)
		return BETER_USAGE;
	c->out.fmt = (enum out_format)c->fmt;
	c->out.excel = c->excel;
	c->out.name = c->sub_path;
	if ((rc = cmd_check_format(c)))
		return rc;

	if ((c->cmd->flags & NEEDS_STORE) && !(sub->flags & SUB_NOSTORE) && (rc = cmd_store(c)))
		return rc;
	for (int attempt = 1;; attempt++) {
		rc = run_once(c, sub, argc, argv, start);
		/* a serialisation failure on PostgreSQL: another command's
		 * transaction came first; this one runs again from the start */
		if (rc != BETER_BUSY || !(sub->flags & SUB_WRITES) || !store_retryable(c->db) ||
		    cmd_retry_over(attempt) || retry_output(c))
			break;
		cmd_retry_wait(attempt);
		memset(&c->err, 0, sizeof(c->err));
	}
	c->out.name = NULL;
	return rc;
}

static int run_command(struct ctx *c, const struct command *cmd, int argc, char **argv)
{
	const struct subcmd *subs = cmd->def->subs;
	struct strbuf path = STRBUF_INIT;
	int i = 1, rc;

	c->cmd = cmd;
	strbuf_adds(&path, cmd->name);
	c->sub_path = path.buf;
	for (;;) {
		const struct subcmd *sub = NULL;

		if (i < argc && is_help(argv[i]) && subs == cmd->def->subs) {
			struct strbuf sb = STRBUF_INIT;
			help_render(&sb, cmd);
			print_sb(&sb);
			rc = 0;
			break;
		}
		if (subs[0].name && !subs[0].name[0]) {
			/* a command without subcommands */
			rc = run_sub(c, &subs[0], argc, argv, i);
			break;
		}
		int explicit_sub = 0;
		if (i < argc && argv[i][0] != '-') {
			explicit_sub = 1;
			sub = find_sub(subs, argv[i]);
			if (!sub) {
				rc = unknown_sub(c, subs, argv[i]);
				break;
			}
			i++;
		} else {
			sub = default_sub(subs);
			if (!sub) {
				struct strbuf list = STRBUF_INIT;
				for (const struct subcmd *s = subs; s->name; s++)
					strbuf_addf(&list, "%s%s", list.len ? "|" : "", s->name);
				rc = cmd_usage(c, _("which one? beter %s %s (see 'beter help %s')"), strbuf_str(&path),
					       strbuf_str(&list), cmd->name);
				strbuf_release(&list);
				break;
			}
		}
		if (explicit_sub) {
			strbuf_addf(&path, " %s", sub->name);
			c->sub_path = path.buf;
		}
		if (sub->subs && !sub->fn) {
			subs = sub->subs;
			continue;
		}
		rc = run_sub(c, sub, argc, argv, i);
		break;
	}
	if (rc && c->err.status == 0)
		c->err.status = rc;
	if (rc)
		print_err(c);
	c->sub_path = NULL;
	strbuf_release(&path);
	return rc;
}

static int unknown_command(const char *word)
{
	const char *names[64];
	int n = 0;

	for (int i = 0; i < ncommands && n < 64; i++)
		names[n++] = commands[i].name;
	names[n++] = "help";
	const char *near = str_nearest(word, names, (size_t)n);
	if (near)
		complain("beter", _("'%s' is not a beter command; did you mean '%s'?"), word, near);
	else
		complain("beter", _("'%s' is not a beter command (see 'beter --help')"), word);
	return BETER_USAGE;
}

static int cmd_help(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	int n = 0;

	/* --lang was applied in main: the rest are topics */
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			i++;
		else if (strncmp(argv[i], "--lang=", 7))
			argv[n++] = argv[i];
	}
	argc = n;
	int man = argc > 1 && !strcmp(argv[1], "--man");
	int a = man ? 2 : 1;

	if (a >= argc) {
		if (man)
			help_man_main(&sb);
		else
			help_main(&sb);
		print_sb(&sb);
		return 0;
	}
	const struct command *cmd = command_find(argv[a]);
	if (!cmd)
		return unknown_command(argv[a]);
	if (man) {
		help_man(&sb, cmd);
	} else if (a + 1 < argc) {
		const struct subcmd *sub = find_sub(cmd->def->subs, argv[a + 1]);
		if (!sub) {
			complain("beter help", _("'%s' has no subcommand '%s' (see 'beter help %s')"), cmd->name,
				 argv[a + 1], cmd->name);
			return BETER_USAGE;
		}
		struct strbuf path = STRBUF_INIT;
		strbuf_addf(&path, "%s %s", cmd->name, sub->name);
		help_render_sub(&sb, cmd, sub, path.buf);
		strbuf_release(&path);
	} else {
		help_render(&sb, cmd);
	}
	print_sb(&sb);
	return 0;
}

/* The value of the last --lang before "--", wherever it is: the language is
 * chosen before anything is said. */
static const char *lang_arg(int argc, char **argv)
{
	const char *lang = NULL;

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			lang = argv[++i];
		else if (!strncmp(argv[i], "--lang=", 7))
			lang = argv[i] + 7;
	}
	return lang;
}

static const struct command *command_from_argv0(const char *argv0)
{
	char *copy = xstrdup(argv0);
	const char *base = basename(copy);
	const struct command *cmd = NULL;

	if (!strncmp(base, "beter-", 6))
		cmd = command_find(base + 6);
	else if (strcmp(base, "beter"))
		cmd = command_find(base);
	free(copy);
	return cmd;
}

/* The held output of a command that ended with rc: written when it
 * succeeded (or its output is its verdict), else dropped; the status. */
static int release_held(struct ctx *c, FILE *held, int rc)
{
	int keep = rc == 0 || c->keep_output;
	int hrc;

	if (keep && out_flush(&c->out) != 0) {
		int e = errno;
		hold_close(held, 0);
		errno = e;
		hrc = -1;
	} else {
		hrc = hold_close(held, keep);
	}
	c->out.fp = stdout;
	c->held = NULL;
	if (hrc < 0 && rc == 0) {
		complain("beter", _("writing output: %s"), strerror(errno));
		rc = BETER_IOERR;
	}
	if (hrc > 0)
		complain("beter", "%s",
			 _("the output on stdout is incomplete: the command failed after writing "
			   "more than could be held back"));
	return rc;
}

int main(int argc, char **argv)
{
	struct ctx c;
	const struct command *cmd;
	int rc, i = 1;

	memset(&c, 0, sizeof(c));
	if (i18n_init(lang_arg(argc, argv)) < 0) {
		complain("beter", "%s", i18n_lang_error());
		return BETER_USAGE;
	}
	c.prog = "beter";
	c.fmt = OUT_TABLE;
	out_init(&c.out, stdout, OUT_TABLE);
	c.out.nl = !strcmp(i18n_lang(), "nl");

	cmd = argc > 0 ? command_from_argv0(argv[0]) : NULL;
	if (cmd) {
		i = 0; /* argv[0] is the command */
	} else {
		/* global options before the command */
		const struct opt *tables[2] = { global_opts, NULL };
		for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
			struct optparse p;
			int key;
			if (!strcmp(argv[i], "--"))
				break;
			opt_init(&p, argc, argv, i);
			key = opt_next(&p, tables, &c.err) > 0 ? p.opt->key : -1;
			int next = p.i;
			const char *arg = p.arg;
			opt_release(&p);
			if (key < 0) {
				fprintf(stderr, "beter: %s\n", c.err.msg);
				return BETER_USAGE;
			}
			if (key == 'h') {
				struct strbuf sb = STRBUF_INIT;
				help_main(&sb);
				print_sb(&sb);
				return 0;
			}
			if (key == GOPT_VERSION) {
				printf("beter %s (%s, schema %d)\n", BETER_VERSION, store_engine_version(),
				       store_schema_version());
				return 0;
			}
			if (cmd_global(&c, key, arg) < 0) {
				fprintf(stderr, "beter: %s\n", c.err.msg);
				return BETER_USAGE;
			}
			i = next - 1;
		}
		if (i >= argc) {
			struct strbuf sb = STRBUF_INIT;
			help_main(&sb);
			fputs(strbuf_str(&sb), stderr);
			strbuf_release(&sb);
			return BETER_USAGE;
		}
		if (!strcmp(argv[i], "help"))
			return cmd_help(argc - i, argv + i);
		cmd = command_find(argv[i]);
		if (!cmd)
			return unknown_command(argv[i]);
	}
	FILE *held = hold_open();
	if (held)
		c.out.fp = held;
	c.held = held;
	rc = run_command(&c, cmd, argc - i, argv + i);

	if (held)
		rc = release_held(&c, held, rc);
	if (out_flush(&c.out) != 0 && rc == 0) {
		complain("beter", _("writing output: %s"), strerror(errno));
		rc = BETER_IOERR;
	}
	out_release(&c.out);
	store_close(c.db);
	free(c.db_path);
	return rc;
}
