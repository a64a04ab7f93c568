/* beter design: gezamenlijk lesontwerp (GL), a team's lesson designs for
 * its goals, their steps and feedback questions, copies as new versions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/design.h"
#include "beter/goal.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "beter/period.h"
#include "beter/share.h"
#include "beter/store.h"
#include "beter/team.h"
#include "cmd.h"
#include "visit_edit.h"

struct dopts {
	const char *school, *team, *goal, *authors, *author, *group, *subject, *doel, *zichtbaar, *activiteiten;
	const char *check, *als_dan, *input, *textfrom, *min, *wat, *hoe, *effect, *period;
	int edit;
	struct opt_list dates;
};
#define OPT_STRUCT struct dopts
#define OPT_SCHOOL \
	OPT_STRING("school", school, "SCHOOL", N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt add_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("the team whose design it is (required)")),
	OPT_STRING("goal", goal, "N", N_("the team's goal the lesson serves (see 'beter goal list')")),
	OPT_STRING("authors", authors, "CODE,...", N_("who designed it: members of the team, e.g. a duo (required)")),
	OPT_STRING("group", group, "GROUP", N_("the class or group the lesson is for, e.g. \"groep 7\"")),
	OPT_STRING("subject", subject, "TEXT", N_("the subject or lesson")),
	OPT_LIST("date", dates, "DATE", N_("a day the lesson is given (repeatable)")),
	OPT_STRING("period", period, "PERIOD",
		   N_("the improvement period it belongs to (default: the period that holds its first day)")),
	OPT_STRING("doel", doel, "TEXT", N_("doel: what pupils should know and be able to do")),
	OPT_STRING("zichtbaar", zichtbaar, "TEXT",
		   N_("how the goal is made visible, so that every pupil understands what they will learn")),
	OPT_STRING("activiteiten", activiteiten, "TEXT",
		   N_("activiteiten: the discussions, tasks, activities and materials so that all pupils reach the goal")),
	OPT_STRING("check", check, "TEXT", N_("check: how the teacher checks whether pupils reached the goal")),
	OPT_STRING("als-dan", als_dan, "TEXT",
		   N_("als-dan: if the check shows the goal is (already / not yet) mastered, then ...")),
	OPT_FLAG("edit", edit, N_("write it in $VISUAL/$EDITOR on a template with the prompts of the bouwstenen and the "
				  "lesontwerpformulier")),
	OPT_STRING("from", input, "FILE", N_("read it as JSON from FILE ('-': stdin), for scripts without a terminal")),
	OPT_STRING("text-from", textfrom, "FILE",
		   N_("read it from FILE ('-': stdin) in the editor's text format, e.g. the text --edit kept after an error")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt step_opts[] = {
	OPT_STRING("min", min, "MINUTES", N_("tijd: how many minutes the step takes")),
	OPT_STRING("wat", wat, "TEXT", N_("lesactiviteit: what happens (required)")),
	OPT_STRING("hoe", hoe, "TEXT", N_("aanpak: how the teacher goes about it")),
	OPT_STRING("effect", effect, "TEXT", N_("gewenst effect: what pupils do or show (required)")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt list_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("only designs of this team")),
	OPT_STRING("period", period, "PERIOD", N_("only designs of this period (given with --period, else the one that holds their first day)")),
	OPT_STRING("goal", goal, "N", N_("only designs for this goal")),
	OPT_STRING("author", author, "CODE", N_("only designs with this author")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt copy_opts[] = {
	OPT_STRING("group", group, "GROUP", N_("the group the new version is for (default: the same)")),
	OPT_LIST("date", dates, "DATE", N_("a day the new version is given (repeatable; default: the same days)")),
	OPT_STRING("period", period, "PERIOD",
		   N_("the period it belongs to (default: the design's --period while its first day stays, else the "
		      "period that holds its first day)")),
	OPT_STRING("subject", subject, "TEXT", N_("the subject (default: the same)")),
	OPT_STRING("doel", doel, "TEXT", N_("a new doel (default: the same)")),
	OPT_STRING("zichtbaar", zichtbaar, "TEXT", N_("how the goal is made visible (default: the same)")),
	OPT_STRING("activiteiten", activiteiten, "TEXT", N_("new activiteiten (default: the same)")),
	OPT_STRING("check", check, "TEXT", N_("a new check (default: the same)")),
	OPT_STRING("als-dan", als_dan, "TEXT", N_("a new als-dan (default: the same)")),
	OPT_FLAG("edit", edit, N_("change the new version in $VISUAL/$EDITOR first, on the template filled with the "
				  "design (and the options given)")),
	OPT_STRING("from", input, "FILE", N_("the new version as JSON from FILE ('-': stdin), instead of a copy")),
	OPT_STRING("text-from", textfrom, "FILE",
		   N_("the new version from FILE ('-': stdin) in the editor's text format, e.g. the text --edit kept")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

static int dparse(struct ctx *c, struct optparse *p, struct dopts *o, int min, int max, const char *what,
		  int64_t *school)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	return cmd_school(c, o->school, school);
}

/* N, a design of the school */
static int design_arg(struct ctx *c, const char *s, int64_t school, int64_t *id)
{
	int rc;
	if ((rc = cmd_number(c, "design", s, id)))
		return rc;
	return design_find(c->db, school, *id, &c->err);
}

