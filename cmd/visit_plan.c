/* beter visit plan, coverage, scores, points and framework: the rounds of
 * visits, what they cover and score, development points, frameworks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/devpoint.h"
#include "beter/framework.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/team.h"
#include "visit_cmd.h"

const struct opt visit_cmd_plan_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("the team to pair (required)")),
	OPT_STRING("round", round, "NAME", N_("the round's name (required)")),
	OPT_STRING("from", from, "DATE",
		   N_("first day of the team's visits, today or later (default: today, or the round's)")),
	OPT_STRING("to", to, "DATE", N_("last day of the team's visits (default: four weeks on, or the round's end)")),
	OPT_STRING("framework", framework, "KEY", N_("the framework the visits score on")),
	OPT_STRING("mode", mode, "MODE",
		   N_("duo (default: pairs visit each other, an odd team has one trio), rotation (each visits the "
		      "next) or observer (--observer visits every member)")),
	OPT_STRING("observer", observer, "CODE", N_("with --mode observer: who visits, e.g. the school leader")),
	OPT_SCHOOL,
	OPT_END
};
const struct opt visit_cmd_coverage_opts[] = {
	OPT_STRING("round", round, "NAME", N_("the round: its teams' members and its visits")),
	OPT_STRING("from", from, "DATE", N_("visits on or after this day (without --round: every teacher team's members; "
		   "without --round, --from and --to: the current school year)")),
	OPT_STRING("to", to, "DATE", N_("visits on or before this day")),
	OPT_STRING("team", team, "TEAM", N_("only this team's members")),
	OPT_STRING("require", require, "PERCENT", N_("exit 1 when fewer than this percentage of teachers were visited")),
	OPT_SCHOOL,
	OPT_END
};
const struct opt visit_cmd_scores_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("visits in this team (default: the whole school)")),
	OPT_STRING("round", round, "NAME", N_("visits of this whole round")),
	OPT_STRING("year", year, "YEAR",
		   N_("visits of this whole school year: 2026 or 2026-2027 (default: the current one)")),
	/* refused with the reason (see visit_cmd_scores); no help line */
	OPT_STRING("from", from, "DATE", NULL),
	OPT_STRING("to", to, "DATE", NULL),
	OPT_STRING("teacher", teacher, "CODE", NULL),
	OPT_STRING("observer", observer, "CODE", NULL),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt points_opts[] = {
	OPT_STRING("teacher", teacher, "CODE", N_("whose points (required)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt close_opts[] = {
	OPT_STRING("date", date, "DATE", N_("the day it was reached (default today)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt import_opts[] = {
	OPT_STRING("key", key, "KEY", N_("the framework's key (default: from the JSON, else the file name)")),
	OPT_STRING("title", title, "TITLE", N_("its title (CSV: default the key)")),
	OPT_STRING("scale", scale, "MIN-MAX", N_("CSV: the scale, default 1-4")),
	OPT_STRING("labels", labels, "A|B|..", N_("CSV: a label per scale value, split by '|'")),
	OPT_STRING("sheet", sheet, "NAME", N_("the sheet of an .xlsx workbook to read (default: the first)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

int visit_cmd_plan(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct visit_plan_opts po;
	struct visit_filter f;
	int64_t school;
	int rc, n, repeats, a;

	memset(&po, 0, sizeof(po));
	if ((rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)))
		goto out;
	if (!o.team || !o.round) {
		rc = cmd_usage(c, _("a plan needs --team and --round (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((o.from != NULL) != (o.to != NULL)) {
		rc = cmd_usage(c, _("give both --from and --to, or neither"));
		goto out;
	}
	po.from = 1;
	po.to = 0;
	po.today = date_today();
	if ((rc = team_find(c->db, school, o.team, &po.team, &c->err)) ||
	    (o.from && (rc = date_period_parse(o.from, &po.from, &a, "--from", &c->err))) ||
	    (o.to && (rc = date_period_parse(o.to, &a, &po.to, "--to", &c->err))))
		goto out;
	if (o.from && po.from > po.to) {
		rc = beter_err_set(&c->err, BETER_DATAERR, _("--to: %s is before --from %s"), o.to, o.from);
		goto out;
	}
	po.round = o.round;
	po.framework = o.framework;
	if ((po.mode = visit_plan_mode_parse(o.mode)) < 0) {
		rc = cmd_usage(c, _("--mode: unknown mode '%s' (use duo, rotation or observer)"), o.mode);
		goto out;
	}
	if ((po.mode == VISIT_PLAN_OBSERVER) != (o.observer != NULL)) {
		rc = cmd_usage(c, "%s", _("--mode observer needs --observer CODE, and --observer needs --mode observer"));
		goto out;
	}
	if (o.observer && (rc = vopts_person(c, school, "--observer", o.observer, &po.observer)))
		goto out;
	if ((rc = visit_plan(c->db, school, &po, &n, &repeats, &c->err)))
		goto out;
	char tname[256];
	team_name(c->db, po.team, tname, sizeof(tname));
	if (repeats || po.mode == VISIT_PLAN_OBSERVER)
		cmd_note(c, P_("planned %d visit for '%s' in the round '%s'", "planned %d visits for '%s' in the round '%s'",
			       n), n, tname, o.round);
	else
		cmd_note(c, P_("planned %d visit for '%s' in the round '%s'; no pair repeats the previous round",
			       "planned %d visits for '%s' in the round '%s'; no pair repeats the previous round", n),
			 n, tname, o.round);
	if (repeats)
		cmd_note(c, P_("%d pair repeats the previous round: the team is too small to avoid it",
			       "%d pairs repeat the previous round: the team is too small to avoid it", repeats), repeats);
	if (c->quiet || c->dry_run)
		goto out;
	visit_filter_init(&f);
	f.team = po.team;
	f.round = o.round;
	rc = visit_list(c->db, school, &f, &c->out, &c->err);
out:
	vopts_release(&o);
	return rc;
}

int visit_cmd_coverage(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct visit_filter f;
	struct visit_coverage cov;
	int64_t school;
	double need = -1;
	int rc;

	if ((rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)))
		goto out;
	if ((o.require && (rc = cmd_real(c, "--require", o.require, 0, 100, &need))) ||
	    (rc = vopts_filter(c, school, &o, &f)) || (rc = visit_coverage(c->db, school, &f, &c->out, &cov, &c->err)))
		goto out;
	double pct = cov.teachers ? 100.0 * cov.visited / cov.teachers : 0;
	if (!o.round && !o.from && !o.to) {
		char a[11], b[11];
		date_format(cov.from, a);
		date_format(cov.to, b);
		cmd_note(c, _("the visits of this school year, %s to %s (give --round or --from/--to for others)"), a, b);
	}
	cmd_note(c, _("coverage: %d of %d teachers visited (%.0f%%), feedback talk held with %d"), cov.visited,
		 cov.teachers, pct, cov.feedback);
	if (cov.missed)
		cmd_note(c, P_("%d planned visit was missed: the day passed without a record, or a board session said so "
			       "(see 'beter visit list --status missed')", "%d planned visits were missed: the day passed "
			       "without a record, or a board session said so (see 'beter visit list --status missed')",
			       cov.missed), cov.missed);
	if (need >= 0 && pct < need) {
		c->keep_output = 1; /* a verdict on the table, which is the result */
		rc = beter_err_set(&c->err, BETER_FAIL, _("coverage %.0f%% is below the required %g%%"), pct, need);
	}
out:
	vopts_release(&o);
	return rc;
}

/* --year 2026 or 2026-2027: the school year starting 1 August 2026 */
static int parse_year(struct ctx *c, const char *s, int *year)
{
	int a, b, n = -1;
	if (sscanf(s, "%4d%n", &a, &n) == 1 && n == 4 && !s[4] && a >= 1900)
		b = a + 1;
	else if (sscanf(s, "%4d-%4d%n", &a, &b, &n) != 2 || n != 9 || s[9] || a < 1900)
		b = 0;
	if (b != a + 1)
		return beter_err_set(&c->err, BETER_DATAERR, _("--year: '%s' is not a school year; give its first year "
				     "(2026) or both (2026-2027)"), s);
	*year = a;
	return 0;
}

int visit_cmd_scores(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct visit_scores_sel sel;
	int64_t school;
	int rc;

	memset(&sel, 0, sizeof(sel));
	if ((rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)))
		goto out;
	if (o.from || o.to) {
		rc = cmd_usage(c, _("scores are given for a whole round or school year only, so that two overlapping "
			       "periods cannot be subtracted to give a few teachers' scores; use --round NAME or --year YEAR"));
		goto out;
	}
	if (o.teacher || o.observer) {
		rc = cmd_usage(c, _("scores are never given per teacher or observer (they would show a teacher's scores); "
			       "use --team TEAM or the whole school, and 'beter visit show N' for one visit"));
		goto out;
	}
	if (o.round && o.year) {
		rc = cmd_usage(c, _("--round and --year: a round belongs to the school year it starts in; give one of them"));
		goto out;
	}
	if ((o.team && (rc = team_find(c->db, school, o.team, &sel.team, &c->err))) ||
	    (o.year && (rc = parse_year(c, o.year, &sel.year))))
		goto out;
	sel.round = o.round;
	if (!o.round && !o.year) {
		sel.year = date_school_year(date_today());
		cmd_note(c, _("the visits of this school year, %d-%d (give --round or --year for others)"), sel.year,
			 sel.year + 1);
	}
	rc = visit_scores(c->db, school, &sel, &c->out, &c->err);
out:
	vopts_release(&o);
	return rc;
}

static int run_points(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school, person;
	int rc;

	if ((rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)))
		goto out;
	if (!o.teacher) {
		rc = cmd_usage(c, _("whose points? give --teacher CODE"));
		goto out;
	}
	if (!(rc = vopts_person(c, school, "--teacher", o.teacher, &person)))
		rc = devpoint_list(c->db, person, &c->out, &c->err);
out:
	vopts_release(&o);
	return rc;
}

static int run_point_close(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school, id;
	int rc, day = date_today();

	if ((rc = vopts_parse(c, p, &o, 1, 1, "the point's number", &school)) ||
	    (rc = cmd_number(c, _("point"), p->args[0], &id)) ||
	    (o.date && (rc = date_parse(o.date, &day, "--date", &c->err))))
		goto out;
	/* only points of this school's people */
	{
		struct store_stmt *st;
		if (!(rc = store_prepare(c->db, "SELECT 1 FROM goal g WHERE g.id = ?1 AND g.school_id = ?2 "
					     "AND g.person_id IS NOT NULL", &st, &c->err))) {
			store_bind_int(st, 1, id);
			store_bind_int(st, 2, school);
			int found = store_next(c->db, st, &rc, N_("reading development points"), &c->err);
			store_finalize(st);
			if (!rc && !found)
				rc = beter_err_set(&c->err, BETER_FAIL, _("no development point with number %lld (see 'beter "
						   "visit points --teacher CODE')"), (long long)id);
		}
	}
	if (!rc && !(rc = devpoint_close(c->db, id, day, &c->err)))
		cmd_note(c, _("closed development point %lld"), (long long)id);
out:
	vopts_release(&o);
	return rc;
}

static int run_fw_list(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school;
	int rc;

	if (!(rc = vopts_parse(c, p, &o, 0, 0, "nothing", &school)))
		rc = framework_list(c->db, school, &c->out, &c->err);
	vopts_release(&o);
	return rc;
}

static int run_fw_show(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	int64_t school;
	int rc;

	if (!(rc = vopts_parse(c, p, &o, 1, 1, "the framework's key", &school)))
		rc = framework_show(c->db, school, p->args[0], &c->out, &c->err);
	vopts_release(&o);
	return rc;
}

static int run_fw_import(struct ctx *c, struct optparse *p)
{
	struct vopts o;
	struct framework_import fi;
	int64_t school, id;
	int rc, replaced;

	memset(&fi, 0, sizeof(fi));
	if ((rc = vopts_parse(c, p, &o, 1, 1, "the file (JSON or CSV; - for stdin)", &school)))
		goto out;
	fi.key = o.key;
	fi.title = o.title;
	fi.labels = o.labels;
	if (o.scale) {
		int64_t mn, mx;
		const char *dash = strchr(o.scale, '-');
		char *lo = dash ? xstrndup(o.scale, (size_t)(dash - o.scale)) : NULL;
		if (!dash || parse_int64(lo, &mn) || parse_int64(dash + 1, &mx) || mn < 0 || mx > 100 || mn >= mx)
			rc = beter_err_set(&c->err, BETER_DATAERR, _("--scale: '%s' is not MIN-MAX with 0 <= MIN < MAX <= 100 "
					   "(e.g. 1-4)"), o.scale);
		free(lo);
		if (rc)
			goto out;
		fi.min = (int)mn;
		fi.max = (int)mx;
	}
	struct strbuf notes = STRBUF_INIT;
	fi.sheet = o.sheet;
	fi.notes = &notes;
	rc = framework_import(c->db, school, p->args[0], &fi, &id, &replaced, &c->err);
	if (notes.len)
		cmd_note(c, "%.*s", (int)notes.len - 1, notes.buf);
	strbuf_release(&notes);
	if (rc)
		goto out;
	{
		struct framework fw;
		if (!(rc = framework_load(c->db, id, &fw, &c->err))) {
			struct strbuf counts = STRBUF_INIT;
			strbuf_addf(&counts, P_("%zu domain", "%zu domains", fw.ndomains), fw.ndomains);
			strbuf_adds(&counts, ", ");
			strbuf_addf(&counts, P_("%zu item", "%zu items", fw.nitems), fw.nitems);
			if (c->dry_run)
				cmd_note(c, replaced ? _("replaced the framework '%s': %s, scale %d-%d (dry run)")
						     : _("imported the framework '%s': %s, scale %d-%d (dry run)"),
					 fw.key, strbuf_str(&counts), fw.min, fw.max);
			else
				cmd_note(c, replaced ? _("replaced the framework '%s': %s, scale %d-%d")
						     : _("imported the framework '%s': %s, scale %d-%d"),
					 fw.key, strbuf_str(&counts), fw.min, fw.max);
			strbuf_release(&counts);
			if (!c->quiet)
				rc = framework_show(c->db, school, fw.key, &c->out, &c->err);
			framework_release(&fw);
		}
	}
out:
	vopts_release(&o);
	return rc;
}

const struct subcmd visit_cmd_points_subs[] = {
	{ "list", "list --teacher CODE", N_("a teacher's development points, open and closed, and the visits that "
					    "focused on them"), points_opts, run_points, SUB_DEFAULT, NULL },
	{ "close", "close N [--date DATE]", N_("mark a development point as reached"), close_opts, run_point_close,
	  SUB_WRITES, NULL },
	{ 0 }
};

const struct subcmd visit_cmd_framework_subs[] = {
	{ "list", "list", N_("the frameworks: shipped with beter and the school's own"), school_opts, run_fw_list,
	  SUB_DEFAULT, NULL },
	{ "show", "show KEY", N_("a framework's scale and items"), school_opts, run_fw_show, 0, NULL },
	{ "import", "import FILE.json|FILE.csv|FILE.xlsx [--sheet NAME] [--key KEY] [--title TITLE] [--scale MIN-MAX] "
		    "[--labels A|B|..]",
	  N_("import (or replace) the school's own framework"), import_opts, run_fw_import, SUB_WRITES, NULL },
	{ 0 }
};

