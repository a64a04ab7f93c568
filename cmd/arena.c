/* beter arena: stem van de leerling, the leerlingarena and the top-3 compare. */
#include <string.h>

#include "beter/arena.h"
#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/period.h"
#include "beter/team.h"
#include "cmd.h"

struct aopts {
	const char *team, *school, *theme, *date, *group, *from, *votes, *tag, *n, *item, *answer, *text, *period;
	int school_wide;
};
#define OPT_STRUCT struct aopts

#define OPT_N OPT_STRING("n", n, "K", N_("how many per group (default 3, at most 20)"))

static const struct opt add_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("the team the arena is held for")),
	OPT_OPTARG("school", school, school_wide, "[SCHOOL]",
		   N_("the arena is for the whole school (--school=NAME picks the school, or the team's school with --team)")),
	OPT_STRING("theme", theme, "TEXT", N_("the improvement theme (required)")),
	OPT_STRING("date", date, "DATE", N_("the day of the arena, YYYY-MM-DD or today (required)")),
	OPT_STRING("group", group, "LABEL", N_("the pupils' group or class, e.g. \"groep 7/8\" (a label, never names)")),
	OPT_END
};
static const struct opt list_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("only this team's arenas")),
	OPT_STRING("period", period, "PERIOD", N_("only the arenas held within the dates of this period")),
	OPT_STRING("school", school, "SCHOOL", N_("the school (name, BRIN or number) when the store holds several")),
	OPT_END
};
static const struct opt input_opts[] = {
	OPT_STRING("from", from, "GROUP", N_("who said it: leerlingen, leraren or mt (required)")),
	OPT_STRING("votes", votes, "K", N_("how many chose it (default 0)")),
	OPT_STRING("tag", tag, "TAG", N_("a word that marks the same point across groups, e.g. uitleg")),
	OPT_END
};
static const struct opt edit_opts[] = {
	OPT_STRING("item", item, "ID", N_("the input's number in the arena (required)")),
	OPT_STRING("votes", votes, "K", N_("set the votes")),
	OPT_STRING("tag", tag, "TAG", N_("set the tag (--tag= removes it)")),
	OPT_STRING("text", text, "TEXT", N_("correct the text")),
	OPT_END
};
static const struct opt top_opts[] = {
	OPT_STRING("from", from, "GROUP", N_("only this group: leerlingen, leraren or mt")),
	OPT_N,
	OPT_END
};
static const struct opt deepen_opts[] = {
	OPT_STRING("item", item, "ID", N_("the input's number in the arena (required)")),
	OPT_STRING("answer", answer, "a|b|c", N_("which deepening question the text answers (required)")),
	OPT_END
};
static const struct opt compare_opts[] = { OPT_N, OPT_END };
static const struct opt outcome_opts[] = {
	OPT_STRING("date", date, "DATE", N_("the day of the outcome (default today)")),
	OPT_END
};
static const struct opt no_opts[] = { OPT_END };

static int parse(struct ctx *c, struct optparse *p, struct aopts *o, int min, int max, const char *what)
{
	memset(o, 0, sizeof(*o));
	return cmd_parse(c, p, o, min, max, what);
}

/* options, nargs positional arguments after the arena number, and the arena */
static int prologue(struct ctx *c, struct optparse *p, struct aopts *o, int nargs, const char *what,
		    int64_t *arena)
{
	int rc;

	if ((rc = parse(c, p, o, 1 + nargs, 1 + nargs, what)) ||
	    (rc = cmd_number(c, _("arena"), p->args[0], arena)))
		return rc;
	return arena_find(c->db, *arena, &c->err);
}

static int group_opt(struct ctx *c, const char *s, int *group)
{
	*group = arena_group_parse(s);
	if (*group < 0)
		return beter_err_set(&c->err, BETER_DATAERR, _("--from: unknown group '%s' (use leerlingen, leraren or mt)"),
				     s);
	return 0;
}

