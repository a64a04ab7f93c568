/* store_owner.c - the commands that read every row of a PostgreSQL store
 * (export, backup) are the owner's: a login reads only what its role may
 * (share/sql/pg/security.sql), and never the survey answers of each
 * respondent, so it is told whose command it is instead of a server error. */
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/util.h"

int store_need_owner(struct store *db, const char *command, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if (!store_on_pg(db))
		return 0;
	if ((rc = store_prepare(db, "SELECT CASE WHEN beter_compat.beter_owns() THEN 1 ELSE 0 END, current_user", &st,
				err)))
		return rc;
	if ((rc = store_step(st)) != STORE_ROW) {
		store_finalize(st);
		return store_fail(db, rc, err, N_("reading who is logged in"));
	}
	rc = 0;
	if (!store_col_int(st, 0))
		/* TRANSLATORS: %1$s a command (export), %2$s the login's name */
		rc = beter_err_set(err, BETER_FAIL, _("'beter %s' reads the whole store, which only its owner (the role that "
				   "ran 'beter init') and superusers read; you are logged in as '%s': ask the owner to run "
				   "it"), command, store_col_text(st, 1));
	store_finalize(st);
	return rc;
}
