/* beter person: people with a short code, a name and a role; roster import. */
#include <stdlib.h>
#include <string.h>

#include "beter/csvin.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "cmd.h"

struct popts {
	const char *name, *role, *school, *team, *code, *sheet, *login;
	int revoke;
};
#define OPT_STRUCT struct popts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt add_opts[] = {
	OPT_STRING("name", name, "NAME", N_("full name (required)")),
	OPT_STRING("role", role, "ROLE", N_("leraar, schoolcoach, schoolleider, expertcoach, ib, mt or other (required)")),
	OPT_SCHOOL,
	OPT_END
};

static const struct opt list_opts[] = {
	OPT_STRING("team", team, "TEAM", N_("only members of this team")),
	OPT_STRING("role", role, "ROLE", N_("only people with this role")),
	OPT_SCHOOL,
	OPT_END
};

static const struct opt edit_opts[] = {
	OPT_STRING("name", name, "NAME", N_("a new name")),
	OPT_STRING("role", role, "ROLE", N_("a new role")),
	OPT_STRING("code", code, "CODE", N_("a new code")),
	OPT_SCHOOL,
	OPT_END
};

static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

static const struct opt grant_opts[] = {
	OPT_STRING("login", login, "NAME", N_("the login role: lowercase letters, digits and _ (required)")),
	OPT_FLAG("revoke", revoke, N_("take the login back instead")),
	OPT_SCHOOL,
	OPT_END
};

static const struct opt import_opts[] = {
	OPT_STRING("sheet", sheet, "NAME", N_("the sheet of an .xlsx workbook to read (default: the first)")),
	OPT_SCHOOL,
	OPT_END
};

/* parse options, check the argument count and resolve the school */
static int prologue(struct ctx *c, struct optparse *p, struct popts *o, int nargs, const char *what, int64_t *school)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, nargs, nargs, what)))
		return rc;
	return cmd_school(c, o->school, school);
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the person's code"), &school)))
		return rc;
	if (!o.name || !o.role)
		return cmd_usage(c, _("a person needs --name and --role (usage: %s)"), cmd_usage_line(c));
	if ((rc = person_add(c->db, school, p->args[0], o.name, o.role, &id, &c->err)))
		return rc;
	return c->quiet ? 0 : person_show(c->db, id, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct popts o;
	struct person_filter f;
	int64_t school;
	int rc;

	if ((rc = prologue(c, p, &o, 0, N_("nothing"), &school)))
		return rc;
	f.team = o.team;
	f.role = o.role;
	return person_list(c->db, school, &f, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the person's code"), &school)) ||
	    (rc = person_find(c->db, school, p->args[0], &id, &c->err)))
		return rc;
	return person_show(c->db, id, &c->out, &c->err);
}

static int run_edit(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the person's code"), &school)) ||
	    (rc = person_find(c->db, school, p->args[0], &id, &c->err)))
		return rc;
	if (!o.name && !o.role && !o.code)
		return cmd_usage(c, _("nothing to change: give --name, --role or --code"));
	if ((rc = person_edit(c->db, id, o.code, o.name, o.role, &c->err)))
		return rc;
	return c->quiet ? 0 : person_show(c->db, id, &c->out, &c->err);
}

static int run_rm(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the person's code"), &school)) ||
	    (rc = person_find(c->db, school, p->args[0], &id, &c->err)) || (rc = person_rm(c->db, id, &c->err)))
		return rc;
	cmd_note(c, _("removed %s"), p->args[0]);
	return 0;
}

static int run_import(struct ctx *c, struct optparse *p)
{
	struct popts o;
	struct import_stats st;
	int64_t school;
	int rc;

	struct strbuf notes = STRBUF_INIT;
	struct csvin_opts in = { NULL, &notes };

	if ((rc = prologue(c, p, &o, 1, N_("the roster file (or - for stdin)"), &school)))
		return rc;
	in.sheet = o.sheet;
	rc = person_import(c->db, school, p->args[0], &in, &st, &c->err);
	if (notes.len)
		cmd_note(c, "%.*s", (int)notes.len - 1, notes.buf);
	strbuf_release(&notes);
	if (rc)
		return rc;
	cmd_note(c,
		 P_("%s: %ld row: %ld people added, %ld changed, %ld team memberships added%s",
		    "%s: %ld rows: %ld people added, %ld changed, %ld team memberships added%s", st.rows),
		 p->args[0], st.rows, st.added, st.updated, st.links, c->dry_run ? _(" (dry run)") : "");
	return 0;
}

static int run_grant(struct ctx *c, struct optparse *p)
{
	struct popts o;
	int64_t school, id;
	char *roles = NULL;
	int rc;

	if ((rc = prologue(c, p, &o, 1, N_("the person's code"), &school)))
		return rc;
	if (!o.login)
		return cmd_usage(c, _("a login needs --login NAME (usage: %s)"), cmd_usage_line(c));
	if ((rc = person_find(c->db, school, p->args[0], &id, &c->err)))
		return rc;
	if (o.revoke) {
		if ((rc = person_login_revoke(c->db, id, p->args[0], o.login, &c->err)))
			return rc;
		cmd_note(c, _("%s no longer logs in as '%s' (the role stays in the cluster: DROP ROLE removes it)"),
			 p->args[0], o.login);
		return 0;
	}
	if ((rc = person_login_grant(c->db, id, o.login, &roles, &c->err)))
		return rc;
	cmd_note(c, _("%s logs in as '%s' (%s)"), p->args[0], o.login, roles);
	free(roles);
	return 0;
}