static int show(struct ctx *c, int64_t id)
{
	return c->quiet ? 0 : design_show(c->db, id, &c->out, &c->err);
}

/* --goal N: a number (anything else is bad input, exit 65) */
static int goal_arg(struct ctx *c, const char *s, int64_t school, int64_t *goal)
{
	struct goal_info g;
	const char *t = s && *s == '#' ? s + 1 : s;

	if (parse_int64(t, goal) != 0 || *goal <= 0)
		return beter_err_set(&c->err, BETER_DATAERR, _("--goal: '%s' is not a goal number (see 'beter goal list')"),
				     s);
	return goal_find(c->db, school, *goal, &g, &c->err);
}

/* --authors ODW,MKP: the people, in the order given */
static int authors_of(struct ctx *c, int64_t school, const char *list, int64_t **ids, size_t *n)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	*ids = NULL;
	*n = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		str_trim(tok);
		if (!*tok)
			continue;
		*ids = xrealloc(*ids, (*n + 1) * sizeof(**ids));
		if ((rc = person_find(c->db, school, tok, &(*ids)[*n], &c->err)) == BETER_FAIL)
			beter_err_prefix(&c->err, "--authors");
		(*n)++;
	}
	free(copy);
	return rc;
}

/* The fields given as options (also what fills the editor's template). */
static int in_from_options(struct ctx *c, const struct dopts *o, struct design_in *in)
{
	int rc = 0;

	memset(in, 0, sizeof(*in));
	if (!rc)
		rc = design_text(&in->group, o->group, "--group", 100, &c->err);
	if (!rc)
		rc = design_text(&in->subject, o->subject, "--subject", 200, &c->err);
	if (!rc)
		rc = design_text(&in->doel, o->doel, "--doel", 0, &c->err);
	if (!rc)
		rc = design_text(&in->zichtbaar, o->zichtbaar, "--zichtbaar", 0, &c->err);
	if (!rc)
		rc = design_text(&in->activiteiten, o->activiteiten, "--activiteiten", 0, &c->err);
	if (!rc)
		rc = design_text(&in->check, o->check, "--check", 0, &c->err);
	if (!rc)
		rc = design_text(&in->als_dan, o->als_dan, "--als-dan", 0, &c->err);
	for (int i = 0; i < o->dates.n && !rc; i++)
		rc = design_in_day(in, o->dates.v[i], "--date", &c->err);
	return rc;
}

/* What the design holds: from the options, --edit (a template filled with
 * them), --from or --text-from. *path: the editor's file, kept until obs_done. */
/* Lay the fields given as options over base (the design a copy is made of). */
static void overlay(struct design_in *base, struct design_in *opts)
{
	char **b[] = { &base->group, &base->subject, &base->doel, &base->zichtbaar, &base->activiteiten, &base->check,
		       &base->als_dan };
	char **f[] = { &opts->group, &opts->subject, &opts->doel, &opts->zichtbaar, &opts->activiteiten, &opts->check,
		       &opts->als_dan };

	for (size_t i = 0; i < sizeof(b) / sizeof(*b); i++)
		if (*f[i]) {
			free(*b[i]);
			*b[i] = *f[i];
			*f[i] = NULL;
		}
	if (opts->ndays) {
		free(base->days);
		base->days = opts->days;
		base->ndays = opts->ndays;
		opts->days = NULL;
		opts->ndays = 0;
	}
}

