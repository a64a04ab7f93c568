#include "beter/school.h"

#include <string.h>
#include <strings.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

int school_sector_valid(const char *sector)
{
	return sector && (!strcasecmp(sector, "po") || !strcasecmp(sector, "vo") || !strcasecmp(sector, "mbo") ||
			  !strcasecmp(sector, "so"));
}

int school_add(struct store *db, const char *name, const char *brin, const char *sector, int64_t *id,
	       struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], today[11];
	int rc;

	if (str_blank(name) || !utf8_valid(name, strlen(name), NULL))
		return beter_err_set(err, BETER_DATAERR, _("--school: a school needs a name"));
	if (sector && !school_sector_valid(sector))
		return beter_err_set(err, BETER_DATAERR, _("--sector: unknown sector '%s' (use po, vo, mbo or so)"), sector);
	if (brin) {
		size_t n = strlen(brin);
		int ok = n == 4 || n == 6;
		for (size_t i = 0; ok && i < n; i++)
			ok = (brin[i] >= '0' && brin[i] <= '9') || (brin[i] >= 'A' && brin[i] <= 'Z') ||
			     (brin[i] >= 'a' && brin[i] <= 'z');
		if (!ok)
			return beter_err_set(err, BETER_DATAERR,
					     _("--brin: '%s' is not a BRIN code (4 letters or digits, e.g. 12AB, "
					       "or 6 with the location number)"), brin);
	}
	if ((rc = store_prepare(db, "INSERT INTO school(uid, name, brin, sector, created) VALUES (?1, ?2, upper(?3), lower(?4), ?5)",
				&st, err)))
		return rc;
	uid_new(uid);
	date_format(date_today(), today);
	store_bind_text(st, 1, uid);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, brin);
	store_bind_text(st, 4, sector);
	store_bind_text(st, 5, today);
	rc = store_step(st);
	store_finalize(st);
	if (rc != STORE_DONE) {
		if ((rc & 0xff) == STORE_CONSTRAINT)
			return brin ? beter_err_set(err, BETER_DATAERR,
						    _("a school named '%s' or with BRIN '%s' is already in the store"), name, brin)
				    : beter_err_set(err, BETER_DATAERR, _("a school named '%s' is already in the store"), name);
		return store_fail(db, rc, err, N_("adding the school"));
	}
	if (id)
		*id = store_last_id(db);
	return 0;
}

int school_resolve(struct store *db, const char *which, int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, n = 0;

	if (which && *which) {
		/* id = ?2 lets each term find its row through an index, not
		 * a scan of every school; the CAST keeps '03' from naming 3 */
		int64_t no;
		if ((rc = store_prepare(db, "SELECT id FROM school WHERE name = ?1 COLLATE NOCASE OR brin = ?1 COLLATE NOCASE OR (id = ?2 AND CAST(id AS TEXT) = ?1) "
					    "ORDER BY name = ?1 COLLATE NOCASE DESC LIMIT 1", &st, err)))
			return rc;
		store_bind_text(st, 1, which);
		if (parse_int64(which, &no) == 0)
			store_bind_int(st, 2, no);
		if ((rc = store_step(st)) == STORE_ROW) {
			*id = store_col_int(st, 0);
			store_finalize(st);
			return 0;
		}
		store_finalize(st);
		if (rc != STORE_DONE)
			return store_fail(db, rc, err, N_("finding the school"));
		return beter_err_set(err, BETER_FAIL, _("no school named '%s' (see 'beter school list')"), which);
	}
	if ((rc = store_prepare(db, "SELECT id FROM school ORDER BY id LIMIT 2", &st, err)))
		return rc;
	/* Every command resolves its school before it reads anything else; the
	 * steps are checked here, not through store_next, so that the read
	 * fault of $BETER_TEST_READ_ERROR counts only the command's own rows. */
	while ((rc = store_step(st)) == STORE_ROW) {
		if (n++ == 0)
			*id = store_col_int(st, 0);
	}
	store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(db, rc, err, N_("finding the school"));
	if (n == 0)
		return beter_err_set(err, BETER_FAIL, _("the store has no school yet; create one with 'beter init --school NAME'"));
	if (n > 1)
		return beter_err_set(err, BETER_USAGE,
				     _("the store holds several schools; name one with --school (see 'beter school list')"));
	return 0;
}

static const struct out_col school_cols[] = {
	{ N_("id"), OUT_T_INT },     { N_("name"), OUT_T_TEXT },   { N_("brin"), OUT_T_TEXT },
	{ N_("sector"), OUT_T_TEXT }, { N_("people"), OUT_T_INT }, { N_("teams"), OUT_T_INT },
};

static const char school_sql[] =
	"SELECT s.id, s.name, s.brin, s.sector, "
	"(SELECT count(*) FROM person p WHERE p.school_id = s.id), "
	"(SELECT count(*) FROM team t WHERE t.school_id = s.id) FROM school s";

static void school_row(struct out *o, struct store_stmt *st)
{
	out_int(o, store_col_int(st, 0));
	out_text(o, store_col(st, 1));
	out_text(o, store_col(st, 2));
	out_text(o, store_col(st, 3));
	out_int(o, store_col_int(st, 4));
	out_int(o, store_col_int(st, 5));
}

int school_list(struct store *db, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	struct strbuf sql = STRBUF_INIT;
	strbuf_addf(&sql, "%s ORDER BY s.name COLLATE NOCASE, s.id", school_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	out_list(o, school_cols, sizeof(school_cols) / sizeof(*school_cols));
	while (store_next(db, st, &rc, N_("listing schools"), err)) {
		school_row(o, st);
		out_row_end(o);
	}
	store_finalize(st);
	if (!rc)
		out_end(o);
	return rc;
}

int school_show(struct store *db, int64_t id, struct out *o, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s WHERE s.id = ?1", school_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	store_bind_int(st, 1, id);
	if (!store_next(db, st, &rc, N_("showing the school"), err)) {
		store_finalize(st);
		return rc ? rc : beter_err_set(err, BETER_FAIL, _("no school with number %lld"), (long long)id);
	}
	out_record(o, school_cols, sizeof(school_cols) / sizeof(*school_cols));
	school_row(o, st);
	out_end(o);
	store_finalize(st);
	return 0;
}
