#include "beter/person.h"

#include <ctype.h>
#include <string.h>

#include "beter/csvin.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/team.h"
#include "beter/util.h"
#include "beter/i18n.h"

const char *const person_roles[] = { "leraar", "schoolcoach", "schoolleider", "expertcoach", "ib", "mt", "other",
				     NULL };

#define NAME_MAX_BYTES 200

int person_code_valid(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	if (n < 2 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)code[i]))
			return 0;
	return 1;
}

int person_role_valid(const char *role)
{
	for (const char *const *r = person_roles; role && *r; r++)
		if (!strcmp(role, *r))
			return 1;
	return 0;
}

const char *person_role_normalise(const char *in, char *buf, size_t size)
{
	static const char *const syn[][2] = {
		{ "docent", "leraar" },       { "leerkracht", "leraar" }, { "teacher", "leraar" },
		{ "directeur", "schoolleider" }, { "intern begeleider", "ib" }, { "overig", "other" },
	};
	snprintf(buf, size, "%s", in);
	str_lower(str_trim(buf));
	for (size_t i = 0; i < sizeof(syn) / sizeof(*syn); i++)
		if (!strcmp(buf, syn[i][0]))
			return syn[i][1];
	return buf;
}

int person_validate(const char *code, const char *name, const char *role, struct beter_err *err)
{
	if (!person_code_valid(code))
		return beter_err_set(err, BETER_DATAERR, _("code: '%s' is not a person code (2-8 letters or digits, e.g. JDV)"),
				     code ? code : "");
	if (str_blank(name))
		return beter_err_set(err, BETER_DATAERR, _("name: missing (every person needs a name)"));
	if (!utf8_valid(name, strlen(name), NULL))
		return beter_err_set(err, BETER_DATAERR, _("name: not valid UTF-8"));
	if (strlen(name) > NAME_MAX_BYTES)
		return beter_err_set(err, BETER_DATAERR, _("name: longer than %d bytes"), NAME_MAX_BYTES);
	if (!person_role_valid(role))
		return beter_err_set(err, BETER_DATAERR, _("role: unknown role '%s' (use leraar, schoolcoach, schoolleider, expertcoach, ib, mt or other)"), role ? role : "");
	return 0;
}

int person_add(struct store *db, int64_t school, const char *code, const char *name, const char *role, int64_t *id,
	       struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], rolebuf[64];
	int rc;

	if (role)
		role = person_role_normalise(role, rolebuf, sizeof(rolebuf));
	if ((rc = person_validate(code, name, role, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO person(uid, school_id, code, name, role) VALUES (?1, ?2, upper(?3), ?4, ?5)",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, school);
	store_bind_text(st, 3, code);
	store_bind_text(st, 4, name);
	store_bind_text(st, 5, role);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("code: '%s' is already taken (see 'beter person show %s')"), code,
				     code);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("adding the person"));
	if (id)
		*id = store_last_id(db);
	return 0;
}

int person_find(struct store *db, int64_t school, const char *code, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id FROM person WHERE school_id = ?1 AND code = ?2 COLLATE NOCASE", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, code);
	rc = store_step(st);
	if (rc == STORE_ROW)
		*id = store_col_int(st, 0);
	store_finalize(st);
	if (rc == STORE_ROW)
		return 0;
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("finding the person"));
	return beter_err_set(err, BETER_FAIL, _("no person with code '%s' (see 'beter person list')"), code ? code : "");
}

