#include "beter/team.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "beter/date.h"
#include "beter/person.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

const char *const team_kinds[] = { "leraren", "leerkracht", "mt", "tiv", NULL };
const char *const team_member_roles[] = { "lid", "leraar", "schoolcoach", "schoolleider", "expertcoach",
					  "ib", "mt", "other", NULL };

static int in_list(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (!strcmp(s, *list))
			return 1;
	return 0;
}

int team_kind_valid(const char *kind)
{
	return in_list(kind, team_kinds);
}

const char *team_kind_guess(const char *name)
{
	if (str_ieq(name, "MT") || str_ieq(name, "managementteam"))
		return "mt";
	if (strcasestr(name, "leerkracht"))
		return "leerkracht";
	if (str_ieq(name, "TIV") || strcasestr(name, "inhoudelijke voorbereiding"))
		return "tiv";
	return "leraren";
}

const char *team_size_check(const char *kind, int64_t members)
{
	if (!kind || strcmp(kind, "leraren"))
		return NULL;
	if (members < TEAM_SIZE_MIN)
		return N_("too small");
	if (members > TEAM_SIZE_MAX)
		return N_("too large");
	return N_("ok");
}

/* A value as the output shows it: translated in a Dutch table, html or md
 * page; JSON, CSV and TSV keep the value as it is stored. */
static const char *word(const struct out *o, const char *s)
{
	return s && o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD) ? _(s) : s;
}

/* A role as a person reads it: the roles are Dutch words but for "other". */
static const char *role_word(const struct out *o, const char *role)
{
	return role && !strcmp(role, "other") ? word(o, N_("other")) : role;
}

static int check_name(const char *name, struct beter_err *err)
{
	if (str_blank(name))
		return beter_err_set(err, BETER_DATAERR, _("a team needs a name (not only spaces)"));
	if (!utf8_valid(name, strlen(name), NULL))
		return beter_err_set(err, BETER_DATAERR, _("team name is not valid UTF-8"));
	if (strlen(name) > 200)
		return beter_err_set(err, BETER_DATAERR, _("team name is longer than 200 bytes"));
	if (strchr(name, '|'))
		return beter_err_set(err, BETER_DATAERR, _("team name: '|' separates teams in rosters; use another character"));
	return 0;
}

int team_add(struct store *db, int64_t school, const char *name, const char *kind, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33];
	int rc;

	if ((rc = check_name(name, err)))
		return rc;
	if (!kind)
		kind = "leraren";
	if (!team_kind_valid(kind))
		return beter_err_set(err, BETER_DATAERR, _("--kind: unknown team kind '%s' (use leraren, leerkracht, mt or tiv)"),
				     kind);
	if ((rc = store_prepare(db, "INSERT INTO team(uid, school_id, name, kind) VALUES (?1, ?2, ?3, ?4)", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_text(st, 3, name);
	store_bind_text(st, 4, kind);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("a team named '%s' already exists"), name);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("adding the team"));
	if (id)
		*id = store_last_id(db);
	return 0;
}

int team_find(struct store *db, int64_t school, const char *name, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id FROM team WHERE school_id = ?1 AND (name = ?2 COLLATE NOCASE OR CAST(id AS TEXT) = ?2) "
				    "ORDER BY name = ?2 COLLATE NOCASE DESC LIMIT 1", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, name);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*id = store_col_int(st, 0);
	store_finalize(st);
	if (rc == STORE_ROW)
		return 0;
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("finding the team"));
	return beter_err_set(err, BETER_FAIL, _("no team named '%s' (see 'beter team list')"), name ? name : "");
}

/* The name is for a message: a failed read leaves the number. */
void team_name(struct store *db, int64_t id, char *buf, size_t size)
{
	struct store_stmt *st;

	snprintf(buf, size, "%lld", (long long)id);
	if (store_prepare(db, "SELECT name FROM team WHERE id = ?1", &st, NULL))
		return;
	store_bind_int(st, 1, id);
	if (store_step(st) == STORE_ROW)
		snprintf(buf, size, "%s", store_col_text(st, 0));
	store_finalize(st);
}

