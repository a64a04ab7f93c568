/* survey_import_batch.c - responses and free texts stored many rows to a
 * statement.
 *
 * Into an empty survey every row of a file is new, so nothing needs to be
 * looked up before it is stored. Each INSERT statement costs about as much
 * again as the row it stores (cursors on the table, its indexes and the
 * parents of its foreign keys, a statement savepoint, the AUTOINCREMENT
 * counter read and written back): rows and texts go BATCH_ROWS to a
 * statement. They are stored in the file's order, so they get the numbers
 * a statement per row would give them. */
#include "survey_batch.h"

#include <stdlib.h>
#include <string.h>

#include "beter/i18n.h"
#include "beter/store.h"

#define ROW_COLS 7
#define TEXT_COLS 4

void batch_init(struct batch *b, struct store *db, int64_t survey)
{
	memset(b, 0, sizeof(*b));
	b->db = db;
	b->survey = survey;
}

void batch_release(struct batch *b)
{
	store_finalize(b->rins);
	store_finalize(b->tins);
	free(b->texts);
	strbuf_release(&b->adata);
	strbuf_release(&b->tdata);
	memset(b, 0, sizeof(*b));
}

/* INSERT of n rows: the columns once, then n groups of ncols parameters */
static int prepare_n(struct batch *b, const char *head, int ncols, int n, const char *tail, struct store_stmt **st,
		     struct beter_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_adds(&sql, head);
	for (int r = 0; r < n; r++) {
		strbuf_adds(&sql, r ? ", (?" : " (?");
		for (int c = 1; c < ncols; c++)
			strbuf_adds(&sql, ", ?");
		strbuf_addc(&sql, ')');
	}
	strbuf_adds(&sql, tail);
	rc = store_prepare(b->db, strbuf_str(&sql), st, err);
	strbuf_release(&sql);
	return rc;
}

static int prepare_rows(struct batch *b, int n, struct store_stmt **st, struct beter_err *err)
{
	return prepare_n(b, "INSERT INTO survey_response(uid, survey_id, team_id, rater, respondent, n_answers, answers) "
			 "VALUES", ROW_COLS, n, " RETURNING id, uid", st, err);
}

static int prepare_texts(struct batch *b, int n, struct store_stmt **st, struct beter_err *err)
{
	return prepare_n(b, "INSERT INTO survey_text(uid, response_id, item_id, text) VALUES", TEXT_COLS, n, "", st, err);
}

/* Store texts[0..n) (each has its response) and keep the rest. */
static int flush_texts(struct batch *b, size_t n, struct beter_err *err)
{
	struct store_stmt *st = b->tins;
	int rc;

	if (!n)
		return 0;
	if (n != BATCH_ROWS && (rc = prepare_texts(b, (int)n, &st, err)))
		return rc;
	store_reset(st);
	for (size_t i = 0; i < n; i++) {
		const struct batch_text *t = &b->texts[i];
		int p = (int)i * TEXT_COLS;
		store_bind_textn(st, p + 1, t->uid, 32);
		store_bind_int(st, p + 2, t->response);
		store_bind_int(st, p + 3, t->item);
		store_bind_textn(st, p + 4, b->tdata.buf + t->text, t->len);
	}
	rc = store_step(st);
	if (st != b->tins)
		store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(b->db, rc, err, N_("storing a free-text answer"));

	/* keep the texts after the first n, their bytes at the front */
	struct strbuf rest = STRBUF_INIT;
	size_t k = 0;
	for (size_t i = n; i < b->ntexts; i++, k++) {
		b->texts[k] = b->texts[i];
		b->texts[k].text = rest.len;
		strbuf_add(&rest, b->tdata.buf + b->texts[i].text, b->texts[i].len);
	}
	strbuf_release(&b->tdata);
	b->tdata = rest;
	b->ndone -= n;
	b->ntexts = k;
	return 0;
}

static void bind_row(struct batch *b, struct store_stmt *st, int p, const struct batch_row *w)
{
	store_bind_textn(st, p + 1, w->uid, 32);
	store_bind_int(st, p + 2, b->survey);
	if (w->team)
		store_bind_int(st, p + 3, w->team);
	else
		store_bind_null(st, p + 3);
	store_bind_text(st, p + 4, w->rater);
	store_bind_text(st, p + 5, w->respondent[0] ? w->respondent : NULL);
	store_bind_int(st, p + 6, w->n);
	store_bind_blob(st, p + 7, w->alen ? b->adata.buf + w->answers : "", w->alen);
}