static int n_opt(struct ctx *c, const char *s, int *n)
{
	int64_t v = 3;
	int rc;

	if (s && (rc = cmd_int(c, "--n", s, 1, ARENA_TOP_MAX, &v)))
		return rc;
	*n = (int)v;
	return 0;
}

static int item_opt(struct ctx *c, const char *s, int64_t *item)
{
	if (!s)
		return cmd_usage(c, _("which input? give --item ID (see 'beter arena show N')"));
	return cmd_number(c, "--item", s, item);
}

/* Tell when the cut after n falls inside a tie. */
static void note_cut_ties(struct ctx *c, int64_t arena, int group, int n)
{
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		struct arena_toplist l;
		if ((group >= 0 && g != group) || arena_toplist_load(c->db, arena, g, n, &l, &c->err))
			continue;
		if (l.cut_tie)
			cmd_note(c, _("%s: place %d ties with an input outside the top %d; the earlier input is listed "
				 "(change votes with 'beter arena edit')"), arena_groups[g], l.items[l.n - 1].rank, n);
		arena_toplist_release(&l);
	}
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t school, team = 0, id;
	int day, rc;

	if ((rc = parse(c, p, &o, 0, 0, N_("nothing"))))
		return rc;
	if (!o.team && !o.school_wide)
		return cmd_usage(c, _("whose arena? give --team TEAM or --school (usage: %s)"), cmd_usage_line(c));
	if (o.team && o.school_wide && !o.school)
		return cmd_usage(c, _("give --team TEAM or --school, not both"));
	if (!o.theme || !o.date)
		return cmd_usage(c, _("an arena needs --theme and --date (usage: %s)"), cmd_usage_line(c));
	if ((rc = date_parse(o.date, &day, "--date", &c->err)) || (rc = cmd_school(c, o.school, &school)) ||
	    (o.team && (rc = team_find(c->db, school, o.team, &team, &c->err))) ||
	    (rc = arena_add(c->db, school, team, o.theme, day, o.group, &id, &c->err)))
		return rc;
	cmd_note(c, _("added arena %lld; record what was said with 'beter arena input %lld --from GROUP TEXT'"),
		 (long long)id, (long long)id);
	return c->quiet ? 0 : arena_summary(c->db, id, &c->out, &c->err);
}

static int run_question_add(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena, no;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the arena's number and the question"), &arena)) ||
	    (rc = arena_question_add(c->db, arena, p->args[1], &no, &c->err)))
		return rc;
	cmd_note(c, _("question %lld added to arena %lld"), (long long)no, (long long)arena);
	return 0;
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t school, team = 0, period = 0;
	int rc;

	if ((rc = parse(c, p, &o, 0, 0, N_("nothing"))) ||
	    (rc = cmd_school(c, o.school, &school)) ||
	    (o.team && (rc = team_find(c->db, school, o.team, &team, &c->err))) ||
	    (o.period && ((rc = cmd_number(c, "--period", o.period, &period)) ||
			  (rc = period_find(c->db, school, period, &c->err)))))
		return rc;
	return arena_list(c->db, school, team, period, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena;
	int rc;

	if ((rc = prologue(c, p, &o, 0, N_("the arena's number"), &arena)))
		return rc;
	return arena_show(c->db, arena, 3, &c->out, &c->err);
}

static int run_input(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena, votes = 0, item;
	int group, rc;

	if ((rc = prologue(c, p, &o, 1, N_("the arena's number and what was said"), &arena)))
		return rc;
	if (!o.from)
		return cmd_usage(c, _("who said it? give --from leerlingen, leraren or mt"));
	if ((rc = group_opt(c, o.from, &group)) ||
	    (o.votes && (rc = cmd_int(c, "--votes", o.votes, 0, ARENA_VOTES_MAX, &votes))) ||
	    (rc = arena_input(c->db, arena, group, p->args[1], votes, o.tag, &item, &c->err)))
		return rc;
	cmd_note(c, _("item %lld (%s) added to arena %lld"), (long long)item, o.from, (long long)arena);
	return 0;
}

