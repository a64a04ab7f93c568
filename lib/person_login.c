/* person_login.c - a person's own login on a PostgreSQL store: a login role
 * of the cluster, member of the group roles of share/sql/pg/security.sql
 * that fit the person's roles, recorded in beter_login; the server's
 * row-level security then decides what the login reads and writes. */
#include "beter/person.h"

#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

int person_login_valid(const char *login)
{
	size_t n = login ? strlen(login) : 0;

	if (n < 1 || n > 63 || !((login[0] >= 'a' && login[0] <= 'z') || login[0] == '_'))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!((login[i] >= 'a' && login[i] <= 'z') || (login[i] >= '0' && login[i] <= '9') || login[i] == '_'))
			return 0;
	return 1;
}

/* Run SQL built by store_sqlf (freed here). */
static int run(struct store *db, char *sql, struct beter_err *err)
{
	int rc = store_exec(db, sql, err);

	free(sql);
	return rc;
}

/* One text (or NULL) from a query with the parameters ?1 (text) and ?2 (integer). */
static int one_text(struct store *db, const char *sql, const char *a, int64_t b, char **out, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*out = NULL;
	if ((rc = store_prepare(db, sql, &st, err)))
		return rc;
	if (a)
		store_bind_text(st, 1, a);
	if (b)
		store_bind_int(st, a ? 2 : 1, b);
	rc = store_step(st);
	if (rc == STORE_ROW && store_col_text(st, 0))
		*out = xstrdup(store_col_text(st, 0));
	store_finalize(st);
	if (rc != STORE_ROW && rc != STORE_DONE)
		return store_fail(db, rc, err, N_("reading the logins"));
	return 0;
}

/* The role may become a person's login: not a superuser, not the store's
 * owner (row-level security does not hold them), not a role that cannot log in. */
static int check_role(struct store *db, const char *login, int *exists, struct beter_err *err)
{
	char *kind;
	int rc = one_text(db,
			  "SELECT CASE WHEN r.rolsuper OR r.rolbypassrls THEN 'super' "
			  "WHEN r.rolname = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
			  "AND tablename = 'person') THEN 'owner' WHEN NOT r.rolcanlogin THEN 'nologin' ELSE 'login' END "
			  "FROM pg_roles r WHERE r.rolname = ?1",
			  login, 0, &kind, err);

	if (rc)
		return rc;
	*exists = kind != NULL;
	if (kind && strcmp(kind, "login"))
		rc = beter_err_set(err, BETER_FAIL,
				   !strcmp(kind, "nologin") ? _("--login: the role '%s' exists and cannot log in; choose another "
							       "login name")
				   : _("--login: the role '%s' owns the store or bypasses row-level security, so the server "
				       "would not limit what it reads; choose another login name"),
				   login);
	free(kind);
	return rc;
}

/* The group roles of the person: every login is a leraar; a schoolcoach by
 * role or in a team, a schoolleider by role. */
static int group_roles(struct store *db, int64_t person, int *coach, int *leader, struct beter_err *err)
{
	char *r;
	int rc = one_text(db,
			  "SELECT p.role || CASE WHEN EXISTS (SELECT 1 FROM team_member m WHERE m.person_id = p.id "
			  "AND m.role = 'schoolcoach') THEN ' schoolcoach' ELSE '' END FROM person p WHERE p.id = ?1",
			  NULL, person, &r, err);

	if (rc)
		return rc;
	*coach = r && strstr(r, "schoolcoach") != NULL;
	*leader = r && !strncmp(r, "schoolleider", 12);
	free(r);
	return 0;
}

/* Making roles and members of roles: a superuser's or CREATEROLE's work. */
static int may_grant(struct store *db, struct beter_err *err)
{
	char *ok;
	int rc = one_text(db, "SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)",
			  NULL, 0, &ok, err);

	if (!rc && !ok)
		rc = beter_err_set(err, BETER_FAIL, _("logins are made by a role with CREATEROLE (or a superuser); "
						      "connect as one, e.g. the store's owner given CREATEROLE"));
	free(ok);
	return rc;
}

static int membership(struct store *db, const char *group, int on, const char *login, struct beter_err *err)
{
	return run(db, store_sqlf(on ? "GRANT \"%w\" TO \"%w\"" : "REVOKE \"%w\" FROM \"%w\"", group, login), err);
}

