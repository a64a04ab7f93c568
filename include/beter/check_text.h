/* check_text.h - the check's rules on stored text (lib/check_text.c): valid
 * UTF-8 in every text value of every table, valid JSON in every column the
 * schema checks with json_valid(col). */
#ifndef BETER_CHECK_TEXT_H
#define BETER_CHECK_TEXT_H

#include "beter/check.h"
#include "beter/schema.h"

struct store;
struct store_stmt;

/* Check the text and JSON of every row of t in one pass; rec is the SQL
 * naming a row of t (aliased c). Reports each bad row (check "text" or
 * "json", the table, the row, the column) and returns how many. people:
 * the problems in the interface language (CHECK_FOR_PEOPLE), else English. */
long check_text_table(struct store *db, const struct schema_table *t, const char *rec, int people, check_report_fn *fn,
		      void *arg);

/* Every stored document that is valid JSON parses as what it is (a survey
 * instrument, a phase model), as the reports
 * read it; reports each that does not (check "document") and returns how
 * many. */
long check_documents(struct store *db, const struct schema *s, int people, check_report_fn *fn, void *arg);

#endif
