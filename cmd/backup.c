/* beter backup: a consistent copy of the live store. */
#include "beter/backup.h"
#include "beter/i18n.h"
#include "beter/store.h"
#include "cmd.h"

static const struct opt backup_opts[] = { OPT_END };

static int run_backup(struct ctx *c, struct optparse *p)
{
	int rc;

	if ((rc = cmd_parse(c, p, NULL, 1, 1, N_("the backup file"))))
		return rc;
	if ((rc = store_need_owner(c->db, "backup", &c->err)))
		return rc;
	rc = store_on_pg(c->db) ? backup_write_pg(c->db_path, p->args[0], &c->err) : backup_write(c->db, p->args[0], &c->err);
	if (rc)
		return rc;
	cmd_note(c, _("backed up the store to '%s'"), p->args[0]);
	return 0;
}

static const struct subcmd backup_subs[] = {
	{ "", "FILE", N_("copy the store to FILE while it is in use"), backup_opts, run_backup, 0, NULL },
	{ 0 }
};

const struct command_def def_backup = {
	.description =
		N_("Copies the store to FILE through SQLite's backup API: the copy is the store as it was at one moment, "
		"even while other beter commands go on writing. The copy is written to a temporary file beside FILE "
		"(FILE.beter-tmp-XXXXXX, mode 0600; one that a killed backup left is removed by the next backup to FILE), synced to disk and then renamed to FILE, so FILE is always either the previous backup or "
		"a complete new one. The copy is a store itself: use it with --db FILE, check it with "
		"'beter --db FILE check'. "
		"A PostgreSQL store is copied by pg_dump in its custom format (pg_dump -Fc; the program must be installed: "
		"Debian's postgresql-client), the database as it was at one moment, through the same temporary file "
		"and rename; restore it into an empty database with pg_restore -d DBNAME FILE. Only the store's owner (the "
		"role that ran 'beter init') or a superuser backs it up: a person's login reads only part of the store "
		"and is told so (exit 1)."),
	.subs = backup_subs,
	.examples = N_("beter backup /srv/backup/beter-$(date +%F).db"),
};