static int update_one(struct store *db, const char *sql, int64_t id, const char *text, const char *what,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, text);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("%s: '%s' is already taken"), what, text ? text : "");
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, what);
	return 0;
}

int team_rename(struct store *db, int64_t id, const char *name, struct beter_err *err)
{
	int rc;
	if ((rc = check_name(name, err)))
		return rc;
	return update_one(db, "UPDATE team SET name = ?2 WHERE id = ?1", id, name, _("renaming the team"), err);
}

int team_set_kind(struct store *db, int64_t id, const char *kind, struct beter_err *err)
{
	if (!team_kind_valid(kind))
		return beter_err_set(err, BETER_DATAERR, _("--kind: unknown team kind '%s' (use leraren, leerkracht, mt or tiv)"),
				     kind ? kind : "");
	return update_one(db, "UPDATE team SET kind = ?2 WHERE id = ?1", id, kind, _("changing the team"), err);
}

int team_set_start(struct store *db, int64_t id, const char *start, struct beter_err *err)
{
	char buf[11];
	int day, rc;

	if (start && strcmp(start, "none")) {
		if ((rc = date_parse(start, &day, "--start", err)))
			return rc;
		date_format(day, buf);
		start = buf;
	} else {
		start = NULL;
	}
	return update_one(db, "UPDATE team SET start = ?2 WHERE id = ?1", id, start, _("changing the team's start"), err);
}

int team_rm(struct store *db, int64_t id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "DELETE FROM team WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_FAIL,
				     _("the team still has records (board, goals, visits, ...) that refer to it; "
				       "it cannot be removed"));
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("removing the team"));
	return 0;
}

int team_member_add(struct store *db, int64_t team, int64_t person, const char *role, int *added,
		    struct beter_err *err)
{
	struct store_stmt *st;
	int rc, exists;

