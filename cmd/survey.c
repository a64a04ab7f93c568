/* beter survey: instruments, surveys, import of form exports, reports. */
#include <stdlib.h>
#include <string.h>

#include "beter/design.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "beter/store.h"
#include "beter/survey.h"
#include "beter/survey_seal.h"
#include "beter/team.h"
#include "cmd.h"

struct sopts {
	const char *instrument, *wave, *team, *school, *opens, *closes, *map, *idcol, *by, *minn, *waves, *reason,
		*decided;
	const char *leader, *key_file, *person, *design, *sheet;
	int school_given, replace, skip_team;
	struct opt_list ignore;
};
#define OPT_STRUCT struct sopts

#define OPT_KEYFILE OPT_STRING("key-file", key_file, "FILE", \
	N_("a 360-degree feedback: the school leader's secret key (default: " \
	"$BETER_SEAL_KEY_FILE, else 360-CODE.key next to the HMAC key)"))

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };
static const struct opt none_opts[] = { OPT_END };

static const struct opt add_opts[] = {
	OPT_STRING("instrument", instrument, "ID", N_("the instrument (see 'beter survey instrument list'; required)")),
	OPT_STRING("wave", wave, "NAME", N_("the wave: 0-meting, jaar-1, 2026-11, ... (required)")),
	OPT_STRING("team", team, "TEAM", N_("a survey of one team (default: the whole school)")),
	OPT_STRING("opens", opens, "DATE", N_("first day respondents can answer")),
	OPT_STRING("closes", closes, "DATE", N_("last day respondents can answer")),
	OPT_STRING("leader", leader, "CODE",
		   N_("a 360-degree feedback: whose it is (default: the school's one schoolleider)")),
	OPT_STRING("design", design, "N",
		   N_("pupils' feedback on a lesson given from this lesson design (an instrument of kind 'lesson'); "
		      "the survey is of the design's team")),
	OPT_OPTARG("school", school, school_given, "[SCHOOL]",
		   N_("a survey of the whole school (the default); --school=SCHOOL names the school when the store holds several")),
	OPT_END
};

static const struct opt import_opts[] = {
	OPT_STRING("map", map, "FILE",
		   N_("a CSV 'column,item' naming the item (or team, rater, ignore) of a column by header text "
		   "or number")),
	OPT_STRING("id-column", idcol, "COL",
		   N_("the column (header text or number) that identifies a respondent; stored only as "
		   "a keyed HMAC-SHA256")),
	OPT_LIST("ignore-column", ignore, "COL", N_("a column (header text or number) not to import, without the warning "
		 "for a column that matches no item (repeatable)")),
	OPT_FLAG("skip-unknown-team", skip_team, N_("skip a row whose team is not in the store (how many is said on "
		 "stderr) instead of stopping the import")),
	OPT_STRING("sheet", sheet, "NAME", N_("the sheet of an .xlsx workbook to read (default: the first)")),
	OPT_SCHOOL,
	OPT_END
};

static const struct opt report_opts[] = {
	OPT_STRING("by", by, "WHAT", N_("scale (default), item, team or rater (a 360-degree feedback)")),
	OPT_STRING("min-n", minn, "K",
		   N_("hide groups with fewer than K respondents; only raises the minimum (the school's, else "
		   "the instrument's: 5, a 360-degree feedback 3)")),
	OPT_KEYFILE,
	OPT_SCHOOL,
	OPT_END
};

static const struct opt compare_opts[] = {
	OPT_STRING("instrument", instrument, "ID", N_("the instrument (required)")),
	OPT_STRING("waves", waves, "W1,W2", N_("the two waves, earlier first (required)")),
	OPT_STRING("team", team, "TEAM", N_("only respondents of this team")),
	OPT_STRING("min-n", minn, "K", N_("hide waves with fewer than K respondents on a scale; only raises the minimum")),
	OPT_KEYFILE,
	OPT_SCHOOL,
	OPT_END
};

