/* libFuzzer target: 'beter import' of a JSON document into a store with a
 * school, a person and a team (so that links can resolve), rolled back
 * after every input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "beter/exchange.h"
#include "beter/store.h"
#include "beter/store_sqlite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;

static void setup(void)
{
	struct beter_err err = { 0 };
	if (store_open(":memory:", STORE_MEMORY, &db, &err) != 0)
		abort();
	if (sqlite3_exec(store_sqlite(db),
			 "INSERT INTO school(uid, name, created) VALUES ('00000000000000000000000000000001', 'S', '2026-11-20');"
			 "INSERT INTO person(uid, school_id, code, name, role) VALUES "
			 "('00000000000000000000000000000002', 1, 'JDV', 'Jan', 'leraar');"
			 "INSERT INTO team(uid, school_id, name) VALUES ('00000000000000000000000000000003', 1, 'T');",
			 NULL, NULL, NULL) != STORE_OK)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct exchange_stats st;

	if (!db)
		setup();
	if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK)
		abort();
	exchange_import_mem(db, "fuzz.json", (const char *)data, size, &st, &err);
	exchange_stats_release(&st);
	sqlite3_exec(store_sqlite(db), "ROLLBACK", NULL, NULL, NULL);
	if (!sqlite3_get_autocommit(store_sqlite(db)))
		abort();
	return 0;
}
