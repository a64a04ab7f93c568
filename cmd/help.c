/* help.c - --help, `beter help CMD` and the man pages, all from the command
 * and option tables. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static void usage_lines(struct strbuf *sb, const char *prefix, const struct subcmd *subs, int *first)
{
	for (const struct subcmd *s = subs; s->name; s++) {
		if (s->subs && !s->fn) {
			struct strbuf p = STRBUF_INIT;
			strbuf_addf(&p, "%s %s", prefix, s->name);
			usage_lines(sb, p.buf, s->subs, first);
			strbuf_release(&p);
			continue;
		}
		const char *u = s->usage ? s->usage : s->name;
		if (!*u) { /* a command without arguments: its name alone */
			strbuf_addf(sb, "%s beter %s\n", *first ? "usage:" : "   or:", prefix);
			*first = 0;
			continue;
		}
		while (*u) {
			const char *nl = strchr(u, '\n');
			size_t n = nl ? (size_t)(nl - u) : strlen(u);
			strbuf_addf(sb, "%s beter %s%s%.*s\n", *first ? "usage:" : "   or:", prefix, n ? " " : "", (int)n, u);
			*first = 0;
			u += n + (nl ? 1 : 0);
		}
	}
}

static void paragraphs(struct strbuf *sb, const char *text, int indent)
{
	/* wrap at 78 columns, paragraphs split by blank lines, lines starting
	 * with "  " or "- " kept as they are */
	const char *p = text;
	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int col = 0;
		const char *q = p;
		strbuf_addf(sb, "%*s", indent, "");
		col = indent;
		while (q < p + n) {
			if (*q == '\n') {
				strbuf_addf(sb, "\n%*s", indent, "");
				col = indent;
				q++;
				continue;
			}
			const char *w = q;
			while (w < p + n && *w != ' ' && *w != '\n')
				w++;
			size_t wl = (size_t)(w - q);
			if (col > indent && col + (int)wl > 78 && q[-1] == ' ') {
				sb->len--; /* drop the space */
				strbuf_addf(sb, "\n%*s", indent, "");
				col = indent;
			}
			strbuf_add(sb, q, wl);
			col += (int)wl;
			q = w;
			if (q < p + n && *q == ' ') {
				strbuf_addc(sb, ' ');
				col++;
				q++;
			}
		}
		strbuf_adds(sb, "\n");
		p += n;
		if (end) {
			strbuf_adds(sb, "\n");
			p += 2;
		}
	}
}

static void sub_block(struct strbuf *sb, const char *prefix, const struct subcmd *s)
{
	if (s->subs && !s->fn) {
		struct strbuf p = STRBUF_INIT;
		strbuf_addf(&p, "%s%s ", prefix, s->name);
		for (const struct subcmd *t = s->subs; t->name; t++)
			sub_block(sb, p.buf, t);
		strbuf_release(&p);
		return;
	}
	if (s->name[0]) {
		const char *u = s->usage ? s->usage : s->name;
		const char *nl = strchr(u, '\n');
		strbuf_addf(sb, "  %s%.*s\n", prefix, nl ? (int)(nl - u) : (int)strlen(u), u);
	}
	if (s->summary && s->name[0])
		strbuf_addf(sb, "      %s\n", s->summary);
	if (s->opts && s->opts[0].name)
		opt_help(sb, s->opts, 6);
	strbuf_addc(sb, '\n');
}