static int read_in(struct ctx *c, const struct dopts *o, const char *header, struct design_in *base,
		   struct design_in *in, char **path)
{
	struct design_in opts;
	int rc;

	*path = NULL;
	memset(in, 0, sizeof(*in));
	if (o->edit + !!o->input + !!o->textfrom > 1)
		return cmd_usage(c, _("give one of --edit, --from and --text-from"));
	if ((rc = in_from_options(c, o, &opts)))
		return rc;
	if (base) { /* a copy: what it is a copy of, with the options over it */
		int given = !!opts.group + !!opts.subject + !!opts.doel + !!opts.zichtbaar + !!opts.activiteiten +
			    !!opts.check + !!opts.als_dan + !!opts.ndays;
		overlay(base, &opts);
		design_in_release(&opts);
		opts = *base;
		memset(base, 0, sizeof(*base));
		if ((o->input || o->textfrom) && given) {
			design_in_release(&opts);
			return cmd_usage(c, _("the design's fields go in the file, not beside it"));
		}
	}
	if (!o->edit && !o->input && !o->textfrom) {
		*in = opts;
		return 0;
	}
	if (o->edit) {
		struct strbuf tmpl = STRBUF_INIT;
		char *text = NULL;
		design_template(header, &opts, &tmpl);
		if (!(rc = edit_text(c, strbuf_str(&tmpl), &text, path))) {
			const char *slash = strrchr(*path, '/');
			rc = design_in_parse_text(slash ? slash + 1 : *path, text, in, &c->err);
			if (rc == BETER_FAIL) { /* an empty text: nothing to keep */
				unlink(*path);
				free(*path);
				*path = NULL;
			}
		}
		free(text);
		strbuf_release(&tmpl);
	} else {
		const char *file = o->input ? o->input : o->textfrom;
		const char *name = strcmp(file, "-") ? file : "stdin";
		char *text = NULL;
		size_t len = 0;
		if (!base && (opts.group || opts.subject || opts.doel || opts.zichtbaar || opts.activiteiten || opts.check ||
			      opts.als_dan || opts.ndays))
			rc = cmd_usage(c, _("the design's fields go in the file, not beside it"));
		else if (!(rc = share_read_file(file, 1024 * 1024, &text, &len, &c->err)))
			rc = o->input ? design_in_parse_json(name, text, len, in, &c->err)
				      : design_in_parse_text(name, text, in, &c->err);
		free(text);
		if (!rc && o->textfrom && edit_kept_file(file))
			*path = xstrdup(file);
	}
	design_in_release(&opts);
	return rc;
}

