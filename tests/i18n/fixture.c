/* fixture.c - what tests/i18n/unmarked.py must find (and what it must let
 * pass); not compiled. */
#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	"the school when the store holds several")
#define OPT_OK OPT_STRING("team", team, "TEAM", N_("the team"))

static const struct opt opts[] = {
	OPT_FLAG("all", all, "every team"),
	OPT_FLAG("done", done, N_("only done actions")),
	{ "db", 1000, "PATH", "the store file" },
	{ "csv", 1001, NULL, N_("short for --format csv") },
	OPT_END
};

static const struct subcmd subs[] = {
	{ "add", "NAME", "add a team", opts, run_add, 0, NULL },
	{ "rm", "NAME", N_("remove a team"), opts, run_rm, 0, NULL },
	{ 0 }
};

const struct command_def def_x = {
	.description = "Teams by name. "
		"A second line of the same text.",
	.subs = subs,
	.examples = N_("beter team add \"Team Bovenbouw\""),
	.files = "FORMAT: a CSV file",
};

static int run(struct ctx *c, struct beter_err *err, struct out *o)
{
	beter_err_set(err, BETER_FAIL, "no team '%s'", name);
	beter_err_set(err, BETER_FAIL, _("no team '%s'"), name);
	beter_err_set(err, BETER_FAIL, "%s: %s", name, "is not there");
	beter_err_set(err, BETER_FAIL, "%s: %s", path, strerror(errno));
	cmd_usage(c, "which team? give --team TEAM");
	cmd_note(c, "%s", n == 1 ? "one added" : "several added");
	cmd_note(c, P_("%d person added", "%d people added", n), n);
	fprintf(stderr, "beter: cannot write\n");
	fprintf(stdout, "a table line\n");
	fprintf(stderr, "beter: %s\n", c->err.msg);
	fputs("beter: out of memory\n", stderr);
	out_section(o, "goals", "Goals");
	out_section(o, "goals", _("Goals"));
	cmd_parse(c, p, &o, 1, 1, "the backup file");
	cmd_parse(c, p, &o, 1, 1, N_("the backup file"));
	beter_err_set(err, BETER_USAGE, "--week: '%s' is not WEEK", s);
	beter_err_set(err, BETER_FAIL, "%s", lookup("SELECT name FROM team"));
	return 0;
}
