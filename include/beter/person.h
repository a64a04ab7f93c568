/* person.h - people: a short code per school (JDV), a name and a role. */
#ifndef BETER_PERSON_H
#define BETER_PERSON_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"

struct store;
struct store_stmt;

extern const char *const person_roles[]; /* NULL-terminated */

/* 2-8 letters or digits. */
int person_code_valid(const char *code);
int person_role_valid(const char *role);
/* A role as people write it: any case, surrounding blanks, and a few common
 * synonyms (docent, leerkracht, teacher: leraar; directeur: schoolleider;
 * intern begeleider: ib; overig: other). Returns the role to store, in buf or
 * a constant; check it with person_role_valid. Used by person add, edit and
 * list and by the roster import alike. */
const char *person_role_normalise(const char *in, char *buf, size_t size);

/* Checks code, name and role; what names the source ("--role", "roster.csv:3:3"). */
int person_validate(const char *code, const char *name, const char *role, struct beter_err *err);

int person_add(struct store *db, int64_t school, const char *code, const char *name, const char *role, int64_t *id,
	       struct beter_err *err);
/* BETER_FAIL with "no person with code ..." when absent. */
int person_find(struct store *db, int64_t school, const char *code, int64_t *id, struct beter_err *err);
/* Change what is given (NULL leaves a field as it is). */
int person_edit(struct store *db, int64_t id, const char *code, const char *name, const char *role,
		struct beter_err *err);
int person_rm(struct store *db, int64_t id, struct beter_err *err);

/* A login name as beter makes it a role: [a-z_][a-z0-9_]{0,62}. */
int person_login_valid(const char *login);
/* PostgreSQL only (BETER_FAIL on SQLite): the login role named login (made
 * when missing) becomes the person's, member of the group roles of their
 * roles (share/sql/pg/security.sql), may connect to the database, and is
 * recorded in beter_login. *roles: the group roles, malloc'd. In the
 * caller's transaction. */
int person_login_grant(struct store *db, int64_t person, const char *login, char **roles, struct beter_err *err);
/* Takes it back: out of beter_login, out of the group roles, no CONNECT; the
 * role itself stays (roles belong to the whole cluster). */
int person_login_revoke(struct store *db, int64_t person, const char *code, const char *login,
			struct beter_err *err);

struct person_filter {
	const char *team;  /* only members of this team */
	const char *role;  /* only this role */
};

int person_list(struct store *db, int64_t school, const struct person_filter *f, struct out *o,
		struct beter_err *err);
int person_show(struct store *db, int64_t id, struct out *o, struct beter_err *err);

struct import_stats {
	long rows;     /* data rows read */
	long added;    /* records added */
	long updated;  /* records changed */
	long links;    /* memberships or other links added */
};

struct csvin_opts;

/* Import a roster, CSV or .xlsx (columns code,name,role[,team]; teams split
 * by '|'; Dutch headers afkorting, naam, rol; instead of name voornaam,
 * tussenvoegsel and achternaam, composed as "Jan de Vries"). in (may be
 * NULL): the sheet and where a note goes. Runs in the caller's
 * transaction; on any bad row returns BETER_DATAERR with file:line:column
 * and the caller rolls back. */
int person_import(struct store *db, int64_t school, const char *path, const struct csvin_opts *in,
		  struct import_stats *st, struct beter_err *err);

#endif
