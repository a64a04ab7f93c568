/* beter report: a progress report for a team or the school, for cron. */
#include <stdio.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/phase.h"
#include "beter/report.h"
#include "beter/team.h"
#include "cmd.h"

struct ropts {
	const char *team, *school, *from, *to, *week, *format, *out, *now, *period;
	int schoolwide;
};
#define OPT_STRUCT struct ropts

static const struct opt report_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("a report for this team")),
	OPT_OPTARG("school", school, schoolwide, "[SCHOOL]",
		   N_("a report for the whole school (default; --school NAME picks a school when the store holds "
		      "several)")),
	OPT_STRING("from", from, "DATE", N_("the period's first day (default: the start of the school year)")),
	OPT_STRING("to", to, "DATE", N_("the period's last day (default: today)")),
	OPT_STRING("week", week, "WEEK", N_("the period is this ISO week (2026-W47) or school year (2026-2027)")),
	OPT_STRING("period", period, "PERIOD",
		   N_("only this improvement period's section; without --from, --to or --week the report covers the "
		      "period's days")),
	OPT_STRING("format", format, "FMT", N_("html (default; one self-contained file), md (Markdown) or json")),
	OPT_STRING_SHORT('o', "out", out, "FILE",
		   N_("write to FILE (atomically: a temporary file, then a rename) instead of stdout")),
	OPT_STRING("now", now, "TIME",
		   N_("the report's time stamp and today: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS]Z or @SECONDS "
		      "(default $SOURCE_DATE_EPOCH, else the clock)")),
	OPT_END
};

/* --period P: only that period's section; without --from, --to or --week
 * the report covers its days (a running period up to today). */
static int period_range(struct ctx *c, const struct ropts *o, struct report_opts *ro, int today)
{
	int from, to, rc;

	if ((rc = cmd_number(c, "--period", o->period, &ro->period)) ||
	    (rc = report_period_days(c->db, ro->school, ro->period, &from, &to, &c->err)))
		return rc;
	if (!o->week && !o->from && !o->to) {
		ro->from = from;
		ro->to = from <= today && to > today ? today : to;
	} else if (from > ro->to || to < ro->from) {
		char pf[11], pt[11], f[11], t[11];
		date_format(from, pf);
		date_format(to, pt);
		date_format(ro->from, f);
		date_format(ro->to, t);
		return beter_err_set(&c->err, BETER_DATAERR,
				     _("--period: period %lld (%s to %s) lies outside the report's days (%s to %s)"),
				     (long long)ro->period, pf, pt, f, t);
	}
	return 0;
}

static int run_report(struct ctx *c, struct optparse *p)
{
	struct ropts o = { 0 };
	struct report_opts ro = { 0 };
	struct report r;
	struct strbuf sb = STRBUF_INIT;
	int rc, fmt;

	if ((rc = cmd_parse(c, p, &o, 0, 0, _("nothing"))))
		return rc;
	if (o.team && o.schoolwide)
		return cmd_usage(c, _("give --team TEAM or --school, not both"));
	if (o.week && (o.from || o.to))
		return cmd_usage(c, _("give --week or --from/--to, not both"));
	/* the global --format html|md|json, or the report's own spelling after it */
	if (!o.format && c->fmt_given && c->fmt != OUT_JSON && c->fmt != OUT_HTML && c->fmt != OUT_MD)
		return cmd_usage(c, _("a report is html, md or json: give --format html|md|json (not --csv, --tsv or --table)"));
	fmt = o.format ? report_format_parse(o.format)
		       : c->fmt == OUT_JSON ? REPORT_JSON : c->fmt == OUT_MD ? REPORT_MD : REPORT_HTML;
	if (!o.out)
		o.out = c->out_path;
	if (fmt < 0)
		return cmd_usage(c, _("--format: unknown report format '%s' (use html, md or json)"), o.format);
	/* the interface's language: --lang (before or after the command, the
	 * last one wins), else $BETER_LANG, else the locale (cmd/main.c); JSON
	 * is for machines and the same in every language: English */
	ro.lang = fmt == REPORT_JSON ? REPORT_EN : (enum report_lang)report_lang_parse(i18n_lang());
	if (o.out && !*o.out)
		return cmd_usage(c, _("--out needs a file name"));
	ro.now = report_now_default();
	if (o.now && (rc = report_now_parse(o.now, &ro.now, &c->err)))
		return rc;
	int today = (int)(ro.now / 86400);
	ro.to = today;
	ro.from = date_from_ymd(date_school_year(today), 8, 1);
	if (o.week && (rc = date_period_parse(o.week, &ro.from, &ro.to, "--week", &c->err)))
		return rc;
	if ((o.from && (rc = date_parse(o.from, &ro.from, "--from", &c->err))) ||
	    (o.to && (rc = date_parse(o.to, &ro.to, "--to", &c->err))))
		return rc;
	/* a period that runs on past today counts up to today: nothing in the
	 * future is missed or overdue yet */
	if (ro.from <= today && ro.to > today)
		ro.to = today;
	if (ro.from > ro.to) {
		char f[11], t[11];
		date_format(ro.from, f);
		date_format(ro.to, t);
		return beter_err_set(&c->err, BETER_DATAERR, _("--from: %s is after the period's end %s"), f, t);
	}
	if ((rc = cmd_school(c, o.school, &ro.school)) || (o.period && (rc = period_range(c, &o, &ro, today))))
		return rc;
	ro.team = PHASE_SCHOOL;
	if (o.team && (rc = team_find(c->db, ro.school, o.team, &ro.team, &c->err)))
		return rc;
	if ((rc = report_build(c->db, &ro, &r, &c->err)))
		return rc;
	report_render(&r, (enum report_format)fmt, &sb);
	report_release(&r);
	if (o.out) {
		rc = report_write_file(o.out, sb.buf, sb.len, &c->err);
		if (!rc)
			cmd_note(c, _("wrote the report to %s"), o.out);
	} else {
		fwrite(sb.buf, 1, sb.len, c->out.fp);
	}
	strbuf_release(&sb);
	return rc;
}

