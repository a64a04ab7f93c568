/* beter import: merge a document from 'beter export' into the store. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/exchange.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "beter/store_new.h"
#include "cmd.h"

static const struct opt import_opts[] = { OPT_END };

/* One transaction: the document merged, or nothing (also on --dry-run). */
static int import_tx(struct ctx *c, struct store *db, const char *file, struct exchange_stats *st)
{
	int rc;

	memset(st, 0, sizeof(*st));
	if ((rc = store_begin(db, &c->err)))
		return rc;
	rc = exchange_import(db, file, st, &c->err);
	if (rc || c->dry_run)
		store_rollback(db);
	else
		rc = store_commit(db, &c->err);
	return rc;
}

/* A new store: built aside and put in place whole (store_new.h), so that a
 * kill leaves no store or all of it, and a store that another beter made at
 * the same path meanwhile is kept (STORE_NEW_EXISTS). */
static int import_new(struct ctx *c, const char *file, struct exchange_stats *st)
{
	struct store_new sn;
	struct store *db;
	int rc;

	memset(st, 0, sizeof(*st));
	if ((rc = store_new_begin(&sn, c->db_path, &db, &c->err)))
		return rc;
	rc = import_tx(c, db, file, st);
	if (rc || c->dry_run) {
		store_new_abort(&sn);
		return rc;
	}
	return store_new_finish(&sn, &c->err);
}

static int run_import(struct ctx *c, struct optparse *p)
{
	struct exchange_stats st;
	struct stat sb;
	const char *file;
	int rc;

	if ((rc = cmd_parse(c, p, NULL, 1, 1, N_("the file from 'beter export' (or - for stdin)"))))
		return rc;
	file = p->args[0];
	c->db_path = store_default_path(c->db_opt);
	rc = STORE_NEW_EXISTS;
	if (!store_pg_address(c->db_path) && stat(c->db_path, &sb) != 0 && errno == ENOENT) {
		rc = import_new(c, file, &st);
		if (rc == STORE_NEW_EXISTS) {
			exchange_stats_release(&st);
			if (!strcmp(file, "-"))
				return beter_err_set(&c->err, BETER_BUSY,
						     _("another beter created the store '%s' while this import ran; nothing "
						     "was written: import the document again to merge it into that store"),
						     c->db_path);
		}
	}
	if (rc == STORE_NEW_EXISTS) {
		/* the store exists (or appeared meanwhile): merge into it */
		if ((rc = store_open(c->db_path, STORE_CREATE, &c->db, &c->err)))
			return rc;
		rc = import_tx(c, c->db, file, &st);
	}
	if (!rc && !c->quiet)
		exchange_stats_out(&st, &c->out);
	if (!rc && c->dry_run)
		cmd_note(c, _("dry run: nothing was written"));
	exchange_stats_release(&st);
	return rc;
}

static const struct subcmd import_subs[] = {
	{ "", "FILE.json [--dry-run]", N_("merge a document from 'beter export' into the store"), import_opts, run_import, 0,
	  NULL },
	{ 0 }
};

const struct command_def def_import = {
	.description =
		N_("Reads a document written by 'beter export' (FILE, or - for stdin) and merges it into the store, all "
		"in one transaction. When the store does not exist yet it is created: export, import into a new store "
		"and export again gives the same bytes. A new store is built beside its path (PATH.beter-new-XXXXXX, mode 0600) "
		"and appears there only when it is whole, so an import that is killed leaves no store or all of it (and a temporary file that the next import or init "
		"of that path removes); "
		"when another beter creates the same store meanwhile, that store is kept and the document is merged into "
		"it (from stdin the import then stops with 75, having written nothing).\n\n"
		"Records are matched by uid, link tables (such as team members) by their key. A record that is not in "
		"the store is added; a record that is in both and differs takes the values from the file (the file "
		"wins); nothing is deleted. Importing the same file twice changes nothing. Record numbers are kept "
		"when a table was empty and never used; otherwise new records get the next free number. Two stores "
		"merge cleanly when their records came from one store; records made separately in each (the same "
		"person code added twice) clash on that code and are reported.\n\n"
		"Everything is checked before anything is kept: the format and its version, unknown tables and "
		"fields, the type of every value, links to uids that are in neither the file nor the store, and the "
		"rules of 'beter check'. A problem is reported as FILE: table 't', row 'uid': field 'f': reason, and "
		"the command exits with 65 having written nothing. --dry-run checks without writing.\n\n"
		"The file must be JSON as RFC 8259 defines it, read strictly as every JSON file beter reads: no "
		"comments, trailing commas, single quotes, NaN, leading zeros or raw control characters in strings, "
		"only valid escapes (surrogates in pairs) and no name twice in one object; a UTF-8 byte order mark at "
		"the start is skipped. A fault in the text is reported as FILE:LINE:COLUMN: reason.\n\n"
		"The file is read row by row, so memory stays small whatever its size, when it is laid out as 'beter "
		"export' writes it: the header before \"tables\", and a record after the records it links to. Other "
		"orders are read too; then the tables that come before the header, and rows that link to rows not read "
		"yet, wait in memory.\n\n"
		"The summary lists per table the rows read, added and changed."),
	.subs = import_subs,
	.examples = N_("beter import store.json\n"
		    "beter --db new.db import store.json\n"
		    "ssh laptop beter export | beter import --dry-run -"),
};