	if (role && !in_list(role, team_member_roles))
		return beter_err_set(err, BETER_DATAERR,
				     _("--role: unknown team role '%s' (use lid, schoolcoach, schoolleider, expertcoach, "
				       "ib, mt, leraar or other)"), role);
	if ((rc = store_prepare(db, "SELECT 1 FROM team_member WHERE team_id = ?1 AND person_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_int(st, 2, person);
	exists = store_next(db, st, &rc, N_("reading the team"), err);
	store_finalize(st);
	if (rc)
		return rc;
	if (added)
		*added = !exists;
	if (exists && !role)
		return 0; /* already in; keep the role it has */
	if ((rc = store_prepare(db, exists ? "UPDATE team_member SET role = ?3 WHERE team_id = ?1 AND person_id = ?2 "
					     "AND role IS NOT ?3"
					   : "INSERT INTO team_member(team_id, person_id, role) VALUES (?1, ?2, ?3)",
				&st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_int(st, 2, person);
	store_bind_text(st, 3, role ? role : "lid");
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("adding the team member"));
	return 0;
}

int team_member_rm(struct store *db, int64_t team, int64_t person, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "DELETE FROM team_member WHERE team_id = ?1 AND person_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, team);
	store_bind_int(st, 2, person);
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("removing the team member"));
	if (store_changes(db) == 0)
		return beter_err_set(err, BETER_FAIL, _("that person is not in the team"));
	return 0;
}

static const struct out_col team_cols[] = {
	{ N_("id"), OUT_T_INT },      { N_("name"), OUT_T_TEXT },      { N_("kind"), OUT_T_TEXT },
	{ N_("members"), OUT_T_INT }, { N_("size_check"), OUT_T_TEXT },
};
#define NTEAM_COLS (sizeof(team_cols) / sizeof(*team_cols))
/* team show: the same, and the day its rhythm counts from (team edit --start) */
static const struct out_col team_show_cols[] = {
	{ N_("id"), OUT_T_INT },      { N_("name"), OUT_T_TEXT },       { N_("kind"), OUT_T_TEXT },
	{ N_("members"), OUT_T_INT }, { N_("size_check"), OUT_T_TEXT }, { N_("start"), OUT_T_DATE },
};

static const char team_sql[] =
	"SELECT t.id, t.name, t.kind, (SELECT count(*) FROM team_member m WHERE m.team_id = t.id), "
	"(SELECT count(*) FROM team_member m JOIN team_member k ON k.person_id = m.person_id JOIN team l ON "
	"l.id = k.team_id AND l.kind = 'leerkracht' WHERE m.team_id = t.id), t.start FROM team t";

/* A TIV needs a member of the leerKRACHT-team and at least three members. */
static const char *tiv_check(int64_t members, int64_t leerkracht)
{
	if (!leerkracht)
		return N_("no leerkracht member");
	return members < 3 ? "too small" : "ok";
}

static void team_row(struct out *o, struct store_stmt *st)
{
	const char *kind = store_col(st, 2);
	int64_t n = store_col_int(st, 3);

	out_int(o, store_col_int(st, 0));
	out_text(o, store_col(st, 1));
	out_text(o, kind);
	out_int(o, n);
	out_text(o, word(o, kind && !strcmp(kind, "tiv") ? tiv_check(n, store_col_int(st, 4)) : team_size_check(kind, n)));
}

int team_list(struct store *db, int64_t school, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s WHERE t.school_id = ?1 ORDER BY t.name COLLATE NOCASE, t.id", team_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, school);
	out_list(o, team_cols, NTEAM_COLS);
	while (store_next(db, st, &rc, N_("listing teams"), err)) {
		team_row(o, st);
		out_row_end(o);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}

static const struct out_col member_cols[] = {
	{ N_("code"), OUT_T_TEXT }, { N_("name"), OUT_T_TEXT }, { N_("role"), OUT_T_TEXT }, { N_("team_role"), OUT_T_TEXT },
};

static const struct out_col team_doc_cols[] = {
	{ N_("id"), OUT_T_INT },       { N_("name"), OUT_T_TEXT },       { N_("kind"), OUT_T_TEXT },
	{ N_("members"), OUT_T_INT },  { N_("size_check"), OUT_T_TEXT }, { N_("start"), OUT_T_DATE },
	{ N_("code"), OUT_T_TEXT },    { N_("role"), OUT_T_TEXT },       { N_("team_role"), OUT_T_TEXT },
};

int team_show(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s WHERE t.id = ?1", team_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, id);
	if (!store_next(db, st, &rc, N_("showing the team"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no team with number %lld"), (long long)id);
	}
	out_doc_begin(o, team_doc_cols, sizeof(team_doc_cols) / sizeof(*team_doc_cols));
	out_section(o, "team", _("Team"));
	out_record(o, team_show_cols, sizeof(team_show_cols) / sizeof(*team_show_cols));
	team_row(o, st);
	out_text(o, store_col_null(st, 5) ? NULL : store_col(st, 5));
	out_end(o);
	store_finalize(st);

	if ((rc = store_prepare(db, "SELECT p.code, p.name, p.role, m.role FROM team_member m "
				    "JOIN person p ON p.id = m.person_id WHERE m.team_id = ?1 "
				    "ORDER BY m.role = 'lid', p.code", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	out_section(o, "members", _("Members"));
	out_list(o, member_cols, sizeof(member_cols) / sizeof(*member_cols));
	while (store_next(db, st, &rc, N_("showing the team"), err)) {
		out_text(o, store_col(st, 0));
		out_text(o, store_col(st, 1));
		out_text(o, role_word(o, store_col(st, 2)));
		out_text(o, role_word(o, store_col(st, 3)));
		out_row_end(o);
	}
	store_finalize(st);
	if (rc)
		return rc;
	out_end(o);
	out_doc_end(o);
	return 0;
}