int person_edit(struct store *db, int64_t id, const char *code, const char *name, const char *role,
		struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if (code && !person_code_valid(code))
		return beter_err_set(err, BETER_DATAERR, _("--code: '%s' is not a person code (2-8 letters or digits)"), code);
	if (name && str_blank(name))
		return beter_err_set(err, BETER_DATAERR, _("--name: missing (only white space); every person needs a name"));
	if (name && (!utf8_valid(name, strlen(name), NULL) || strlen(name) > NAME_MAX_BYTES))
		return beter_err_set(err, BETER_DATAERR, _("--name: a name must be 1-%d bytes of UTF-8"), NAME_MAX_BYTES);
	char rolebuf[64];
	const char *given = role;
	if (role)
		role = person_role_normalise(role, rolebuf, sizeof(rolebuf));
	if (role && !person_role_valid(role))
		return beter_err_set(err, BETER_DATAERR, _("--role: unknown role '%s' (use leraar, schoolcoach, schoolleider, expertcoach, ib, mt or other)"), given);
	if ((rc = store_prepare(db, "UPDATE person SET code = coalesce(upper(?2), code), name = coalesce(?3, name), "
				    "role = coalesce(?4, role) WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	store_bind_text(st, 2, code);
	store_bind_text(st, 3, name);
	store_bind_text(st, 4, role);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_DATAERR, _("--code: '%s' is already taken"), code ? code : "");
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("changing the person"));
	return 0;
}

int person_rm(struct store *db, int64_t id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "DELETE FROM person WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	rc = store_step(st);
	store_finalize(st);
	if ((rc & 0xff) == STORE_CONSTRAINT)
		return beter_err_set(err, BETER_FAIL,
				     _("the person still has records (visits, actions, goals, ...) that refer to them; "
				       "they cannot be removed, but their role can be set to 'other'"));
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("removing the person"));
	return 0;
}

static const struct out_col person_cols[] = {
	{ N_("id"), OUT_T_INT }, { N_("code"), OUT_T_TEXT }, { N_("name"), OUT_T_TEXT }, { N_("role"), OUT_T_TEXT }, { N_("teams"), OUT_T_TEXT },
};
#define NPERSON_COLS (sizeof(person_cols) / sizeof(*person_cols))

static const char person_sql[] =
	"SELECT p.id, p.code, p.name, p.role, "
	"(SELECT group_concat(name, '|') FROM (SELECT t.name FROM team_member m JOIN team t ON t.id = m.team_id "
	"  WHERE m.person_id = p.id ORDER BY t.name COLLATE NOCASE)) FROM person p";

/* A role as a person reads it: the roles are Dutch words but for "other",
 * translated in a Dutch table, html or md page (JSON, CSV and TSV keep it). */
static const char *role_word(const struct out *o, const char *role)
{
	if (role && !strcmp(role, "other") && o->nl && (o->fmt == OUT_TABLE || o->fmt == OUT_HTML || o->fmt == OUT_MD))
		return _("other");
	return role;
}

static void person_row(struct out *o, struct store_stmt *st)
{
	out_int(o, store_col_int(st, 0));
	for (int i = 1; i < 3; i++)
		out_text(o, store_col(st, i));
	out_text(o, role_word(o, store_col(st, 3)));
	/* the teams, by name: a list (a JSON array) */
	out_text_list(o, store_col_null(st, 4) ? "" : store_col(st, 4), '|');
}