int person_login_grant(struct store *db, int64_t person, const char *login, char **roles, struct beter_err *err)
{
	char *owner = NULL, *dbname = NULL;
	int rc, exists, coach, leader;

	*roles = NULL;
	if (!store_on_pg(db))
		return beter_err_set(err, BETER_FAIL, _("logins are for a PostgreSQL store (--db postgresql://...): "
						       "this store is a SQLite file, whose readers see all of it"));
	if (!person_login_valid(login))
		return beter_err_set(err, BETER_USAGE, _("--login: '%s' is not a login name (lowercase letters, digits "
							 "and _, not starting with a digit, at most 63)"), login);
	if ((rc = one_text(db, "SELECT to_regclass('public.beter_login')::text", NULL, 0, &owner, err)))
		return rc;
	if (!owner)
		return beter_err_set(err, BETER_FAIL, _("the store has no table beter_login: it was made "
							"by a beter without logins"));
	free(owner);
	if ((rc = one_text(db, "SELECT p.code FROM beter_login l JOIN person p ON p.id = l.person_id "
			       "WHERE l.login = ?1 AND l.person_id <> ?2", login, person, &owner, err)))
		return rc;
	if (owner) {
		rc = beter_err_set(err, BETER_FAIL, _("--login: '%s' is the login of %s already (revoke it there first: "
						      "beter person grant %s --login %s --revoke)"), login, owner, owner, login);
		free(owner);
		return rc;
	}
	if ((rc = may_grant(db, err)) || (rc = check_role(db, login, &exists, err)) ||
	    (rc = group_roles(db, person, &coach, &leader, err)) ||
	    (rc = one_text(db, "SELECT current_database()", NULL, 0, &dbname, err)))
		return rc;
	if ((!exists && (rc = run(db, store_sqlf("CREATE ROLE \"%w\" LOGIN", login), err))) ||
	    (rc = membership(db, "beter_leraar", 1, login, err)) ||
	    (rc = membership(db, "beter_schoolcoach", coach, login, err)) ||
	    (rc = membership(db, "beter_schoolleider", leader, login, err)) ||
	    (rc = run(db, store_sqlf("GRANT CONNECT ON DATABASE \"%w\" TO \"%w\"", dbname, login), err)))
		goto out;
	struct store_stmt *st;
	if ((rc = store_prepare(db, "INSERT OR IGNORE INTO beter_login(login, person_id) VALUES (?1, ?2)", &st, err)))
		goto out;
	store_bind_text(st, 1, login);
	store_bind_int(st, 2, person);
	if ((rc = store_step_done(db, st, N_("recording the login"), err)))
		goto out;
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "beter_leraar");
	if (coach)
		strbuf_adds(&sb, ", beter_schoolcoach");
	if (leader)
		strbuf_adds(&sb, ", beter_schoolleider");
	*roles = strbuf_detach(&sb);
out:
	free(dbname);
	return rc;
}

int person_login_revoke(struct store *db, int64_t person, const char *code, const char *login, struct beter_err *err)
{
	char *dbname = NULL, *found = NULL;
	int rc;

	if (!store_on_pg(db))
		return beter_err_set(err, BETER_FAIL, _("logins are for a PostgreSQL store (--db postgresql://...): "
						       "this store is a SQLite file, whose readers see all of it"));
	if (!person_login_valid(login))
		return beter_err_set(err, BETER_USAGE, _("--login: '%s' is not a login name (lowercase letters, digits "
							 "and _, not starting with a digit, at most 63)"), login);
	if ((rc = one_text(db, "SELECT login::text FROM beter_login WHERE login = ?1 AND person_id = ?2", login, person,
			   &found, err)))
		return rc;
	if (!found)
		return beter_err_set(err, BETER_FAIL, _("--login: %s has no login '%s'"), code, login);
	free(found);
	if ((rc = may_grant(db, err)) || (rc = one_text(db, "SELECT current_database()", NULL, 0, &dbname, err)))
		return rc;
	if ((rc = run(db, store_sqlf("DELETE FROM beter_login WHERE login = %Q", login), err)) ||
	    (rc = membership(db, "beter_leraar", 0, login, err)) ||
	    (rc = membership(db, "beter_schoolcoach", 0, login, err)) ||
	    (rc = membership(db, "beter_schoolleider", 0, login, err)))
		goto out;
	rc = run(db, store_sqlf("REVOKE CONNECT ON DATABASE \"%w\" FROM \"%w\"", dbname, login), err);
out:
	free(dbname);
	return rc;
}