static const struct opt policy_opts[] = {
	OPT_STRING("min-n", minn, "K", N_("the smallest group any survey figure of the school may rest on (at least 3)")),
	OPT_STRING("reason", reason, "TEXT",
		   N_("why the school sets it (required with --min-n; printed with every figure)")),
	OPT_STRING("decided-by", decided, "CODE", N_("who decided it (a person's code)")),
	OPT_SCHOOL,
	OPT_END
};

static const struct opt key_opts[] = {
	OPT_STRING("person", person, "CODE", N_("the school leader (role schoolleider; required)")),
	OPT_STRING("key-file", key_file, "FILE",
		   N_("where the secret key goes (default: $BETER_SEAL_KEY_FILE, else 360-CODE.key "
		   "next to the HMAC key)")),
	OPT_FLAG("replace", replace,
		   N_("replace an existing key pair (the old secret key file is kept as FILE.FINGERPRINT)")),
	OPT_SCHOOL,
	OPT_END
};

static int prologue(struct ctx *c, struct optparse *p, struct sopts *o, int min, int max, const char *what,
		    int64_t *school)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	return school ? cmd_school(c, o->school, school) : 0;
}

static int survey_number(struct ctx *c, const char *s, int64_t school, int64_t *id)
{
	int rc = cmd_number(c, "survey", s, id);
	return rc ? rc : survey_find(c->db, school, *id, &c->err);
}

static int run_instrument_list(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int rc = prologue(c, p, &o, 0, 0, N_("nothing"), NULL);
	return rc ? rc : survey_instrument_list(c->db, &c->out, &c->err);
}

static int run_instrument_show(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int rc = prologue(c, p, &o, 1, 1, N_("the instrument's id"), NULL);
	return rc ? rc : survey_instrument_show(c->db, p->args[0], &c->out, &c->err);
}

static int run_instrument_import(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int64_t id;
	int changed, rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the instrument file (JSON)"), NULL)) ||
	    (rc = survey_instrument_import(c->db, p->args[0], &id, &changed, &c->err)))
		return rc;
	cmd_note(c, "%s: %s", p->args[0], changed ? _("instrument stored") : _("the same instrument is already stored"));
	return 0;
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	struct survey_add_opts a;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), &school)))
		return rc;
	if (!o.instrument || !o.wave)
		return cmd_usage(c, _("a survey needs --instrument and --wave (usage: %s)"), cmd_usage_line(c));
	if (o.team && o.school_given && !o.school)
		return cmd_usage(c, _("give --team or the whole school, not both"));
	memset(&a, 0, sizeof(a));
	a.instrument = o.instrument;
	a.wave = o.wave;
	a.opens = o.opens;
	a.closes = o.closes;
	a.leader = o.leader;
	if (o.team && (rc = team_find(c->db, school, o.team, &a.team, &c->err)))
		return rc;
	int64_t design = 0;
	if (o.design) {
		const char *d = *o.design == '#' ? o.design + 1 : o.design;
		if (parse_int64(d, &design) != 0 || design <= 0)
			return beter_err_set(&c->err, BETER_DATAERR, _("--design: '%s' is not a design number (see 'beter "
					     "design list')"), o.design);
		if ((rc = design_find(c->db, school, design, &c->err)))
			return rc;
		if (!o.team) /* the design's team */
			a.team = store_int_bind(c->db, "SELECT team_id FROM design WHERE id = ?1", design, 0);
	}
	if ((rc = survey_add(c->db, school, &a, &id, &c->err)))
		return rc;
	if (design && (rc = design_survey_link(c->db, id, design, &c->err)))
		return rc;
	return c->quiet ? 0 : survey_show(c->db, id, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int64_t school;
	int rc = prologue(c, p, &o, 0, 0, N_("nothing"), &school);
	return rc ? rc : survey_list(c->db, school, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the survey's number"), &school)) ||
	    (rc = survey_number(c, p->args[0], school, &id)))
		return rc;
	return survey_show(c->db, id, &c->out, &c->err);
}