static const struct subcmd report_subs[] = {
	{ "", "[--team TEAM | --school] [--from DATE --to DATE | --week WEEK] [--period PERIOD] [--format html|md|json] [--out FILE] "
	      "[--lang nl|en] [--now TIME]",
	  N_("a progress report"), report_opts, run_report, SUB_HTML, NULL },
	{ 0 }
};

const struct command_def def_report = {
	.description =
		N_("A progress report for a team (--team) or the whole school over a period (default: the school year "
		"up to today): the phase of each trajectory with its checklist and retrospectives and the three "
		"conditions (ambition, rhythm, retrospective); goals against their norm and 0-meting (a line chart "
		"per goal); actions open, overdue and done; successes and 'zo werken wij' standards; lesson visit "
		"coverage and feedback due; arena outcomes; survey scales wave against wave (a bar chart), never "
		"below the anonymity threshold (suppressed values are null in json and 'too few' elsewhere); and a "
		"section per improvement period that overlaps the report's days (or only --period's): its theme, "
		"dates and TIV, the datamuur (a bar chart per indicator in html, the groups side by side against "
		"the norm and the previous value; a value of a group smaller than the school's minimum is never "
		"shown) with the insights from research, the arenas, goals and lesson designs of its dates, the "
		"visits, the retrospectives per team and what the verbindingssessie recorded. A "
		"section without data says so. Goals: the team goals active at the period's end or closed in it, "
		"with results up to its end. Actions: open at the period's end, overdue when due before it. Visits: "
		"teachers of the scope's teacher teams with a visit in the period that took place (recorded, or held as "
		"the board session said; never a ranking), and visits whose feedback talk is more than 7 days late at "
		"the period's end, and planned visits missed (their day passed without a record, or a board session "
		"said so, as in 'beter visit coverage'). Surveys: per instrument "
		"(and per team for a team's own surveys) the last wave in the period against the one before; a "
		"team report counts that team's respondents. The 360-degree feedback for the school leader is never "
		"in the report (its results are sealed for the school leader: 'beter survey report N'); the section "
		"says when one was left out. Rhythm: see 'beter help phase'. A period that runs on past today (a "
		"school year, this week) ends today: nothing after today counts as missed or overdue.\n\n"
		"The format is the global --format (beter --format md report) or the report's own --format after "
		"the command; --out FILE likewise. --format html writes one self-contained file (inline CSS and SVG charts with titles and text "
		"alternatives; no scripts, no external resources) that reads on a phone and prints on A4; md is "
		"Markdown for mail and wikis; json carries the same figures for other tools: {\"title\", \"lang\", "
		"\"school\", \"team\", \"from\", \"to\", \"generated\", \"sections\": [{\"key\", \"title\", "
		"\"has_data\", \"note\", \"figures\": {KEY: VALUE}, \"charts\": [{\"key\", \"kind\", \"title\", \"labels\", "
		"\"values\", ...}], \"tables\": [{\"key\", \"title\", \"rows\": [{COLUMN: VALUE}]}]}]}; shares are "
		"numbers from 0 to 1 with two decimals and other numbers have the decimals the report shows, unknown values null. html and md are in the language chosen (--lang, before or after the command, else $BETER_LANG, else the locale), "
		"with decimal commas in Dutch; json is the same bytes in every language: its titles, notes and values are English "
		"(\"lang\": \"en\").\n\n"
		"For cron: --out writes the report beside FILE and renames it over FILE, so a reader never sees half "
		"a report. It is written as a file without a name (O_TMPFILE), so a process killed while writing "
		"leaves nothing behind; only when it is whole and synced is it named .ht-beter-XXXXXX beside FILE for the rename, "
		"readable by its owner only until it is FILE (then mode 0644 less the umask). If beter dies in that "
		"moment, the file left has a name a web server does not serve: Apache refuses names that begin with "
		"'.ht' in its stock configuration, servers set to refuse dot files refuse it, and no extension (not even "
		"FILE's) maps it to a type; a web server that runs as another user cannot read it. Where the file system has no "
		"O_TMPFILE the named file is written directly (mode 0600) and removed on every error. The same data and the same --now (or $SOURCE_DATE_EPOCH) give byte-identical output; with "
		"--quiet nothing is printed on success."),
	.subs = report_subs,
	.examples = N_("beter report --format html --out /var/www/intranet/voortgang.html --quiet\n"
		    "beter report --team \"Team Bovenbouw\" --week 2026-W47 --format md\n"
		    "beter report --school \"IKC De Vlinderboom\" --format md\n"
		    "beter report --format json --lang en --now 2026-11-20"),
};