static int run_edit(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena, item, votes = -1;
	int rc;

	if ((rc = prologue(c, p, &o, 0, N_("the arena's number"), &arena)) || (rc = item_opt(c, o.item, &item)))
		return rc;
	if (!o.votes && !o.tag && !o.text)
		return cmd_usage(c, _("nothing to change: give --votes, --tag or --text"));
	if ((o.votes && (rc = cmd_int(c, "--votes", o.votes, 0, ARENA_VOTES_MAX, &votes))) ||
	    (rc = arena_edit(c->db, arena, item, votes, o.tag, o.text, &c->err)))
		return rc;
	cmd_note(c, _("item %lld of arena %lld changed"), (long long)item, (long long)arena);
	return 0;
}

static int run_top(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena;
	int group = -1, n, rc;

	if ((rc = prologue(c, p, &o, 0, N_("the arena's number"), &arena)) ||
	    (o.from && (rc = group_opt(c, o.from, &group))) || (rc = n_opt(c, o.n, &n)) ||
	    (rc = arena_top(c->db, arena, group, n, &c->out, &c->err)))
		return rc;
	note_cut_ties(c, arena, group, n);
	return 0;
}

static int run_deepen(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena, item;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the arena's number and the answer"), &arena)) ||
	    (rc = item_opt(c, o.item, &item)))
		return rc;
	if (!o.answer)
		return cmd_usage(c, _("which question? give --answer a, b or c"));
	if (strlen(o.answer) != 1 || o.answer[0] < 'a' || o.answer[0] > 'c')
		return beter_err_set(&c->err, BETER_DATAERR, _("--answer: '%s' is not a, b or c"), o.answer);
	if ((rc = arena_deepen(c->db, arena, item, o.answer[0], p->args[1], &c->err)))
		return rc;
	cmd_note(c, _("answer %s added to item %lld"), o.answer, (long long)item);
	return 0;
}

static int run_compare(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena;
	int n, rc;

	if ((rc = prologue(c, p, &o, 0, N_("the arena's number"), &arena)) || (rc = n_opt(c, o.n, &n)) ||
	    (rc = arena_compare(c->db, arena, n, &c->out, &c->err)))
		return rc;
	note_cut_ties(c, arena, -1, n);
	return 0;
}

static int run_outcome(struct ctx *c, struct optparse *p)
{
	struct aopts o;
	int64_t arena;
	int day = date_today(), rc;

	if ((rc = prologue(c, p, &o, 1, N_("the arena's number and its outcome"), &arena)) ||
	    (o.date && (rc = date_parse(o.date, &day, "--date", &c->err))) ||
	    (rc = arena_set_outcome(c->db, arena, p->args[1], day, &c->err)))
		return rc;
	cmd_note(c, _("outcome of arena %lld recorded; it shows on the team's board under 'uitkomst leerlingarena'"),
		 (long long)arena);
	return c->quiet ? 0 : arena_summary(c->db, arena, &c->out, &c->err);
}

static const struct subcmd question_subs[] = {
	{ "add", "add N TEXT", N_("add a question the pupils discuss in arena N"), no_opts, run_question_add, SUB_WRITES,
	  NULL },
	{ 0 }
};