static int run_import(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	struct survey_import_opts io;
	struct survey_import_stats st;
	struct strbuf notes = STRBUF_INIT, warnings = STRBUF_INIT;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 2, 2, N_("the survey's number and the CSV file"), &school)) ||
	    (rc = survey_number(c, p->args[0], school, &id))) {
		opt_list_release(&o.ignore);
		return rc;
	}
	memset(&io, 0, sizeof(io));
	io.map_path = o.map;
	io.id_column = o.idcol;
	io.ignore_columns = o.ignore.v;
	io.nignore = o.ignore.n;
	io.skip_unknown_team = o.skip_team;
	io.sheet = o.sheet;
	io.warnings = &warnings;
	rc = survey_import(c->db, id, p->args[1], &io, &st, &notes, &c->err);
	opt_list_release(&o.ignore);
	/* answers that were not imported are said even under --quiet */
	if (warnings.len)
		fputs(warnings.buf, stderr);
	if (notes.len)
		cmd_note(c, "%.*s", (int)notes.len - 1, notes.buf);
	strbuf_release(&warnings);
	strbuf_release(&notes);
	if (rc)
		return rc;
	/* each count its own plural: "1 row", "2 rows" */
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, P_("%ld row", "%ld rows", st.rows), st.rows);
	strbuf_adds(&sb, ", ");
	strbuf_addf(&sb, P_("%d column matched", "%d columns matched", st.matched), st.matched);
	strbuf_adds(&sb, ": ");
	strbuf_addf(&sb, P_("%ld response added", "%ld responses added", st.added), st.added);
	strbuf_addf(&sb, _(", %ld changed, %ld already there, "), st.changed, st.unchanged);
	strbuf_addf(&sb, P_("%ld empty row skipped", "%ld empty rows skipped", st.empty), st.empty);
	if (st.skipped)
		strbuf_addf(&sb, P_(", %ld of an unknown team skipped", ", %ld of an unknown team skipped", st.skipped),
			    st.skipped);
	cmd_note(c, _("%s: %s; respondents %s%s"), p->args[1], sb.buf, st.keyed ? _("keyed by HMAC") : _("anonymous"),
		 c->dry_run ? _(" (dry run)") : "");
	strbuf_release(&sb);
	return 0;
}

static int parse_minn(struct ctx *c, const char *s, int64_t *out)
{
	*out = 0;
	/* below the minimum in force: refused by the library, which knows it */
	return s ? cmd_int(c, "--min-n", s, 1, 100000, out) : 0;
}

static int run_report(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int64_t school, id, minn;
	int by = SURVEY_BY_SCALE, rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the survey's number"), &school)) ||
	    (rc = survey_number(c, p->args[0], school, &id)))
		return rc;
	if (o.by && (by = survey_by_parse(o.by)) < 0)
		return cmd_usage(c, _("--by: unknown '%s' (use scale, item, team or rater)"), o.by);
	if ((rc = parse_minn(c, o.minn, &minn)))
		return rc;
	return survey_report(c->db, id, (enum survey_by)by, minn, o.key_file, &c->out, &c->err);
}

static int run_compare(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int64_t school, team = 0, minn;
	char *w1, *w2;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), &school)))
		return rc;
	if (!o.instrument || !o.waves)
		return cmd_usage(c, _("compare needs --instrument and --waves W1,W2 (usage: %s)"), cmd_usage_line(c));
	const char *comma = strchr(o.waves, ',');
	if (!comma || comma == o.waves || !comma[1] || strchr(comma + 1, ','))
		return cmd_usage(c, _("--waves: give two waves separated by a comma, earlier first (e.g. 0-meting,jaar-1)"));
	if ((rc = parse_minn(c, o.minn, &minn)))
		return rc;
	if (o.team && (rc = team_find(c->db, school, o.team, &team, &c->err)))
		return rc;
	w1 = xstrndup(o.waves, (size_t)(comma - o.waves));
	w2 = xstrdup(comma + 1);
	rc = survey_compare(c->db, school, o.instrument, w1, w2, team, minn, o.key_file, &c->out, &c->err);
	free(w1);
	free(w2);
	return rc;
}

