/* libFuzzer target: a pupil tracking system's export imported into the
 * datamuur of a period (lib/wall_import.c), in an in-memory store, rolled
 * back after every input. No value written may stand for fewer than 5
 * pupils, and no percentage may leave 0-100. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"

#include "beter/period.h"
#include "beter/util.h"
#include "beter/store_sqlite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;
static int64_t period;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct wall_import_stats st;
	struct strbuf notes = STRBUF_INIT;

	if (!db) {
		db = fuzz_store();
		if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK ||
		    period_add(db, 1, "Begrijpend lezen", 0, 0, 0, &period, &err) != 0 ||
		    sqlite3_exec(store_sqlite(db), "COMMIT", NULL, NULL, NULL) != STORE_OK)
			abort();
	}
	if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK)
		abort();
	if (wall_import(db, period, fuzz_file(data, size), NULL, 0, &st, &notes, &err) == 0 &&
	    store_int(db, "SELECT count(*) FROM wall_value WHERE (n IS NOT NULL AND n < 5) OR "
			  "(unit = '%' AND value NOT BETWEEN 0 AND 100)", -1) != 0)
		__builtin_trap();
	strbuf_release(&notes);
	sqlite3_exec(store_sqlite(db), "ROLLBACK", NULL, NULL, NULL);
	return 0;
}