int person_list(struct store *db, int64_t school, const struct person_filter *f, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int64_t team = 0;
	int rc;

	if (f && f->team && (rc = team_find(db, school, f->team, &team, err)))
		return rc;
	char rolebuf[64];
	const char *role = f && f->role ? person_role_normalise(f->role, rolebuf, sizeof(rolebuf)) : NULL;
	if (role && !person_role_valid(role))
		return beter_err_set(err, BETER_DATAERR, _("--role: unknown role '%s' (use leraar, schoolcoach, schoolleider, expertcoach, ib, mt or other)"), f->role);
	strbuf_addf(&sql, "%s WHERE p.school_id = ?1 AND (?2 IS NULL OR p.role = ?2) AND (?3 = 0 OR EXISTS "
			  "(SELECT 1 FROM team_member m WHERE m.person_id = p.id AND m.team_id = ?3)) ORDER BY p.code",
		    person_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, role);
	store_bind_int(st, 3, team);
	out_list(o, person_cols, NPERSON_COLS);
	while (store_next(db, st, &rc, N_("listing people"), err)) {
		person_row(o, st);
		out_row_end(o);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}

int person_show(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s WHERE p.id = ?1", person_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, id);
	if (!store_next(db, st, &rc, N_("showing the person"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no person with number %lld"), (long long)id);
	}
	out_record(o, person_cols, NPERSON_COLS);
	person_row(o, st);
	out_end(o);
	store_finalize(st);
	return 0;
}

/* Note the code of this roster line; an error when an earlier line had it. */
static int code_seen(struct store *db, struct csvin *r, struct store_stmt *seen, const char *code, int ccode,
		     struct beter_err *err)
{
	int64_t first = 0;
	struct store_stmt *q;
	int rc;

	store_reset(seen);
	store_bind_text(seen, 1, code);
	store_bind_int(seen, 2, csvin_line(r));
	/* ignored, not refused: PostgreSQL would end the transaction at a clash */
	if ((rc = store_step(seen)) != STORE_DONE)
		return store_fail(db, rc, err, N_("reading the roster"));
	if (store_changes(db) > 0)
		return 0;
	/* the first line only makes the message clearer: a failed read leaves 0 */
	if (!store_prepare(db, "SELECT line FROM temp.roster_seen WHERE code = ?1", &q, NULL)) {
		store_bind_text(q, 1, code);
		if (store_step(q) == STORE_ROW)
			first = store_col_int(q, 0);
		store_finalize(q);
	}
	return csvin_error(r, (size_t)ccode, _("code: duplicate code '%s' (also on line %lld)"), code, (long long)first);
}

/* The roster's columns (-1: absent). */
struct roster_cols {
	int code, name, first, mid, last, role, team;
};

/* The name of a roster row: the name column, else voornaam, tussenvoegsel
 * and achternaam as a Dutch reader writes them ("Jan de Vries"). */
static char *row_name(struct csvin *r, const struct roster_cols *c)
{
	struct strbuf sb = STRBUF_INIT;
	const int parts[] = { c->first, c->mid, c->last };

	if (c->name >= 0) {
		char *name = str_trim(xstrdup(csvin_field(r, (size_t)c->name)));
		if (*name || (c->first < 0 && c->last < 0))
			return name;
		free(name);
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (parts[i] < 0)
			continue;
		char *p = str_trim(xstrdup(csvin_field(r, (size_t)parts[i])));
		if (*p)
			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", p);
		free(p);
	}
	return strbuf_detach(&sb);
}

/* One roster row: upsert the person, then their team memberships. */
static int import_row(struct store *db, int64_t school, struct csvin *r, const struct roster_cols *c,
		      struct store_stmt *seen, struct import_stats *stats, struct beter_err *err)
{
	char rolebuf[64];
	int ccode = c->code, crole = c->role, cteam = c->team;
	int cname = c->name >= 0 ? c->name : c->last >= 0 ? c->last : c->first;
	char *code = str_upper(str_trim(xstrdup(csvin_field(r, (size_t)ccode))));
	char *name = row_name(r, c);
	const char *role = person_role_normalise(csvin_field(r, (size_t)crole), rolebuf, sizeof(rolebuf));
	struct store_stmt *st = NULL;
	int64_t pid = 0;
	int rc = 0;

	if (!person_code_valid(code)) {
		rc = csvin_error(r, (size_t)ccode, _("code: '%s' is not a person code (2-8 letters or digits, e.g. JDV)"), code);
		goto out;
	}
	if (!*name) {
		rc = csvin_error(r, (size_t)cname, _("name: missing (every person needs a name)"));
		goto out;
	}
	if (strlen(name) > NAME_MAX_BYTES) {
		rc = csvin_error(r, (size_t)cname, _("name: longer than %d bytes"), NAME_MAX_BYTES);
		goto out;
	}
	if (!person_role_valid(role)) {
		rc = csvin_error(r, (size_t)crole, _("role: unknown role '%s' (use leraar, schoolcoach, schoolleider, expertcoach, ib, mt or other)"),
				 csvin_field(r, (size_t)crole));
		goto out;
	}
	/* a code twice in one file is a mistake, not an update */
	if ((rc = code_seen(db, r, seen, code, ccode, err)))
		goto out;

	if ((rc = store_prepare(db, "SELECT id, name, role FROM person WHERE school_id = ?1 AND code = ?2 COLLATE NOCASE", &st, err)))
		goto out;
	store_bind_int(st, 1, school);
	store_bind_text(st, 2, code);
	if (store_next(db, st, &rc, N_("reading the person"), err)) {
		pid = store_col_int(st, 0);
		int same = !strcmp(store_col_text(st, 1), name) && !strcmp(store_col_text(st, 2), role);
		store_finalize(st);
		st = NULL;
		if (!same) {
			if ((rc = person_edit(db, pid, NULL, name, role, err)))
				goto out;
			stats->updated++;
		}
	} else {
		store_finalize(st);
		st = NULL;
		if (rc)
			goto out;
		if ((rc = person_add(db, school, code, name, role, &pid, err)))
			goto out;
		stats->added++;
	}

	if (cteam >= 0) {
		char *teams = xstrdup(csvin_field(r, (size_t)cteam));
		char *save = NULL;
		for (char *t = strtok_r(teams, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
			int64_t tid;
			int added;
			str_trim(t);
			if (!*t)
				continue;
			if (strlen(t) > 200) {
				rc = csvin_error(r, (size_t)cteam, _("team: name longer than 200 bytes"));
				break;
			}
			if (team_find(db, school, t, &tid, NULL) != 0 &&
			    (rc = team_add(db, school, t, team_kind_guess(t), &tid, err))) {
				csvin_err_prefix(r, (size_t)cteam, err);
				break;
			}
			if ((rc = team_member_add(db, tid, pid, NULL, &added, err)))
				break;
			stats->links += added;
		}
		free(teams);
	}
out:
	if (st)
		store_finalize(st);
	free(code);
	free(name);
	return rc;
}

int person_import(struct store *db, int64_t school, const char *path, const struct csvin_opts *in,
		  struct import_stats *stats, struct beter_err *err)
{
	static const char *const n_code[] = { "code", "afkorting", "personeelscode", "initialen", NULL };
	static const char *const n_name[] = { "name", "naam", "volledige naam", "full name", NULL };
	static const char *const n_first[] = { "voornaam", "roepnaam", "first name", "first_name", NULL };
	static const char *const n_mid[] = { "tussenvoegsel", "tussenvoegsels", "voorvoegsel", "prefix", NULL };
	static const char *const n_last[] = { "achternaam", "familienaam", "last name", "last_name", "surname",
					      NULL };
	static const char *const n_role[] = { "role", "rol", "functie", NULL };
	static const char *const n_team[] = { "team", "teams", NULL };
	struct csvin r;
	struct store_stmt *seen = NULL;
	struct roster_cols c;
	int rc;

	memset(stats, 0, sizeof(*stats));
	if ((rc = csvin_open_opts(&r, path, in, err)))
		return rc;
	rc = csvin_read(&r);
	if (rc <= 0) {
		if (rc == 0)
			beter_err_set(err, BETER_DATAERR, _("%s: the file is empty"), r.name);
		rc = err->status;
		goto done;
	}
	c.code = csvin_find(&r, n_code);
	c.name = csvin_find(&r, n_name);
	c.first = csvin_find(&r, n_first);
	c.mid = csvin_find(&r, n_mid);
	c.last = csvin_find(&r, n_last);
	c.role = csvin_find(&r, n_role);
	c.team = csvin_find(&r, n_team);
	if (c.code < 0 || (c.name < 0 && c.last < 0 && c.first < 0) || c.role < 0) {
		rc = beter_err_set(err, BETER_DATAERR, _("%s:%ld: the header needs the columns code, name (or voornaam, "
						       "tussenvoegsel and achternaam) and role%s (found: %s%s%s...)"),
				   r.name, csvin_line(&r), c.team < 0 ? _(" (and optionally team)") : "",
				   csvin_field(&r, 0), csvin_nfields(&r) > 1 ? ", " : "", csvin_field(&r, 1));
		goto done;
	}
	r.width = (int)csvin_nfields(&r);
	if ((rc = store_exec(db, "CREATE TEMP TABLE IF NOT EXISTS roster_seen(code TEXT PRIMARY KEY COLLATE NOCASE, line INTEGER);"
				 "DELETE FROM temp.roster_seen", err)))
		goto done;
	if ((rc = store_prepare(db, "INSERT OR IGNORE INTO temp.roster_seen(code, line) VALUES (?1, ?2)", &seen, err)))
		goto done;
	while ((rc = csvin_read(&r)) == 1) {
		stats->rows++;
		if ((rc = import_row(db, school, &r, &c, seen, stats, err)))
			goto done;
	}
	if (rc < 0)
		rc = err->status;
done:
	if (seen)
		store_finalize(seen);
	store_exec(db, "DROP TABLE IF EXISTS temp.roster_seen", NULL);
	csvin_close(&r);
	return rc;
}
