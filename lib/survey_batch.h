/* survey_batch.h - the responses and free texts of an import into an empty
 * survey, stored many rows to a statement (survey_import_batch.c). */
#ifndef BETER_SURVEY_BATCH_H
#define BETER_SURVEY_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/util.h"

struct store;
struct store_stmt;

/* rows (and texts) per INSERT statement */
#define BATCH_ROWS 32

struct batch_row {
	char uid[33];
	int64_t team;         /* 0: none */
	const char *rater;    /* NULL: none; else the instrument's own string */
	char respondent[65];  /* "": none */
	int64_t n;            /* n_answers */
	size_t answers;       /* offset of the answers (or the sealed box) in adata */
	size_t alen;
};

struct batch_text {
	char uid[33];
	int64_t response;     /* the response's id once its row is stored */
	int row;              /* the row in rows[] until then */
	int64_t item;
	size_t text, len;     /* offset and length in tdata */
};

struct batch {
	struct store *db;
	int64_t survey;
	struct store_stmt *rins, *tins; /* BATCH_ROWS rows, BATCH_ROWS texts */
	struct batch_row rows[BATCH_ROWS];
	int nrows;
	struct batch_text *texts;
	size_t ntexts, ndone, tcap;     /* texts[0..ndone) have their response */
	struct strbuf adata, tdata;     /* the answers of the rows, the texts waiting */
};

void batch_init(struct batch *b, struct store *db, int64_t survey);
void batch_release(struct batch *b);

/* A row to store (uid: 32 characters; respondent: NULL or 64): answers (or a
 * sealed box) of alen bytes; returns the row
 * for batch_add_text. Stores the rows waiting first when the batch is full. */
int batch_add_row(struct batch *b, const char *uid, int64_t team, const char *rater, const char *respondent,
		  int64_t n, const unsigned char *answers, size_t alen, struct batch_row **row, struct beter_err *err);

/* A free text of the row just added, with its uid (32 characters). */
void batch_add_text(struct batch *b, const char *uid, int64_t item, const char *text, size_t len);

/* Store everything still waiting. */
int batch_finish(struct batch *b, struct beter_err *err);

#endif
