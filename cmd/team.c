/* beter team: teams and their members. */
#include <string.h>

#include "beter/i18n.h"
#include "beter/person.h"
#include "beter/team.h"
#include "cmd.h"

struct topts {
	const char *kind, *role, *school, *start;
};
#define OPT_STRUCT struct topts

#define OPT_SCHOOL OPT_STRING("school", school, "SCHOOL", \
	N_("the school (name, BRIN or number) when the store holds several"))

static const struct opt add_opts[] = {
	OPT_STRING("kind", kind, "KIND",
		   N_("leraren (a teacher team, default), leerkracht (the leerKRACHT-team), mt or tiv")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt edit_opts[] = {
	OPT_STRING("kind", kind, "KIND",
		   N_("leraren (a teacher team), leerkracht (the leerKRACHT-team), mt or tiv")),
	OPT_STRING("start", start, "DATE",
		   N_("the day the team started: its rhythm counts from here (default: its first board session); "
		      "'none' clears it")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt member_opts[] = {
	OPT_STRING("role", role, "ROLE",
		   N_("their role in the team: lid (default), schoolcoach, schoolleider, expertcoach, ...")),
	OPT_SCHOOL,
	OPT_END
};
static const struct opt school_opts[] = { OPT_SCHOOL, OPT_END };

static int prologue(struct ctx *c, struct optparse *p, struct topts *o, int min, int max, const char *what,
		    int64_t *school)
{
	int rc;

	memset(o, 0, sizeof(*o));
	if ((rc = cmd_parse(c, p, o, min, max, what)))
		return rc;
	return cmd_school(c, o->school, school);
}

static int run_add(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the team's name"), &school)) ||
	    (rc = team_add(c->db, school, p->args[0], o.kind, &id, &c->err)))
		return rc;
	return c->quiet ? 0 : team_show(c->db, id, &c->out, &c->err);
}

static int run_list(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school;
	int rc;

	if ((rc = prologue(c, p, &o, 0, 0, N_("nothing"), &school)))
		return rc;
	return team_list(c->db, school, &c->out, &c->err);
}

static int run_show(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the team's name"), &school)) ||
	    (rc = team_find(c->db, school, p->args[0], &id, &c->err)))
		return rc;
	return team_show(c->db, id, &c->out, &c->err);
}

static int run_rename(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 2, 2, N_("the team's name and its new name"), &school)) ||
	    (rc = team_find(c->db, school, p->args[0], &id, &c->err)) ||
	    (rc = team_rename(c->db, id, p->args[1], &c->err)))
		return rc;
	return c->quiet ? 0 : team_show(c->db, id, &c->out, &c->err);
}

static int run_edit(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, id;
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the team's name"), &school)) ||
	    (rc = team_find(c->db, school, p->args[0], &id, &c->err)))
		return rc;
	if (!o.kind && !o.start)
		return cmd_usage(c, _("nothing to change: give --kind or --start"));
	if ((o.kind && (rc = team_set_kind(c->db, id, o.kind, &c->err))) ||
	    (o.start && (rc = team_set_start(c->db, id, o.start, &c->err))))
		return rc;
	return c->quiet ? 0 : team_show(c->db, id, &c->out, &c->err);
}

static int run_rm(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, id;
	char name[256];
	int rc;

	if ((rc = prologue(c, p, &o, 1, 1, N_("the team's name"), &school)) ||
	    (rc = team_find(c->db, school, p->args[0], &id, &c->err)))
		return rc;
	team_name(c->db, id, name, sizeof(name));
	if ((rc = team_rm(c->db, id, &c->err)))
		return rc;
	cmd_note(c, _("removed the team '%s'"), name);
	return 0;
}

static int run_member_add(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, team, person;
	int rc, added, n = 0;

	if ((rc = prologue(c, p, &o, 2, -1, N_("the team and one or more person codes"), &school)) ||
	    (rc = team_find(c->db, school, p->args[0], &team, &c->err)))
		return rc;
	for (int i = 1; i < p->nargs; i++) {
		if ((rc = person_find(c->db, school, p->args[i], &person, &c->err)) ||
		    (rc = team_member_add(c->db, team, person, o.role ? o.role : NULL, &added, &c->err)))
			return rc;
		n += added;
	}
	char name[256];
	team_name(c->db, team, name, sizeof(name));
	cmd_note(c, _("%d added to '%s'"), n, name);
	return 0;
}

static int run_member_rm(struct ctx *c, struct optparse *p)
{
	struct topts o;
	int64_t school, team, person;
	int rc;

	if ((rc = prologue(c, p, &o, 2, -1, N_("the team and one or more person codes"), &school)) ||
	    (rc = team_find(c->db, school, p->args[0], &team, &c->err)))
		return rc;
	for (int i = 1; i < p->nargs; i++) {
		if ((rc = person_find(c->db, school, p->args[i], &person, &c->err)))
			return rc;
		if ((rc = team_member_rm(c->db, team, person, &c->err))) {
			char name[256];
			team_name(c->db, team, name, sizeof(name));
			beter_err_set(&c->err, rc, _("'%s' is not in the team '%s'"), p->args[i], name);
			return rc;
		}
	}
	return 0;
}

static const struct subcmd member_subs[] = {
	{ "add", "add TEAM CODE... [--role ROLE]", N_("put people in a team (with --role: set their role in it)"), member_opts,
	  run_member_add, SUB_WRITES, NULL },
	{ "rm", "rm TEAM CODE...", N_("take people out of a team"), school_opts, run_member_rm, SUB_WRITES, NULL },
	{ 0 }
};

static const struct subcmd team_subs[] = {
	{ "add", "add NAME [--kind leraren|leerkracht|mt|tiv]", N_("add a team"), add_opts, run_add, SUB_WRITES, NULL },
	{ "list", "list", N_("list teams with their size; teacher teams outside 5-10 members are flagged"), school_opts,
	  run_list, SUB_DEFAULT, NULL },
	{ "show", "show TEAM", N_("show a team and its members"), school_opts, run_show, 0, NULL },
	{ "rename", "rename TEAM NEWNAME", N_("rename a team"), school_opts, run_rename, SUB_WRITES, NULL },
	{ "edit", "edit TEAM [--kind KIND] [--start DATE]", N_("change a team's kind or start"), edit_opts, run_edit, SUB_WRITES, NULL },
	{ "rm", "rm TEAM", N_("remove a team that has no board, goals or visits"), school_opts, run_rm, SUB_WRITES, NULL },
	{ "member", NULL, N_("who is in a team"), NULL, NULL, 0, member_subs },
	{ 0 }
};

const struct command_def def_team = {
	.description =
		N_("Teams by name (a name or its number): teacher teams (leraren) of normally 5-10 people who meet "
		"weekly at their improvement board, the leerKRACHT-team (leerkracht) that steers the trajectory, "
		"the MT (mt) and the Team Inhoudelijke Voorbereiding (tiv). 'team list' shows each team's size and "
		"flags teacher teams outside 5-10 members in the size_check column (ok, too small, too large); "
		"'team show' gives the same, the team's start (the day its rhythm counts from, 'team edit --start') "
		"and its members."),
	.subs = team_subs,
	.examples = N_("beter team add \"Team Bovenbouw\"\n"
		    "beter team member add \"Team Bovenbouw\" JDV AB KL\n"
		    "beter team member add \"Team Bovenbouw\" MB --role schoolcoach\n"
		    "beter --format json team list"),
};
