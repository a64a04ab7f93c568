/* help.c - --help, `beter help CMD` and the man pages, all from the command
 * and option tables. */
#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "cmd.h"

/* The tables hold the English, marked with N_(); a person reads them in
 * the language chosen (gettext("") would be the catalogue's header). */
static const char *tr(const char *s)
{
	return s && *s ? _(s) : s;
}

/* An option table with its help translated; free() it. */
static struct opt *opts_tr(const struct opt *opts)
{
	size_t n = 0;

	while (opts[n].name)
		n++;
	struct opt *t = xcalloc(n + 1, sizeof(*t));
	memcpy(t, opts, (n + 1) * sizeof(*t));
	for (size_t i = 0; i < n; i++)
		t[i].help = tr(t[i].help);
	return t;
}

static void help_opts(struct strbuf *sb, const struct opt *opts, int indent)
{
	struct opt *t = opts_tr(opts);
	opt_help(sb, t, indent);
	free(t);
}

static void man_opts(struct strbuf *sb, const struct opt *opts)
{
	struct opt *t = opts_tr(opts);
	opt_man(sb, t);
	free(t);
}

static const char *usage_word(int first)
{
	/* TRANSLATORS: "usage:" and "   or:" start the usage lines one under
	   the other: give them the same width. */
	return first ? _("usage:") : _("   or:");
}

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
			strbuf_addf(sb, "%s beter %s\n", usage_word(*first), prefix);
			*first = 0;
			continue;
		}
		while (*u) {
			const char *nl = strchr(u, '\n');
			size_t n = nl ? (size_t)(nl - u) : strlen(u);
			strbuf_addf(sb, "%s beter %s%s%.*s\n", usage_word(*first), prefix, n ? " " : "", (int)n, u);
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
		strbuf_addf(sb, "      %s\n", tr(s->summary));
	if (s->opts && s->opts[0].name)
		help_opts(sb, s->opts, 6);
	strbuf_addc(sb, '\n');
}

void help_render(struct strbuf *sb, const struct command *cmd)
{
	int first = 1;
	const struct subcmd *subs = cmd->def->subs;

	usage_lines(sb, cmd->name, subs, &first);
	strbuf_addf(sb, "\nbeter %s: %s\n\n", cmd->name, tr(cmd->summary));
	if (cmd->def->description) {
		paragraphs(sb, tr(cmd->def->description), 0);
		strbuf_addc(sb, '\n');
	}
	if (subs[0].name && !subs[0].name[0]) {
		strbuf_addf(sb, "%s\n", _("Options:"));
		sub_block(sb, "", &subs[0]);
	} else {
		strbuf_addf(sb, "%s\n", _("Subcommands:"));
		for (const struct subcmd *s = subs; s->name; s++)
			sub_block(sb, "", s);
	}
	if (cmd->def->files) {
		paragraphs(sb, tr(cmd->def->files), 0);
		strbuf_addc(sb, '\n');
	}
	if (cmd->def->examples) {
		strbuf_addf(sb, "%s\n", _("Examples:"));
		/* verbatim: an example must stay whole to be copied */
		for (const char *e = tr(cmd->def->examples); *e;) {
			const char *nl = strchr(e, '\n');
			size_t n = nl ? (size_t)(nl - e) : strlen(e);
			strbuf_addf(sb, "  %.*s\n", (int)n, e);
			e += n + (nl ? 1 : 0);
		}
		strbuf_addc(sb, '\n');
	}
	strbuf_addf(sb, "%s\n", _("Global options (before or after the command):"));
	help_opts(sb, global_opts, 2);
	strbuf_addc(sb, '\n');
	strbuf_addf(sb, _("See also 'man beter-%s' and 'beter --help'."), cmd->name);
	strbuf_addc(sb, '\n');
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
		strbuf_addf(sb, "\n%s\n", tr(sub->summary));
	if (sub->subs) {
		strbuf_addf(sb, "\n%s\n", _("Subcommands:"));
		for (const struct subcmd *s = sub->subs; s->name; s++)
			sub_block(sb, "", s);
	} else if (sub->opts && sub->opts[0].name) {
		strbuf_addf(sb, "\n%s\n", _("Options:"));
		help_opts(sb, sub->opts, 2);
	}
	strbuf_addf(sb, "\n%s\n", _("Global options:"));
	help_opts(sb, global_opts, 2);
	strbuf_addc(sb, '\n');
	strbuf_addf(sb, _("See 'beter help %s' for the whole command."), cmd->name);
	strbuf_addc(sb, '\n');
}

void help_main(struct strbuf *sb)
{
	strbuf_addf(sb, "%s beter %s\n\n", usage_word(1), _("[global options] COMMAND [SUBCOMMAND] [options] [args]"));
	strbuf_addf(sb, "%s\n\n%s\n", _("beter: elke dag samen een beetje beter. Teams, boards, goals, lesson visits,\n"
					 "pupil voice, surveys, phases and progress reports in one store."),
		    _("Commands:"));
	for (int i = 0; i < ncommands; i++)
		strbuf_addf(sb, "  %-8s  %s\n", commands[i].name, tr(commands[i].summary));
	strbuf_addf(sb, "  help      %s\n\n%s\n", _("'beter help COMMAND' shows a command's subcommands and options"),
		    _("Global options:"));
	help_opts(sb, global_opts, 2);
	strbuf_addf(sb, "\n%s\n", _("Exit status: 0 ok, 1 failure or not found, 2 usage error, 65 invalid input data,\n"
				      "74 store or I/O error, 75 store busy."));
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
			opt_roff(sb, tr(s->summary));
			strbuf_addc(sb, '\n');
		}
		if (s->opts && s->opts[0].name)
			man_opts(sb, s->opts);
	}
}