void help_render(struct strbuf *sb, const struct command *cmd)
{
	int first = 1;
	const struct subcmd *subs = cmd->def->subs;

	usage_lines(sb, cmd->name, subs, &first);
	strbuf_addf(sb, "\nbeter %s: %s\n\n", cmd->name, cmd->summary);
	if (cmd->def->description) {
		paragraphs(sb, cmd->def->description, 0);
		strbuf_addc(sb, '\n');
	}
	if (subs[0].name && !subs[0].name[0]) {
		strbuf_adds(sb, "Options:\n");
		sub_block(sb, "", &subs[0]);
	} else {
		strbuf_adds(sb, "Subcommands:\n");
		for (const struct subcmd *s = subs; s->name; s++)
			sub_block(sb, "", s);
	}
	if (cmd->def->files) {
		paragraphs(sb, cmd->def->files, 0);
		strbuf_addc(sb, '\n');
	}
	if (cmd->def->examples) {
		strbuf_adds(sb, "Examples:\n");
		/* verbatim: an example must stay whole to be copied */
		for (const char *e = cmd->def->examples; *e;) {
			const char *nl = strchr(e, '\n');
			size_t n = nl ? (size_t)(nl - e) : strlen(e);
			strbuf_addf(sb, "  %.*s\n", (int)n, e);
			e += n + (nl ? 1 : 0);
		}
		strbuf_addc(sb, '\n');
	}
	strbuf_adds(sb, "Global options (before or after the command):\n");
	opt_help(sb, global_opts, 2);
	strbuf_addf(sb, "\nSee also 'man beter-%s' and 'beter --help'.\n", cmd->name);
}

void help_render_sub(struct strbuf *sb, const struct command *cmd, const struct subcmd *sub, const char *path)
{
	int first = 1;
	struct subcmd one[2];
	const char *last = strrchr(path, ' ');
	char *prefix = sub->name[0] && last ? xstrndup(path, (size_t)(last - path)) : xstrdup(path);

	memset(one, 0, sizeof(one));
	one[0] = *sub;
	usage_lines(sb, prefix, one, &first);
	free(prefix);
	if (sub->summary)
		strbuf_addf(sb, "\n%s\n", sub->summary);
	if (sub->subs) {
		strbuf_adds(sb, "\nSubcommands:\n");
		for (const struct subcmd *s = sub->subs; s->name; s++)
			sub_block(sb, "", s);
	} else if (sub->opts && sub->opts[0].name) {
		strbuf_adds(sb, "\nOptions:\n");
		opt_help(sb, sub->opts, 2);
	}
	strbuf_adds(sb, "\nGlobal options:\n");
	opt_help(sb, global_opts, 2);
	strbuf_addf(sb, "\nSee 'beter help %s' for the whole command.\n", cmd->name);
}

void help_main(struct strbuf *sb)
{
	strbuf_adds(sb, "usage: beter [global options] COMMAND [SUBCOMMAND] [options] [args]\n\n"
			"beter: elke dag samen een beetje beter. Teams, boards, goals, lesson visits,\n"
			"pupil voice, surveys, phases and progress reports in one store.\n\nCommands:\n");
	for (int i = 0; i < ncommands; i++)
		strbuf_addf(sb, "  %-8s  %s\n", commands[i].name, commands[i].summary);
	strbuf_adds(sb, "  help      'beter help COMMAND' shows a command's subcommands and options\n"
			"\nGlobal options:\n");
	opt_help(sb, global_opts, 2);
	strbuf_adds(sb, "\nExit status: 0 ok, 1 failure or not found, 2 usage error, 65 invalid input data,\n"
			"74 store or I/O error, 75 store busy.\n");
}

static void man_paragraphs(struct strbuf *sb, const char *text)
{
	const char *p = text;
	while (*p) {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, n);
		int literal = para[0] == ' ' || !strncmp(para, "- ", 2) || strchr(para, '\n');
		strbuf_adds(sb, literal ? ".PP\n.nf\n" : ".PP\n");
		opt_roff(sb, para);
		strbuf_adds(sb, literal ? "\n.fi\n" : "\n");
		free(para);
		p += n;
		if (end)
			p += 2;
	}
}

static void man_subs(struct strbuf *sb, const char *prefix, const struct subcmd *subs)
{
	for (const struct subcmd *s = subs; s->name; s++) {
		if (s->subs && !s->fn) {
			struct strbuf p = STRBUF_INIT;
			strbuf_addf(&p, "%s%s ", prefix, s->name);
			man_subs(sb, p.buf, s->subs);
			strbuf_release(&p);
			continue;
		}
		if (s->name[0]) {
			strbuf_adds(sb, ".SS ");
			opt_roff(sb, prefix);
			opt_roff(sb, s->name);
			strbuf_addc(sb, '\n');
		}
		if (s->summary) {
			opt_roff(sb, s->summary);
			strbuf_addc(sb, '\n');
		}
		if (s->opts && s->opts[0].name)
			opt_man(sb, s->opts);
	}
}