static int run_policy(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	int64_t school, minn, by = 0;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), &school)))
		return rc;
	if (!o.minn) {
		if (o.reason || o.decided)
			return cmd_usage(c, _("--reason and --decided-by go with --min-n K"));
		return survey_policy_list(c->db, school, &c->out, &c->err);
	}
	if ((rc = cmd_int(c, "--min-n", o.minn, SURVEY_MIN_N_FLOOR, 1000, &minn)) ||
	    (o.decided && (rc = person_find(c->db, school, o.decided, &by, &c->err))) ||
	    (rc = survey_policy_set(c->db, school, minn, o.reason, by, &c->err)))
		return rc;
	return c->quiet ? 0 : survey_policy_list(c->db, school, &c->out, &c->err);
}

static int run_key(struct ctx *c, struct optparse *p)
{
	struct sopts o;
	struct survey_seal_keygen k;
	struct strbuf notes = STRBUF_INIT;
	int64_t school;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), &school)))
		return rc;
	if (!o.person)
		return cmd_usage(c, _("a key pair needs --person CODE, the school leader (usage: %s)"), cmd_usage_line(c));
	memset(&k, 0, sizeof(k));
	k.person = o.person;
	k.key_file = o.key_file;
	k.replace = o.replace;
	k.dry_run = c->dry_run;
	rc = survey_seal_keygen(c->db, school, &k, &notes, &c->err);
	if (!rc && notes.len)
		cmd_note(c, "%.*s", (int)notes.len - 1, notes.buf);
	if (!rc && !c->quiet)
		survey_seal_keygen_out(&c->out, &k);
	survey_seal_keygen_release(&k);
	strbuf_release(&notes);
	return rc;
}