/* ".SH HEADING" in the language chosen */
static void man_section(struct strbuf *sb, const char *heading)
{
	strbuf_adds(sb, ".SH ");
	opt_roff(sb, heading);
	strbuf_addc(sb, '\n');
}

static void man_exit_status(struct strbuf *sb)
{
	man_section(sb, _("EXIT STATUS"));
	opt_roff(sb, _("0 ok, 1 failure or not found, 2 usage error, 65 invalid input data, "
		       "74 store or I/O error, 75 store busy."));
	strbuf_addc(sb, '\n');
}

static const struct {
	const char *name, *text;
} man_env[] = {
	{ "BETER_DB", N_("the store file when --db is not given") },
	{ "XDG_DATA_HOME", N_("the default store is $XDG_DATA_HOME/beter/beter.db") },
	{ "BETER_TODAY, SOURCE_DATE_EPOCH", N_("fix the date taken as today (YYYY-MM-DD, or seconds since the epoch), "
					       "for scripts and reproducible output") },
	{ "BETER_BUSY_TIMEOUT", N_("milliseconds to wait for a store another process is writing (default 10000)") },
	{ "BETER_LANG", N_("the language people read, nl or en, when --lang is not given; else the locale's "
			   "(LANGUAGE, LC_ALL, LC_MESSAGES, LANG), Dutch also where no Dutch locale is installed") },
	{ "BETER_LOCALEDIR", N_("where the translations are (default: locale beside the binary, else the "
				"directory beter was installed with)") },
};

void help_man(struct strbuf *sb, const struct command *cmd)
{
	struct strbuf syn = STRBUF_INIT;
	int first = 1;

	strbuf_addf(sb, ".TH BETER\\-%s 1 \"\" \"beter %s\" \"", cmd->name, BETER_VERSION);
	opt_roff(sb, _("beter manual"));
	strbuf_adds(sb, "\"\n");
	man_section(sb, _("NAME"));
	strbuf_addf(sb, "beter\\-%s \\- ", cmd->name);
	opt_roff(sb, tr(cmd->summary));
	strbuf_addc(sb, '\n');
	man_section(sb, _("SYNOPSIS"));
	strbuf_adds(sb, ".nf\n");
	usage_lines(&syn, cmd->name, cmd->def->subs, &first);
	opt_roff(sb, strbuf_str(&syn));
	strbuf_adds(sb, ".fi\n");
	strbuf_release(&syn);
	if (cmd->def->description) {
		man_section(sb, _("DESCRIPTION"));
		man_paragraphs(sb, tr(cmd->def->description));
	}
	const struct subcmd *subs = cmd->def->subs;
	man_section(sb, subs[0].name && !subs[0].name[0] ? _("OPTIONS") : _("SUBCOMMANDS"));
	man_subs(sb, "", subs);
	man_section(sb, _("GLOBAL OPTIONS"));
	man_opts(sb, global_opts);
	if (cmd->def->files) {
		man_section(sb, _("FORMAT"));
		man_paragraphs(sb, tr(cmd->def->files));
	}
	man_exit_status(sb);
	if (cmd->def->examples) {
		man_section(sb, _("EXAMPLES"));
		strbuf_adds(sb, ".nf\n");
		opt_roff(sb, tr(cmd->def->examples));
		strbuf_adds(sb, "\n.fi\n");
	}
	man_section(sb, _("ENVIRONMENT"));
	for (size_t i = 0; i < sizeof(man_env) / sizeof(*man_env); i++) {
		strbuf_adds(sb, ".TP\n.B ");
		opt_roff(sb, man_env[i].name);
		strbuf_addc(sb, '\n');
		opt_roff(sb, _(man_env[i].text));
		strbuf_addc(sb, '\n');
	}
	man_section(sb, _("SEE ALSO"));
	strbuf_adds(sb, ".BR beter (1)\n");
}

void help_man_main(struct strbuf *sb)
{
	strbuf_addf(sb, ".TH BETER 1 \"\" \"beter %s\" \"", BETER_VERSION);
	opt_roff(sb, _("beter manual"));
	strbuf_adds(sb, "\"\n");
	man_section(sb, _("NAME"));
	strbuf_adds(sb, "beter \\- ");
	opt_roff(sb, _("elke dag samen een beetje beter: a toolchain for school improvement"));
	strbuf_addc(sb, '\n');
	man_section(sb, _("SYNOPSIS"));
	strbuf_adds(sb, ".B beter\n");
	opt_roff(sb, _("[global options] COMMAND [SUBCOMMAND] [options] [args]"));
	strbuf_addc(sb, '\n');
	man_section(sb, _("DESCRIPTION"));
	opt_roff(sb, _("One store file holds a school's (or school board's) teams and people, improvement boards, goals, "
		       "lesson visits, pupil voice, surveys and trajectory phases. Every command prints a table, JSON or "
		       "CSV. Called through a link named beter-COMMAND, the program runs that command."));
	strbuf_addc(sb, '\n');
	man_section(sb, _("COMMANDS"));
	for (int i = 0; i < ncommands; i++) {
		strbuf_addf(sb, ".TP\n.BR beter\\-%s (1)\n", commands[i].name);
		opt_roff(sb, tr(commands[i].summary));
		strbuf_addc(sb, '\n');
	}
	man_section(sb, _("GLOBAL OPTIONS"));
	man_opts(sb, global_opts);
	man_exit_status(sb);
}
