/* libFuzzer target: a form tool's CSV export imported into a survey of the
 * lesson feedback instrument (lib/survey.c), in an in-memory store, rolled
 * back after every input. Every response written must have as many answer
 * bytes as the instrument has Likert items. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"

#include "beter/survey.h"
#include "beter/util.h"
#include "beter/store_sqlite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *db;
static int64_t survey;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct beter_err err = { 0 };
	struct survey_import_opts o = { 0 };
	struct survey_import_stats st;
	struct strbuf notes = STRBUF_INIT;

	if (!db) {
		struct survey_add_opts a = { .instrument = "lesfeedback-leerlingen", .wave = "fuzz" };
		db = fuzz_store();
		if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK || survey_add(db, 1, &a, &survey, &err) != 0 ||
		    sqlite3_exec(store_sqlite(db), "COMMIT", NULL, NULL, NULL) != STORE_OK)
			abort();
	}
	if (sqlite3_exec(store_sqlite(db), "BEGIN", NULL, NULL, NULL) != STORE_OK)
		abort();
	if (survey_import(db, survey, fuzz_file(data, size), &o, &st, &notes, &err) == 0 &&
	    store_int(db, "SELECT count(*) FROM survey_response WHERE length(answers) <> "
			  "(SELECT count(*) FROM survey_item WHERE pos IS NOT NULL AND instrument_id = "
			  "(SELECT instrument_id FROM survey))", -1) != 0)
		__builtin_trap();
	strbuf_release(&notes);
	sqlite3_exec(store_sqlite(db), "ROLLBACK", NULL, NULL, NULL);
	if (!sqlite3_get_autocommit(store_sqlite(db)))
		abort();
	return 0;
}