static int tx_end(struct ctx *c, int rc)
{
	if (rc == 0 && !c->dry_run)
		return store_commit(c->db, &c->err);
	store_rollback(c->db);
	if (rc == 0)
		cmd_note(c, "%s", _("dry run: nothing was written"));
	return rc;
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	struct design_in in;
	struct design_new d;
	int64_t school, id = 0, *authors = NULL;
	size_t nauthors = 0;
	char header[300], *path = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	memset(&d, 0, sizeof(d));
	if ((rc = dparse(c, p, &o, 0, 0, "nothing", &school)))
		goto out;
	if (!o.team || !o.authors) {
		rc = cmd_usage(c, _("a design needs --team and --authors (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = team_find(c->db, school, o.team, &d.team, &c->err)) ||
	    (o.goal && (rc = goal_arg(c, o.goal, school, &d.goal))) ||
	    (o.period && (rc = cmd_number(c, "--period", o.period, &d.period))) ||
	    (rc = authors_of(c, school, o.authors, &authors, &nauthors)))
		goto out;
	snprintf(header, sizeof(header), "Lesontwerp van %s voor %s%s%s", o.authors, o.team, o.goal ? ", doel " : "",
		 o.goal ? o.goal : "");
	if ((rc = read_in(c, &o, header, NULL, &in, &path)))
		goto out;
	d.authors = authors;
	d.nauthors = nauthors;
	d.in = &in;
	if ((rc = store_begin(c->db, &c->err)))
		goto out;
	rc = design_add(c->db, school, &d, &id, &c->err);
	if ((rc = obs_done(c, &path, tx_end(c, rc))) || c->dry_run)
		goto out;
	cmd_note(c, _("added design %lld"), (long long)id);
	rc = show(c, id);
out:
	rc = obs_done(c, &path, rc);
	design_in_release(&in);
	free(authors);
	opt_list_release(&o.dates);
	return rc;
}

static int run_step_add(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	struct design_in in;
	int64_t school, id;
	int rc, pos = 0;

	memset(&in, 0, sizeof(in));
	if ((rc = dparse(c, p, &o, 1, 1, "the design's number", &school)) ||
	    (rc = design_arg(c, p->args[0], school, &id)))
		goto out;
	if (!o.wat || !o.effect) {
		rc = cmd_usage(c, _("a step needs --wat and --effect (usage: %s)"), cmd_usage_line(c));
		goto out;
	}
	if ((rc = design_in_step(&in, o.min, o.wat, o.hoe, o.effect, NULL, &c->err)) ||
	    (rc = design_step_add(c->db, id, &in.steps[0], &pos, &c->err)))
		goto out;
	cmd_note(c, _("added step %d to design %lld"), pos, (long long)id);
	if (!c->quiet)
		rc = design_step_list(c->db, id, &c->out, &c->err);
out:
	design_in_release(&in);
	opt_list_release(&o.dates);
	return rc;
}

static int run_step_list(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	int64_t school, id;
	int rc;

	if (!(rc = dparse(c, p, &o, 1, 1, "the design's number", &school)) &&
	    !(rc = design_arg(c, p->args[0], school, &id)))
		rc = design_step_list(c->db, id, &c->out, &c->err);
	opt_list_release(&o.dates);
	return rc;
}

static int run_question_add(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	struct design_in in;
	int64_t school, id;
	int rc, pos = 0;

	memset(&in, 0, sizeof(in));
	if (!(rc = dparse(c, p, &o, 2, 2, "the design's number and the question", &school)) &&
	    !(rc = design_arg(c, p->args[0], school, &id)) &&
	    !(rc = design_in_question(&in, p->args[1], "question", &c->err)) &&
	    !(rc = design_question_add(c->db, id, in.questions[0], &pos, &c->err))) {
		cmd_note(c, _("added question %d to design %lld"), pos, (long long)id);
		rc = show(c, id);
	}
	design_in_release(&in);
	opt_list_release(&o.dates);
	return rc;
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	struct design_filter f = { 0 };
	int64_t school;
	int rc;

	if (!(rc = dparse(c, p, &o, 0, 0, "nothing", &school)) &&
	    !(o.team && (rc = team_find(c->db, school, o.team, &f.team, &c->err))) &&
	    !(o.goal && (rc = goal_arg(c, o.goal, school, &f.goal))) &&
	    !(o.period && ((rc = cmd_number(c, "--period", o.period, &f.period)) ||
			   (rc = period_find(c->db, school, f.period, &c->err))))) {
		if (o.author && (rc = person_find(c->db, school, o.author, &f.author, &c->err)) == BETER_FAIL)
			beter_err_prefix(&c->err, "--author");
		if (!rc)
			rc = design_list(c->db, school, &f, &c->out, &c->err);
	}
	opt_list_release(&o.dates);
	return rc;
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	int64_t school, id;
	int rc;

	if (!(rc = dparse(c, p, &o, 1, 1, "the design's number", &school)) &&
	    !(rc = design_arg(c, p->args[0], school, &id)))
		rc = design_show(c->db, id, &c->out, &c->err);
	opt_list_release(&o.dates);
	return rc;
}

static int run_copy(struct ctx *c, struct optparse *p)
{
	struct dopts o;
	struct design_in in, base;
	int64_t school, id, copy = 0, period = 0;
	char header[100], *path = NULL;
	int rc;

	memset(&in, 0, sizeof(in));
	memset(&base, 0, sizeof(base));
	if ((rc = dparse(c, p, &o, 1, 1, "the design's number", &school)) ||
	    (rc = design_arg(c, p->args[0], school, &id)) || (rc = design_load(c->db, id, &base, &c->err)) ||
	    (o.period && (rc = cmd_number(c, "--period", o.period, &period))))
		goto out;
	snprintf(header, sizeof(header), "Nieuwe versie van lesontwerp %lld", (long long)id);
	if ((rc = read_in(c, &o, header, &base, &in, &path)) || (rc = store_begin(c->db, &c->err)))
		goto out;
	rc = design_copy_as(c->db, school, id, &in, period, &copy, &c->err);
	if ((rc = obs_done(c, &path, tx_end(c, rc))) || c->dry_run)
		goto out;
	cmd_note(c, _("copied design %lld to design %lld"), (long long)id, (long long)copy);
	rc = show(c, copy);
out:
	rc = obs_done(c, &path, rc);
	design_in_release(&in);
	design_in_release(&base);
	opt_list_release(&o.dates);
	return rc;
}

static const struct subcmd step_subs[] = {
	{ "add", "add N --wat TEXT --effect TEXT [--min MINUTES] [--hoe TEXT]",
	  N_("add a lesson step to the lesontwerpformulier: tijd, wat, hoe, gewenst effect"), step_opts, run_step_add,
	  SUB_WRITES, NULL },
	{ "list", "list N", N_("the design's steps in order"), school_opts, run_step_list, SUB_DEFAULT, NULL },
	{ 0 }
};
static const struct subcmd question_subs[] = {
	{ "add", "add N TEXT", N_("add a question the pupils are asked after the lesson"),
	  school_opts, run_question_add, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd design_subs[] = {
	{ "add",
	  "add --team TEAM --authors CODE,... [--goal N] [--group GROUP] [--subject TEXT] [--date DATE]... [--period PERIOD] "
	  "[--doel TEXT] [--zichtbaar TEXT] [--activiteiten TEXT] [--check TEXT] [--als-dan TEXT]\n"
	  "add --team TEAM --authors CODE,... [--goal N] --edit | --from FILE | --text-from FILE",
	  N_("add a lesson design: its authors, group, days and the four bouwstenen"), add_opts, run_add, 0, NULL },
	{ "step", NULL, N_("the lesson steps of the lesontwerpformulier"), NULL, NULL, 0, step_subs },
	{ "feedback-question", NULL, N_("the questions the pupils are asked after the lesson"), NULL, NULL, 0,
	  question_subs },
	{ "list", "list [--team TEAM] [--period PERIOD] [--goal N] [--author CODE]",
	  N_("list designs with their authors, group, days, steps and visits"), list_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show N",
	  N_("one design: the bouwstenen, the steps and how often visits saw their effect, the visits, the questions "
	     "and the pupils' feedback"),
	  school_opts, run_show, 0, NULL },
	{ "copy", "copy N [--group GROUP] [--date DATE]... [--period PERIOD] [--doel TEXT] [--check TEXT] ... [--edit]\n"
		  "copy N --from FILE | --text-from FILE",
	  N_("copy a design into a new version, for another group or after feedback"), copy_opts, run_copy, 0, NULL },
	{ 0 }
};

const struct command_def def_design = {
	.description = N_(
		"Gezamenlijk lesontwerp (GL): teachers of a team, usually in duos, prepare a lesson together and decide "
		"per lesson activity which effect on pupils they want; then they visit each other's lessons to see "
		"whether that effect is reached, and ask the pupils for feedback after the lesson. A design belongs to "
		"a team and usually serves one of its goals (--goal: a goal of that team); its authors are members of "
		"the team. It holds the group and subject it is for, the day(s) it is given (--date, repeatable) and "
		"the four bouwstenen: doel (and how it is made visible: --zichtbaar), activiteiten, check and als-dan.\n\n"
		"A design belongs to an improvement period ('beter period'): the one that holds its first day, or the one "
		"given with --period; 'design list --period P' lists the designs of a period and 'design show' names "
		"it (period, period_theme). A copy keeps the design's --period while its first day stays the same.\n\n"
		"The lesontwerpformulier: 'design step add N' appends a step (tijd in minutes, lesactiviteit --wat, "
		"aanpak --hoe, gewenst effect --effect); steps are numbered 1, 2, ... in the order added, and these "
		"numbers are what 'visit record --reached STEP=ja|deels|nee' names. 'design feedback-question add N "
		"TEXT' adds a question the pupils are asked after the lesson.\n\n"
		"--edit opens $VISUAL (else $EDITOR) on a template in Dutch with the sections groep:, vak:, datum:, "
		"doel:, zichtbaar:, activiteiten:, check:, als-dan:, stappen: (one step a line: TIJD | WAT | HOE | "
		"GEWENST EFFECT) and vragen: (one question a line), with the prompts of the bouwstenen and the "
		"lesontwerpformulier as '#' lines; '#' lines are dropped and an empty text aborts with nothing written "
		"(exit 1). --group, --subject, --date and the bouwstenen given beside --edit fill the template. A line "
		"that is only a word and a colon must be a section. When anything fails after the editor closed, the "
		"file is kept and its path shown; --text-from FILE reads that text again. Without a terminal, --from "
		"FILE ('-' for stdin) reads the same as JSON: {\"group\", \"subject\", \"dates\": [...], \"doel\", "
		"\"zichtbaar\", \"activiteiten\", \"check\", \"als_dan\", \"steps\": [{\"min\", \"wat\", \"hoe\", "
		"\"effect\"}], \"questions\": [...]}.\n\n"
		"Visits: 'visit add --design N' plans (or records) a visit to a lesson given from the design, to one of "
		"its authors or another member of its team; 'visit record V --reached STEP=ja|deels|nee[:WHAT WAS "
		"SEEN]' (repeatable) records per step whether the gewenst effect was seen. 'design show' gives per "
		"step the visits that observed it, how often the effect was reached (ja, deels, nee) and the share "
		"reached (ja of all observations).\n\n"
		"Pupils' feedback: 'survey add --instrument lesfeedback-leerlingen --wave W --design N' ties a wave "
		"to the design (a survey of the design's team). 'design show' gives its scale means as 'survey report' "
		"does, under the same suppression decision: a mean the survey's report hides is null here and "
		"suppressed is true.\n\n"
		"'design copy N' makes a new version (for another --group, on other --date days, or to improve after "
		"feedback) with the same team, goal, authors, bouwstenen, steps and questions; options such as --doel "
		"or --check change them in the new version, --edit opens the template filled with the design to "
		"change anything (steps and questions too), and --from or --text-from give the new version whole. "
		"The new version names the one it was copied from (copy_of), and 'design show' lists the copies made "
		"of a design, so the history of versions is kept.\n\n"
		"Elsewhere: the team's board ('beter board show') shows its designs in the section lesontwerpen "
		"(who, for which group, for which goal: designs given from four weeks before the week on, or without a "
		"day yet); the progress report ('beter report') has a section on gezamenlijk lesontwerp per goal "
		"(designs, observed steps, the share in which the effect was reached); 'beter phase conditions' counts "
		"the weeks with a lesson from a design (design_rhythm).\n\n"
		"Bad input (a step that is not there, an author who is not in the team, a goal of another team, a "
		"bad date) exits 65 naming the option or FILE:LINE: field, and nothing is written; an unknown team, "
		"goal, design or person exits 1."),
	.subs = design_subs,
	.examples = N_("beter design add --team \"Team Bovenbouw\" --goal 2 --authors ODW,MKP --group \"groep 7\" "
		    "--subject begrijpend-lezen --date 2026-12-03 --doel \"Leerlingen geven elkaar feedback\"\n"
		    "beter design step add 1 --min 10 --wat \"Voordoen met een voorbeeldtekst\" --hoe \"Hardop denken\" "
		    "--effect \"Leerlingen noemen zelf wat een goede tip is\"\n"
		    "beter design feedback-question add 1 \"Wat hielp jou vandaag het meest?\"\n"
		    "beter design add --team \"Team Bovenbouw\" --goal 2 --authors ODW,MKP --edit\n"
		    "beter design copy 1 --group \"groep 8\" --date 2026-12-10\n"
		    "beter visit add --observer MKP --teacher ODW --date 2026-12-03 --design 1\n"
		    "beter visit record 5 --seen \"...\" --effect \"...\" --reached 1=ja --reached 2=deels\n"
		    "beter --json design show 1"),
};
