/* cmd.c - helpers shared by the command files. */
#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/school.h"
#include "beter/store.h"

const struct opt global_opts[] = {
	{ "db", GOPT_DB, "PATH", N_("the store file (default $BETER_DB, else $XDG_DATA_HOME/beter/beter.db)") },
	{ "format", GOPT_FORMAT, "FMT",
	  N_("output format: table (default), json, csv, tsv or xlsx; html and md where a command offers them") },
	{ "out", GOPT_OUT, "FILE",
	  N_("write the workbook (xlsx) or page to FILE, atomically; xlsx without --out needs stdout redirected") },
	{ "json", GOPT_JSON, NULL, N_("short for --format json") },
	{ "csv", GOPT_CSV, NULL, N_("short for --format csv") },
	{ "tsv", GOPT_TSV, NULL, N_("short for --format tsv") },
	{ "table", GOPT_TABLE, NULL, N_("short for --format table") },
	{ "excel", GOPT_EXCEL, NULL, N_("CSV for spreadsheets: ';' separated, a BOM, formula-like cells neutralised") },
	{ "dry-run", 'n', NULL, N_("check everything a change would do, then write nothing") },
	{ "quiet", 'q', NULL, N_("print no confirmations, only data and errors") },
	{ "help", 'h', NULL, N_("show this help") },
	{ "version", GOPT_VERSION, NULL, N_("print the version") },
	{ "lang", GOPT_LANG, "LANG", N_("the language people read: nl or en (default $BETER_LANG, else the locale)") },
	OPT_END
};

static int apply_global(struct ctx *c, int key, const char *arg)
{
	switch (key) {
	case GOPT_DB:
		c->db_opt = arg;
		return 1;
	case GOPT_FORMAT: {
		int f = out_format_parse(arg);
		if (f < 0) {
			beter_err_set(&c->err, BETER_USAGE,
				      _("--format: unknown format '%s' (use table, json, csv, tsv, xlsx, html or md)"), arg);
			return -1;
		}
		c->fmt = f;
		return 1;
	}
	case GOPT_JSON: c->fmt = OUT_JSON; return 1;
	case GOPT_CSV: c->fmt = OUT_CSV; return 1;
	case GOPT_TSV: c->fmt = OUT_TSV; return 1;
	case GOPT_TABLE: c->fmt = OUT_TABLE; return 1;
	case GOPT_EXCEL: c->fmt = OUT_CSV; c->excel = 1; return 1;
	case GOPT_OUT:
		if (!*arg) {
			c->err.status = BETER_USAGE;
			snprintf(c->err.msg, sizeof(c->err.msg), "%s", _("--out needs a file name"));
			return -1;
		}
		c->out_path = arg;
		return 1;
	case 'n': c->dry_run = 1; return 1;
	case 'q': c->quiet = 1; return 1;
	case GOPT_LANG: return 1; /* applied before anything ran (cmd/main.c) */
	default: return 0;
	}
}

int cmd_global(struct ctx *c, int key, const char *arg)
{
	int r = apply_global(c, key, arg);
	if (r == 1 && (key == GOPT_FORMAT || key == GOPT_JSON || key == GOPT_CSV || key == GOPT_TSV ||
		       key == GOPT_TABLE || key == GOPT_EXCEL))
		c->fmt_given = 1;
	c->out.fmt = (enum out_format)c->fmt;
	c->out.excel = c->excel;
	return r;
}

static const char *format_name(int fmt)
{
	switch (fmt) {
	case OUT_HTML: return "html";
	case OUT_MD: return "md";
	default: return "xlsx";
	}
}

int cmd_check_format(struct ctx *c)
{
	int page = c->sub && (c->sub->flags & SUB_HTML);

	if ((c->fmt == OUT_HTML || c->fmt == OUT_MD) && !page)
		return cmd_usage(c, _("--format %s is not available for 'beter %s' (use table, json, csv, tsv or xlsx)"),
				 format_name(c->fmt), c->sub_path);
	if (c->fmt == OUT_XLSX && !c->out_path && isatty(STDOUT_FILENO))
		return cmd_usage(c, _("--format xlsx writes a workbook: give --out FILE.xlsx (or send stdout to a file)"));
	if (c->out_path && c->fmt != OUT_XLSX && !page)
		return cmd_usage(c, _("--out FILE is for a workbook: give --format xlsx too"));
	return 0;
}