/* Store the rows waiting; their texts learn their response's id. */
static int flush_rows(struct batch *b, struct beter_err *err)
{
	struct store_stmt *st = b->rins;
	int64_t ids[BATCH_ROWS];
	int n = b->nrows, got = 0, rc;

	if (!n)
		return 0;
	if (n != BATCH_ROWS && (rc = prepare_rows(b, n, &st, err)))
		return rc;
	store_reset(st);
	for (int r = 0; r < n; r++)
		bind_row(b, st, r * ROW_COLS, &b->rows[r]);
	/* the numbers come back with the uids: matched by uid, not by order */
	while ((rc = store_step(st)) == STORE_ROW) {
		const char *uid = store_col(st, 1);
		int r = got < n && uid && !strcmp(b->rows[got].uid, uid) ? got : -1;
		for (int i = 0; r < 0 && uid && i < n; i++)
			if (!strcmp(b->rows[i].uid, uid))
				r = i;
		if (r >= 0)
			ids[r] = store_col_int(st, 0);
		got++;
	}
	if (st != b->rins)
		store_finalize(st);
	if (rc != STORE_DONE)
		return store_fail(b->db, rc, err, N_("storing a response"));
	if (got != n)
		return beter_err_set(err, BETER_IOERR, _("storing a response: %d of %d rows came back"), got, n);
	for (size_t i = b->ndone; i < b->ntexts; i++)
		b->texts[i].response = ids[b->texts[i].row];
	b->ndone = b->ntexts;
	b->nrows = 0;
	strbuf_reset(&b->adata);
	while (b->ndone >= BATCH_ROWS)
		if ((rc = flush_texts(b, BATCH_ROWS, err)))
			return rc;
	return 0;
}

int batch_add_row(struct batch *b, const char *uid, int64_t team, const char *rater, const char *respondent,
		  int64_t n, const unsigned char *answers, size_t alen, struct batch_row **row, struct beter_err *err)
{
	int rc;

	if (!b->rins && ((rc = prepare_rows(b, BATCH_ROWS, &b->rins, err)) ||
			 (rc = prepare_texts(b, BATCH_ROWS, &b->tins, err))))
		return rc;
	if (b->nrows == BATCH_ROWS && (rc = flush_rows(b, err)))
		return rc;
	struct batch_row *w = &b->rows[b->nrows++];
	memcpy(w->uid, uid, sizeof(w->uid) - 1);
	w->uid[sizeof(w->uid) - 1] = '\0';
	w->team = team;
	w->rater = rater;
	w->respondent[0] = '\0';
	if (respondent)
		memcpy(w->respondent, respondent, sizeof(w->respondent));
	w->n = n;
	w->answers = b->adata.len;
	w->alen = alen;
	strbuf_add(&b->adata, answers, alen);
	if (row)
		*row = w;
	return 0;
}

void batch_add_text(struct batch *b, const char *uid, int64_t item, const char *text, size_t len)
{
	if (b->ntexts == b->tcap) {
		b->tcap = b->tcap ? b->tcap * 2 : 64;
		b->texts = xrealloc(b->texts, b->tcap * sizeof(*b->texts));
	}
	struct batch_text *t = &b->texts[b->ntexts++];
	memcpy(t->uid, uid, sizeof(t->uid) - 1);
	t->uid[sizeof(t->uid) - 1] = '\0';
	t->response = 0;
	t->row = b->nrows - 1;
	t->item = item;
	t->text = b->tdata.len;
	t->len = len;
	strbuf_add(&b->tdata, text, len);
}

int batch_finish(struct batch *b, struct beter_err *err)
{
	int rc;

	if ((rc = flush_rows(b, err)))
		return rc;
	while (b->ndone >= BATCH_ROWS)
		if ((rc = flush_texts(b, BATCH_ROWS, err)))
			return rc;
	return flush_texts(b, b->ndone, err);
}