static const struct subcmd person_subs[] = {
	{ "add", "add CODE --name NAME --role ROLE [--school S]", N_("add a person"), add_opts, run_add, SUB_WRITES, NULL },
	{ "list", "list [--team TEAM] [--role ROLE] [--school S]", N_("list people by code, with their teams"), list_opts,
	  run_list, SUB_DEFAULT, NULL },
	{ "show", "show CODE", N_("show one person"), school_opts, run_show, 0, NULL },
	{ "edit", "edit CODE [--name NAME] [--role ROLE] [--code NEW]", N_("change a person's name, role or code"),
	  edit_opts, run_edit, SUB_WRITES, NULL },
	{ "rm", "rm CODE", N_("remove a person who has no records yet (their memberships go too)"), school_opts, run_rm,
	  SUB_WRITES, NULL },
	{ "import", "import FILE.csv|FILE.xlsx [--sheet NAME] [--school S] [--dry-run]",
	  N_("import a roster: columns code,name,role and optionally team (several teams split by '|')"), import_opts,
	  run_import, SUB_WRITES, NULL },
	{ "grant", "grant CODE --login NAME [--revoke] [--school S]",
	  N_("let a person log in to a PostgreSQL store as themselves, or take it back"), grant_opts, run_grant,
	  SUB_WRITES, NULL },
	{ 0 }
};

const struct command_def def_person = {
	.description =
		N_("People are known by a short code, unique within a school and case-insensitive: 2-8 letters or "
		"digits, stored in capitals (Dutch schools know staff by codes like JDV). Each has a name and one "
		"role: leraar, schoolcoach, schoolleider, expertcoach, ib, mt or other. A role is read in any case, "
		"and the synonyms docent, leerkracht and teacher mean leraar, directeur schoolleider, intern "
		"begeleider ib, overig other: in 'person add', 'person edit', 'person list --role' and the roster "
		"import alike.\n\n"
		"A roster CSV has a header row with the columns code, name and role (Dutch headers afkorting, naam "
		"and rol work too) and optionally team; a person in several teams lists them separated by '|'. "
		"The separator (',' ';' or tab), a UTF-8 BOM and CRLF line ends are handled. "
		"Instead of name, the columns voornaam, tussenvoegsel and achternaam (first name, prefix, last "
		"name) make the name as it is written: Jan de Vries. Other columns (e-mail, say) are left alone. "
		"An Excel workbook (.xlsx) is read as well: its first sheet, or the one --sheet names (a sheet that "
		"is not there stops the import, listing the sheets). A CSV file that is not UTF-8, as Excel saves "
		"'CSV (gescheiden door lijstscheidingsteken)', is read as Windows-1252 and said so on stderr. "
		"Empty rows (';;;') and empty columns at the end are skipped. Teams that do not "
		"exist yet are created (kind leraren; 'MT' becomes mt, a name with 'leerkracht' the "
		"leerKRACHT-team, 'TIV' the Team Inhoudelijke Voorbereiding). Roles are read as above. People already in the store are updated; importing the same "
		"roster twice changes nothing. A bad row stops the import with file:line:column and nothing is "
		"written (exit 65).\n\n"
		"The columns of list and show: id, code, name, role and teams (the names of their teams: a JSON "
		"array, in a table split by commas, in CSV split by '|' as in a roster).\n\n"
		"On a PostgreSQL store people can log in as themselves, and the server decides what they read and "
		"write. 'person grant CODE --login NAME' makes the login role NAME (if the cluster has none), gives "
		"it the group roles of the person's roles (beter_leraar to everyone, beter_schoolcoach to a "
		"schoolcoach by role or in a team, beter_schoolleider to a schoolleider), lets it connect to the "
		"database and records it in the table beter_login; run it as the store's owner (who needs "
		"CREATEROLE for a new role). A leraar then reads their own visits, development points and the "
		"boards of their teams; a schoolcoach reads and writes all of the teams they coach; a "
		"schoolleider reads all of the school; the 360-degree feedback only the leader it is about; survey "
		"answers only the role beter_import (given by hand: GRANT beter_import TO name), the others their "
		"aggregates over groups big enough "
		"(the views beter_survey_*: counts, means and distributions, which beter's survey commands read "
		"for them), and a school leader their own sealed 360 with their key. Run grant again after a "
		"change of role. "
		"--revoke takes the login back; the role itself, shared by the cluster's databases, stays. "
		"On a SQLite store there are no logins: whoever reads the file reads all of it."),
	.subs = person_subs,
	.examples = N_("beter person add JDV --name \"Jan de Vries\" --role leraar\n"
		    "beter person import roster.csv\n"
		    "beter person import rooster.xlsx --sheet Personeel\n"
		    "beter --csv person list --team \"Team Bovenbouw\"\n"
		    "beter --db postgresql:///beter person grant JDV --login jdv"),
};