static const struct subcmd arena_subs[] = {
	{ "add", "add --team TEAM | --school --theme TEXT --date DATE [--group LABEL]",
	  N_("add an arena for a team or the whole school"), add_opts, run_add, SUB_WRITES, NULL },
	{ "question", NULL, N_("the questions of an arena"), NULL, NULL, 0, question_subs },
	{ "list", "list [--team TEAM] [--period PERIOD]", N_("list arenas by date"), list_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show N", N_("the whole arena: questions, inputs, top 3s, deepening answers and outcome"), no_opts,
	  run_show, 0, NULL },
	{ "input", "input N --from leerlingen|leraren|mt TEXT [--votes K] [--tag TAG]",
	  N_("record what a group said (step 1), with the votes it got (step 2)"), input_opts, run_input, SUB_WRITES,
	  NULL },
	{ "edit", "edit N --item ID [--votes K] [--tag TAG] [--text TEXT]", N_("change the votes, tag or text of an input"),
	  edit_opts, run_edit, SUB_WRITES, NULL },
	{ "top", "top N [--from GROUP] [--n K]", N_("the top inputs of a group by votes, ties marked"), top_opts, run_top,
	  0, NULL },
	{ "deepen", "deepen N --item ID --answer a|b|c TEXT",
	  N_("answer one of the three deepening questions for an input (step 3)"), deepen_opts, run_deepen, SUB_WRITES,
	  NULL },
	{ "compare", "compare N [--n K]", N_("the top 3s of pupils, teachers and management side by side"), compare_opts,
	  run_compare, 0, NULL },
	{ "outcome", "outcome N TEXT [--date DATE]", N_("record the arena's outcome for the team's board"), outcome_opts,
	  run_outcome, SUB_WRITES, NULL },
	{ 0 }
};

const struct command_def def_arena = {
	.description =
		N_("Stem van de leerling. A leerlingarena is a conversation with pupils about an improvement theme "
		"while teachers listen; it is prepared by the Team Inhoudelijke Voorbereiding. An arena belongs to "
		"a team (--team) or to the whole school (--school) and has a date, a theme, optionally the pupils' "
		"group (\"groep 7/8\") and the questions put to them.\n\n"
		"The top-3 conversation is held separately with pupils (leerlingen), teachers (leraren) and "
		"management (mt): step 1, everyone gives answers, recorded with 'arena input' per group and never "
		"per pupil (text with an e-mail address or a number of six or more digits, such as a pupil number, "
		"is refused); step 2, the group votes and the inputs with the most votes form its top 3 ('arena "
		"top'; equal votes keep the order the inputs were given in and show tie = true); step 3, each "
		"top item is deepened with three questions ('arena deepen --answer a|b|c'). Pupils: a) how do you "
		"see it in the lesson, b) what does the teacher do, c) what do you do yourself. Teachers: a) why "
		"is it important, b) how is it visible in practice, c) what do you need for it. Management: a) "
		"why is it important for the school, b) how is it visible in policy and leadership, c) what is "
		"needed. 'arena show' prints the questions with the answers.\n\n"
		"Each input gets a number within its arena (item 1, 2, ...) that --item refers to. 'arena compare' "
		"lays the three top 3s side by side, one row per place: columns rank, leerlingen, leraren and mt. "
		"Items in more than one list are marked with a letter per shared set: in a table as \"[A]\" after "
		"the text, in JSON and CSV in the column shared (\"leerlingen=A,mt=A\", null when nothing in the "
		"row is shared). Two items are the same when they carry the same --tag, or when their texts are "
		"equal after folding case, accents (é, ë, ï), punctuation and white space.\n\n"
		"'arena outcome' records what the arena led to; it appears on the team's improvement board under "
		"\"uitkomst leerlingarena\" (an arena for the whole school on every team's board) and can be taken "
		"as a goal candidate.\n\n"
		"'arena show' is a document with the sections arena, questions, inputs, top, deepening (open "
		"questions of top items show answer null) and outcome; in JSON an object with a key per section."),
	.subs = arena_subs,
	.examples = N_("beter arena add --team \"Team Bovenbouw\" --theme \"goede uitleg\" --date 2026-10-07 --group \"groep 7/8\"\n"
		    "beter arena question add 1 \"Wanneer snap je de uitleg meteen?\"\n"
		    "beter arena input 1 --from leerlingen \"voorbeelden op het bord\" --votes 9 --tag voorbeelden\n"
		    "beter arena top 1 --from leerlingen\n"
		    "beter arena deepen 1 --item 1 --answer b \"ze tekent het eerst voor\"\n"
		    "beter --json arena compare 1\n"
		    "beter arena outcome 1 \"elke instructie begint met een uitgewerkt voorbeeld\""),
};