int cmd_finish_output(struct ctx *c)
{
	int wrote, rc;

	if (c->out.fmt != OUT_XLSX)
		return 0;
	if ((rc = out_xlsx_finish(&c->out, c->out_path, &wrote, &c->err)))
		return rc;
	if (!wrote)
		return beter_err_set(&c->err, BETER_USAGE,
				     _("--format xlsx: 'beter %s' shows no rows to put in a workbook; nothing was written"),
				     c->sub_path);
	if (c->out_path)
		cmd_note(c, _("wrote the workbook to %s"), c->out_path);
	return 0;
}

int cmd_options(struct ctx *c, struct optparse *p, void *base)
{
	const struct opt *tables[3] = { c->sub && c->sub->opts ? c->sub->opts : global_opts, global_opts, NULL };
	int r;

	while ((r = opt_next(p, tables, &c->err)) > 0) {
		if (p->opt->type != OPT_T_KEY) {
			if (base)
				opt_fill(p->opt, base, p->arg);
		} else if (cmd_global(c, p->opt->key, p->arg) < 0) {
			return BETER_USAGE;
		}
	}
	if (r < 0)
		c->err.status = BETER_USAGE;
	return r < 0 ? BETER_USAGE : 0;
}

int cmd_parse(struct ctx *c, struct optparse *p, void *base, int min, int max, const char *what)
{
	int rc = cmd_options(c, p, base);
	if (!rc && base)
		opt_claim(p, base, max);
	return rc ? rc : cmd_args(c, p, min, max, what);
}

int cmd_usage(struct ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	beter_err_vset(&c->err, BETER_USAGE, fmt, ap);
	va_end(ap);
	return BETER_USAGE;
}

int cmd_args(struct ctx *c, struct optparse *p, int min, int max, const char *what)
{
	const char *whole = p->nargs < min ? cmd_missing_format(what) : NULL;

	if (whole)
		return cmd_usage(c, whole, cmd_usage_line(c));
	if (p->nargs < min)
		return cmd_usage(c, _("missing %s (usage: %s)"), *what ? _(what) : what, cmd_usage_line(c));
	if (max >= 0 && p->nargs > max)
		return cmd_usage(c, _("unexpected argument '%s' (quote text with spaces: \"...\")"), p->args[max]);
	return 0;
}

const char *cmd_usage_line(struct ctx *c)
{
	static char buf[512];
	const char *path = c->sub_path ? c->sub_path : "";
	const char *last = strrchr(path, ' ');
	int plen = c->sub && c->sub->name[0] && last ? (int)(last - path) : (int)strlen(path);
	const char *u = c->sub && c->sub->usage ? c->sub->usage : "";
	const char *nl = strchr(u, '\n');

	int ulen = nl ? (int)(nl - u) : (int)strlen(u);
	snprintf(buf, sizeof(buf), "beter %.*s%s%.*s", plen, path, ulen ? " " : "", ulen, u);
	return buf;
}

int cmd_store(struct ctx *c)
{
	if (c->db)
		return 0;
	if (!c->db_path)
		c->db_path = store_default_path(c->db_opt);
	return store_open(c->db_path, 0, &c->db, &c->err);
}

int cmd_school(struct ctx *c, const char *which, int64_t *id)
{
	int rc = cmd_store(c);
	if (rc)
		return rc;
	return school_resolve(c->db, which, id, &c->err);
}

void cmd_note(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	if (c->quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cmd_int(struct ctx *c, const char *opt, const char *s, int64_t min, int64_t max, int64_t *out)
{
	int64_t v;
	if (parse_int64(s, &v) != 0)
		return beter_err_set(&c->err, BETER_DATAERR, _("%s: '%s' is not a whole number"), opt, s ? s : "");
	if (v < min || v > max)
		return beter_err_set(&c->err, BETER_DATAERR, _("%s: %lld is outside %lld-%lld"), opt, (long long)v,
				     (long long)min, (long long)max);
	*out = v;
	return 0;
}

int cmd_real(struct ctx *c, const char *opt, const char *s, double min, double max, double *out)
{
	double v;
	if (parse_double(s, &v) != 0)
		return beter_err_set(&c->err, BETER_DATAERR, _("%s: '%s' is not a number"), opt, s ? s : "");
	if (v < min || v > max)
		return beter_err_set(&c->err, BETER_DATAERR, _("%s: %g is outside %g-%g"), opt, v, min, max);
	*out = v;
	return 0;
}

int cmd_number(struct ctx *c, const char *what, const char *s, int64_t *out)
{
	int64_t v;
	if (s && *s == '#')
		s++;
	if (parse_int64(s, &v) != 0 || v <= 0)
		return beter_err_set(&c->err, BETER_USAGE, _("%s: '%s' is not a record number"), what, s ? s : "");
	*out = v;
	return 0;
}