void help_man(struct strbuf *sb, const struct command *cmd)
{
	struct strbuf syn = STRBUF_INIT;
	int first = 1;

	strbuf_addf(sb, ".TH BETER\\-%s 1 \"\" \"beter " "%s" "\" \"beter manual\"\n", cmd->name, BETER_VERSION);
	strbuf_adds(sb, ".SH NAME\n");
	strbuf_addf(sb, "beter\\-%s \\- ", cmd->name);
	opt_roff(sb, cmd->summary);
	strbuf_adds(sb, "\n.SH SYNOPSIS\n.nf\n");
	usage_lines(&syn, cmd->name, cmd->def->subs, &first);
	opt_roff(sb, strbuf_str(&syn));
	strbuf_adds(sb, ".fi\n");
	strbuf_release(&syn);
	if (cmd->def->description) {
		strbuf_adds(sb, ".SH DESCRIPTION\n");
		man_paragraphs(sb, cmd->def->description);
	}
	const struct subcmd *subs = cmd->def->subs;
	strbuf_adds(sb, subs[0].name && !subs[0].name[0] ? ".SH OPTIONS\n" : ".SH SUBCOMMANDS\n");
	man_subs(sb, "", subs);
	strbuf_adds(sb, ".SH GLOBAL OPTIONS\n");
	opt_man(sb, global_opts);
	if (cmd->def->files) {
		strbuf_adds(sb, ".SH FORMAT\n");
		man_paragraphs(sb, cmd->def->files);
	}
	strbuf_adds(sb, ".SH EXIT STATUS\n0 ok, 1 failure or not found, 2 usage error, 65 invalid input data, "
			"74 store or I/O error, 75 store busy.\n");
	if (cmd->def->examples) {
		strbuf_adds(sb, ".SH EXAMPLES\n.nf\n");
		opt_roff(sb, cmd->def->examples);
		strbuf_adds(sb, "\n.fi\n");
	}
	strbuf_adds(sb, ".SH ENVIRONMENT\n.TP\n.B BETER_DB\nthe store file when \\-\\-db is not given\n"
			".TP\n.B XDG_DATA_HOME\nthe default store is $XDG_DATA_HOME/beter/beter.db\n"
			".TP\n.B BETER_TODAY, SOURCE_DATE_EPOCH\nfix the date taken as today (YYYY\\-MM\\-DD, or seconds "
			"since the epoch), for scripts and reproducible output\n"
			".TP\n.B BETER_BUSY_TIMEOUT\nmilliseconds to wait for a store another process is writing "
			"(default 10000)\n");
	strbuf_adds(sb, ".SH SEE ALSO\n.BR beter (1)\n");
}

void help_man_main(struct strbuf *sb)
{
	strbuf_addf(sb, ".TH BETER 1 \"\" \"beter %s\" \"beter manual\"\n", BETER_VERSION);
	strbuf_adds(sb, ".SH NAME\nbeter \\- elke dag samen een beetje beter: a toolchain for school improvement\n"
			".SH SYNOPSIS\n.B beter\n[global options] COMMAND [SUBCOMMAND] [options] [args]\n"
			".SH DESCRIPTION\nOne store file holds a school's (or school board's) teams and people, "
			"improvement boards, goals, lesson visits, pupil voice, surveys and trajectory phases. "
			"Every command prints a table, JSON or CSV. Called through a link named "
			".BR beter\\-COMMAND ,\nthe program runs that command.\n.SH COMMANDS\n");
	for (int i = 0; i < ncommands; i++) {
		strbuf_addf(sb, ".TP\n.BR beter\\-%s (1)\n", commands[i].name);
		opt_roff(sb, commands[i].summary);
		strbuf_addc(sb, '\n');
	}
	strbuf_adds(sb, ".SH GLOBAL OPTIONS\n");
	opt_man(sb, global_opts);
	strbuf_adds(sb, ".SH EXIT STATUS\n0 ok, 1 failure or not found, 2 usage error, 65 invalid input data, "
			"74 store or I/O error, 75 store busy.\n");
}