static const struct subcmd instrument_subs[] = {
	{ "list", "list", N_("list the instruments: shipped ones and the school's own"), none_opts,
	  run_instrument_list, SUB_DEFAULT, NULL },
	{ "show", "show ID", N_("show an instrument: Likert scales, scales, items, rater categories"), none_opts,
	  run_instrument_show, 0, NULL },
	{ "import", "import FILE.json", N_("store the school's own instrument (a JSON document)"), none_opts,
	  run_instrument_import, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd survey_subs[] = {
	{ "instrument", NULL, N_("the questionnaires surveys use"), NULL, NULL, 0, instrument_subs },
	{ "add", "add --instrument ID --wave NAME [--team T | --school] [--opens DATE --closes DATE] [--leader CODE] [--design N]",
	  N_("add a survey: one instrument, one wave, the whole school or one team"), add_opts, run_add, SUB_WRITES, NULL },
	{ "list", "list", N_("list surveys with their number of responses"), school_opts, run_list, SUB_DEFAULT, NULL },
	{ "show", "show N", N_("show one survey"), school_opts, run_show, 0, NULL },
	{ "import", "import N FILE.csv|FILE.xlsx [--sheet NAME] [--map FILE] [--id-column COL] [--dry-run]",
	  N_("import responses from a form tool's CSV or .xlsx export (one row per respondent)"), import_opts, run_import, SUB_WRITES,
	  NULL },
	{ "key", "key --person CODE [--key-file FILE] [--replace]",
	  N_("make the key pair that seals a school leader's 360-degree feedback"), key_opts, run_key, SUB_WRITES, NULL },
	{ "report", "report N [--by item|scale|team|rater] [--min-n K] [--key-file FILE]",
	  N_("n, mean, standard deviation and distribution per item or scale; small groups hidden"), report_opts, run_report, 0,
	  NULL },
	{ "compare", "compare --instrument ID --waves W1,W2 [--team T] [--min-n K] [--key-file FILE]",
	  N_("change per scale between two waves, with Cohen's d"), compare_opts, run_compare, 0, NULL },
	{ "policy", "policy [--min-n K --reason TEXT [--decided-by CODE]]",
	  N_("the school's minimum group size: show its history, or record a new one with its reason"), policy_opts,
	  run_policy, SUB_WRITES, NULL },
	{ 0 }
};

const struct command_def def_survey = {
	.description =
		N_("Measurements: the culture survey (0-meting and later waves), the thermometer of the leerKRACHT-team, "
		"the 360-degree feedback for the school leader, the barometer and pupils' feedback on a lesson. An "
		"instrument is a JSON document: {\"id\", \"title\", \"kind\" (culture, thermometer, feedback360, "
		"barometer, lesson, other), \"min_n\", \"likert\": [{\"id\", \"min\", \"max\", \"labels\": [one per "
		"value], \"missing\": [answers meaning no answer]}], \"scales\": [{\"id\", \"title\", \"group\", "
		"\"likert\"}], \"items\": [{\"id\", \"text\", \"scale\", \"reverse\": true|false, \"type\": "
		"\"likert\"|\"text\"}], \"raters\": [{\"id\", \"label\"}], \"team_question\", \"rater_question\"}. "
		"Shipped instruments are in share/instruments ($BETER_SHARE overrides); a survey copies its "
		"instrument into the store.\n\n"
		"'survey import' reads a CSV export of Microsoft Forms, Google Forms and the like: one row per "
		"respondent, ',' ';' or tab, with or without BOM, LF or CRLF, quoted fields with newlines; or the "
		"export as an Excel workbook (.xlsx, as Microsoft Forms hands it out): its first sheet, or the one "
		"--sheet names. A CSV file that is not UTF-8 is read as Windows-1252, said on stderr. A column "
		"belongs to an item when its header is the item's id or text (or by --map FILE, a CSV with the columns "
		"column and item); headers and texts are compared without case, with white space collapsed and "
		"curly quotes and apostrophes (\u2019 \u201c) as straight ones. A column that matches no item is a "
		"warning on stderr, even with --quiet, unless --ignore-column names it. Answers are numbers in the scale or its labels (\"Helemaal mee eens\"; any case). "
		"A column whose header is the instrument's team_question or 'team' names the respondent's team (a "
		"team not in the store stops the import with file:line:column; --skip-unknown-team skips those rows "
		"and says on stderr how many); a "
		"360-degree feedback needs a rater column ('rater' or 'beoordelaar'). Columns that identify a person "
		"(name, e-mail, id, start and completion time; Forms' Dutch headers Id, Begintijd, Tijd van "
		"voltooien, E-mail, Naam and Tijdstip van laatste wijziging alike) are never stored. With --id-column COL the respondent gets a key: HMAC-SHA256 "
		"of the lowercased value with a secret key kept outside the store ($BETER_KEY_FILE, else "
		"$XDG_CONFIG_HOME/beter/key, created with mode 0600); re-importing updates that respondent. Without it "
		"respondents are anonymous and a row is known by its position in the file and its answers, so the "
		"same export imported again (or with new rows added at the end) adds nothing twice. A value outside "
		"the scale or an unknown label stops the import with file:line:column, exit 65, and nothing is "
		"written.\n\n"
		"'survey report' gives per item or scale: n, mean, standard deviation and the distribution (columns "
		"count_1, count_2, ...: how many answered 1, 2, ...), reverse-scored items turned; a scale score is a respondent's mean over the scale's "
		"items, its distribution counts rounded scores.\n\n"
		"Small groups are never shown, nor found by difference. The minimum is the instrument's (5; a "
		"360-degree feedback 3), or the school's own when it recorded one with 'survey policy --min-n K "
		"--reason TEXT' (never below 3; the minimum and its reason are printed with every figure it lets "
		"through); --min-n can only raise it. Every figure beter can print of one wave of an instrument (the "
		"wave, the wave per team in 'survey compare' and 'beter report', each survey of the wave, each survey "
		"per team and per rater category) is one set of figures, and which of them to hide is decided once for "
		"that whole set, per scale: a figure on fewer respondents than the minimum is hidden; then, as long as "
		"some group or union of groups smaller than the minimum could still be worked out by adding and "
		"subtracting shown figures (a total minus the shown teams, one survey's figure minus another's), the "
		"smallest figure that gives it away is hidden too. So every command and format shows the same "
		"figures, and a hidden team stays hidden whatever is combined. The decision rests on the responses "
		"as they are: figures printed before and after more responses came in can still be set against each "
		"other, so share a wave's figures once it has closed. A hidden figure is null in JSON, empty in CSV "
		"and '-' in a table, with suppressed true. Free-text answers appear, sorted, only when at "
		"least 10 respondents answered, and never per group; per-respondent answers are never printed.\n\n"
		"'survey compare' puts two waves side by side per scale: n, mean and SD of each, the change and "
		"Cohen's d = (mean_2 - mean_1) / pooled SD, pooled SD = sqrt(((n_1-1) sd_1^2 + (n_2-1) sd_2^2) / "
		"(n_1 + n_2 - 2)), read as negligible (< 0.2), small, medium (>= 0.5) or large (>= 0.8). A scale's "
		"row is hidden when either wave's figure is.\n\n"
				"The 360-degree feedback (an instrument of kind feedback360) is sealed to the school leader: its "
		"results are for the school leader only. 'survey key --person CODE' makes the leader's key pair "
		"(libsodium): the public key goes into the store, the secret key into a file outside it, mode 0600, "
		"next to the HMAC key ($BETER_SEAL_KEY_FILE, else 360-CODE.key in the directory of $BETER_KEY_FILE, "
		"else $XDG_CONFIG_HOME/beter/); it refuses to replace a key pair without --replace, and then keeps the "
		"old secret key file as FILE.FINGERPRINT: responses sealed before stay readable only with it. Making the key pair also "
		"seals the leader's responses that a store from an older beter holds in the clear. A "
		"360-degree survey belongs to the school's schoolleider, or with several to the one 'survey add "
		"--leader CODE' names. 'survey import' stores each response as one sealed box (crypto_box_seal) of its "
		"rater category, answers and free texts, padded to whole blocks of 256 bytes, and refuses without the "
		"leader's key pair; respondents are anonymous (no --id-column) and a row's uid comes from a hash keyed "
		"with the HMAC key, so that it tells nothing either. Neither the store nor the view survey_answer "
		"shows these answers; "
		"'beter export' and 'beter import' carry them sealed. 'survey report' and 'survey compare' need the "
		"secret key (--key-file FILE, $BETER_SEAL_KEY_FILE or its default place) and refuse without it. The "
		"leader's own answers (rater category 'zelf') are shown as the row 'Zelf' beside the others, never "
		"hidden and never counted: the respondents, the groups, the items (--by item) and the 'totaal' row "
		"are the others only, and compare leaves them out.\n\n"
		"For plain SQL, the view survey_answer(response_id, survey_id, item_id, value) gives one row per answer "
		"(none of a 360-degree feedback)."),
	.subs = survey_subs,
	.examples = N_("beter survey instrument list\n"
		    "beter survey add --instrument cultuursurvey --wave 0-meting --opens 2026-09-07 --closes 2026-09-18\n"
		    "beter survey import 1 forms-export.csv\n"
		    "beter survey import 3 \"Cultuursurvey(1-40).xlsx\"\n"
		    "beter survey key --person MVD\n"
		    "beter survey report 1 --by team\n"
		    "beter survey policy --min-n 3 --reason \"teams of 3-4; agreed with the MR on 2026-10-12\"\n"
		    "beter --json survey compare --instrument cultuursurvey --waves 0-meting,november"),
};
