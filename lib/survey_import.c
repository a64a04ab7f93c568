/* survey_import.c - the import of form-tool exports into a survey: answer
 * cells, the respondent's identity, responses and free texts. */
#include "beter/i18n.h"
#include "beter/survey.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/csvin.h"
#include "beter/store.h"
#include "beter/survey_columns.h"
#include "beter/survey_seal.h"
#include "survey_batch.h"

/* ---- answer cells ---- */

static int ieq_len(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	if (*a == *b && !memcmp(a, b, an))
		return 1;
	for (size_t i = 0; i < an; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

static int ieq_n(const char *a, size_t an, const char *b)
{
	size_t bn = strlen(b);
	if (an != bn)
		return 0;
	for (size_t i = 0; i < an; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

int survey_cell_value(const struct survey_likert *lk, const char *s, size_t len, int *value)
{
	/* most cells start and end with a letter or digit: no trimming */
	if (!len || (unsigned char)*s <= ' ' || (unsigned char)s[len - 1] <= ' ') {
		while (len && isspace((unsigned char)*s))
			s++, len--;
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (!len)
			return SURVEY_CELL_NONE;
	}
	if (len <= 6 && (isdigit((unsigned char)*s) || *s == '-' || *s == '+')) {
		size_t i = 0;
		int neg = 0;
		long v = 0;
		if (s[0] == '-' || s[0] == '+')
			neg = s[0] == '-', i = 1;
		if (i < len) {
			for (; i < len && isdigit((unsigned char)s[i]); i++)
				v = v * 10 + (s[i] - '0');
			if (i == len) {
				*value = (int)(neg ? -v : v);
				return *value < lk->lo || *value > lk->hi ? SURVEY_CELL_RANGE : SURVEY_CELL_VALUE;
			}
		}
	}
	for (int i = 0; i < lk->nlabels; i++)
		if ((lk->label_len ? lk->label_len[i] : strlen(lk->labels[i])) == len &&
		    ieq_len(s, len, lk->labels[i], len)) {
			*value = lk->lo + i;
			return SURVEY_CELL_VALUE;
		}
	for (int i = 0; i < lk->nmissing; i++)
		if (ieq_len(s, len, lk->missing[i], lk->missing_len ? lk->missing_len[i] : strlen(lk->missing[i])))
			return SURVEY_CELL_NONE;
	return SURVEY_CELL_UNKNOWN;
}

/* ---- import ---- */

/* Insert; returns the line of an earlier equal key, or 0. */
static long keyset_add(struct keyset *ks, const unsigned char key[32], long line)
{
	if ((ks->n + 1) * 2 > ks->cap) {
		struct keyset old = *ks;
		ks->cap = ks->cap ? ks->cap * 2 : 1024;
		ks->keys = xcalloc(ks->cap, 32);
		ks->lines = xcalloc(ks->cap, sizeof(long));
		ks->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.lines[i])
				keyset_add(ks, old.keys[i], old.lines[i]);
		free(old.keys);
		free(old.lines);
	}
	size_t h;
	memcpy(&h, key, sizeof(h));
	for (size_t i = h & (ks->cap - 1);; i = (i + 1) & (ks->cap - 1)) {
		if (!ks->lines[i]) {
			memcpy(ks->keys[i], key, 32);
			ks->lines[i] = line;
			ks->n++;
			return 0;
		}
		if (!memcmp(ks->keys[i], key, 32))
			return ks->lines[i];
	}
}

static void hex(const unsigned char *b, size_t n, char *out)
{
	static const char d[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = d[b[i] >> 4];
		out[2 * i + 1] = d[b[i] & 15];
	}
	out[2 * n] = '\0';
}

static void trim_span(const char **s, size_t *len)
{
	while (*len && isspace((unsigned char)**s))
		(*s)++, (*len)--;
	while (*len && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

static void imp_release(struct imp *m)
{
	store_finalize(m->ins);
	store_finalize(m->get);
	store_finalize(m->upd);
	store_finalize(m->tget);
	store_finalize(m->tins);
	store_finalize(m->tupd);
	store_finalize(m->tdel);
	survey_instrument_release(&m->in);
	free(m->item_ids);
	free(m->plan);
	free(m->seen.keys);
	free(m->seen.lines);
	for (size_t i = 0; i < m->teams.n; i++)
		free(m->teams.names[i]);
	free(m->teams.names);
	free(m->teams.ids);
	strbuf_release(&m->skips.names);
	strbuf_release(&m->idbuf);
	strbuf_release(&m->plain);
	sodium_memzero(m->key, sizeof(m->key));
}

static int imp_prepare(struct imp *m, struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = store_prepare(m->db, "SELECT s.school_id, s.team_id, s.uid, i.code FROM survey s "
				       "JOIN survey_instrument i ON i.id = s.instrument_id WHERE s.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, m->survey);
	if (store_step(st) != STORE_ROW) {
		store_finalize(st);
		return beter_err_set(err, BETER_FAIL, _("no survey with number %lld"), (long long)m->survey);
	}
	m->school = store_col_int(st, 0);
	m->team = store_col_int(st, 1);
	snprintf(m->survey_uid, sizeof(m->survey_uid), "%s", store_col_text(st, 2));
	char *code = xstrdup(store_col_text(st, 3));
	store_finalize(st);
	rc = survey_instrument_get(m->db, code, 0, &m->in, &m->instrument, err);
	free(code);
	if (rc)
		return rc;
	m->item_ids = xcalloc((size_t)m->in.nitems + 1, sizeof(int64_t));
	if ((rc = store_prepare(m->db, "SELECT seq, id FROM survey_item WHERE instrument_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, m->instrument);
	while (store_next(m->db, st, &rc, N_("reading the instrument's items"), err)) {
		int seq = (int)store_col_int(st, 0);
		if (seq >= 1 && seq <= m->in.nitems)
			m->item_ids[seq - 1] = store_col_int(st, 1);
	}
	store_finalize(st);
	if (rc)
		return rc;
	if ((rc = store_prepare(m->db, "INSERT INTO survey_response(uid, survey_id, team_id, rater, respondent, n_answers, "
				       "answers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				&m->ins, err)) ||
	    (rc = store_prepare(m->db, "SELECT id FROM survey_response WHERE uid = ?1", &m->get, err)) ||
	    (rc = store_prepare(m->db, "UPDATE survey_response SET team_id = ?2, rater = ?3, n_answers = ?4, answers = ?5 "
				       "WHERE id = ?1 AND (team_id IS NOT ?2 OR rater IS NOT ?3 OR answers IS NOT ?5)",
				&m->upd, err)) ||
	    /* insert, or else update: an upsert would use up a number of the
	     * AUTOINCREMENT sequence, and importing a file again must change nothing */
	    /* an earlier import's text is found by its response and item, not
	     * by its uid: stores hold texts under uids of an earlier derivation */
	    (rc = store_prepare(m->db, "SELECT 1 FROM survey_text WHERE response_id = ?1 AND item_id = ?2", &m->tget,
				err)) ||
	    (rc = store_prepare(m->db, "INSERT INTO survey_text(uid, response_id, item_id, text) VALUES (?1, ?2, ?3, ?4)",
				&m->tins, err)) ||
	    (rc = store_prepare(m->db, "UPDATE survey_text SET text = ?3 WHERE response_id = ?1 AND item_id = ?2 AND "
				       "text IS NOT ?3", &m->tupd, err)) ||
	    (rc = store_prepare(m->db, "DELETE FROM survey_text WHERE response_id = ?1 AND item_id = ?2", &m->tdel, err)))
		return rc;
	return 0;
}

/* A free text's uid: the first half of its response's (the survey's prefix
 * and, for anonymous rows, the row's position), then a hash of the response
 * and the item, so that the texts of one import append to the uid index as
 * the responses do instead of landing on pages all over a large store. */
static void text_uid(const char *response_uid, const char *item, char out[33])
{
	unsigned char h[8];
	crypto_generichash_state gs;
	crypto_generichash_init(&gs, NULL, 0, sizeof(h));
	crypto_generichash_update(&gs, (const unsigned char *)response_uid, strlen(response_uid) + 1);
	crypto_generichash_update(&gs, (const unsigned char *)item, strlen(item) + 1);
	crypto_generichash_final(&gs, h, sizeof(h));
	memcpy(out, response_uid, 16);
	hex(h, sizeof(h), out + 16);
}

/* What import_row learns of a row. */
struct row {
	int64_t team;
	const char *rater;
	int n;               /* Likert answers */
	char uid[33];
	char respondent[65]; /* keyed rows: the HMAC of the id, hex */
};

/* A 360-degree feedback row: rater, answers and free texts as one sealed box. */
static unsigned char *seal_row(struct imp *m, struct csvin *r, const char *rater, const unsigned char *blob,
			       size_t *len)
{
	survey_seal_begin(&m->plain, rater, blob, m->in.npacked);
	for (size_t c = 0; c < m->ncols; c++) {
		if (m->plan[c].kind != COL_ITEM || m->in.items[m->plan[c].item].pos)
			continue;
		const char *s = csvin_field(r, c);
		size_t n = strlen(s);
		trim_span(&s, &n);
		if (n)
			survey_seal_add_text(&m->plain, m->plan[c].item, s, n);
	}
	return survey_seal_box(m->pk, &m->plain, len);
}

/* A row's free texts: stored, changed, or (empty now) removed. *changed is
 * set when a response that was there already changes. */
static int import_texts(struct imp *m, struct csvin *r, const char *uid, int64_t rid, int added, int *changed,
			struct beter_err *err)
{
	const struct survey_instrument *in = &m->in;
	int rc;

	for (size_t c = 0; c < m->ncols; c++) {
		if (m->plan[c].kind != COL_ITEM || in->items[m->plan[c].item].pos)
			continue;
		int item = m->plan[c].item, there = 0;
		const char *s = csvin_field(r, c);
		size_t len = strlen(s);
		trim_span(&s, &len);
		if (!added) {
			store_reset(m->tget);
			store_bind_int(m->tget, 1, rid);
			store_bind_int(m->tget, 2, m->item_ids[item]);
			rc = store_step(m->tget);
			if (rc != STORE_ROW && rc != STORE_DONE)
				return store_fail(m->db, rc, err, N_("finding a free-text answer"));
			there = rc == STORE_ROW;
		}
		if (!len) {
			if (there) {
				store_reset(m->tdel);
				store_bind_int(m->tdel, 1, rid);
				store_bind_int(m->tdel, 2, m->item_ids[item]);
				if ((rc = store_step(m->tdel)) != STORE_DONE)
					return store_fail(m->db, rc, err, N_("removing a free-text answer"));
				*changed = 1;
			}
			continue;
		}
		if (there) {
			store_reset(m->tupd);
			store_bind_int(m->tupd, 1, rid);
			store_bind_int(m->tupd, 2, m->item_ids[item]);
			store_bind_textn(m->tupd, 3, s, len);
			if ((rc = store_step(m->tupd)) != STORE_DONE)
				return store_fail(m->db, rc, err, N_("storing a free-text answer"));
			*changed |= store_changes(m->db) > 0;
			continue;
		}
		char tuid[33];
		text_uid(uid, in->items[item].id, tuid);
		store_reset(m->tins);
		store_bind_text(m->tins, 1, tuid);
		store_bind_int(m->tins, 2, rid);
		store_bind_int(m->tins, 3, m->item_ids[item]);
		store_bind_textn(m->tins, 4, s, len);
		if ((rc = store_step(m->tins)) != STORE_DONE)
			return store_fail(m->db, rc, err, N_("storing a free-text answer"));
		*changed |= !added;
	}
	return 0;
}

/* The row's answers into blob; *n: Likert answers, *ntext: free texts. */
static int row_answers(struct imp *m, struct csvin *r, unsigned char *blob, int *n, int *ntext)
{
	const struct survey_instrument *in = &m->in;
	int rc;

	memset(blob, 0, (size_t)in->npacked);
	for (size_t c = 0; c < m->ncols; c++) {
		const struct colplan *p = &m->plan[c];
		const char *s;
		size_t len;
		int v;
		if (p->kind != COL_ITEM)
			continue;
		const struct survey_item *it = &in->items[p->item];
		const struct survey_likert *lk = survey_item_likert(in, p->item);
		s = csvin_field(r, c);
		len = csvin_field_len(r, c);
		if (!lk) {
			trim_span(&s, &len);
			*ntext += len > 0;
			continue;
		}
		switch (survey_cell_value(lk, s, len, &v)) {
		case SURVEY_CELL_NONE:
			break;
		case SURVEY_CELL_VALUE:
			blob[it->pos - 1] = survey_pack(lk->lo, v);
			(*n)++;
			break;
		case SURVEY_CELL_RANGE:
			return csvin_error(r, c, _("item '%s': %d is outside %d-%d"), it->id, v, lk->lo, lk->hi);
		default: {
			struct strbuf sb = STRBUF_INIT;
			for (int i = 0; i < lk->nlabels && i < 3; i++)
				strbuf_addf(&sb, ", '%s'", lk->labels[i]);
			rc = csvin_error(r, c, _("item '%s': unknown answer '%.60s' (use %d-%d%s%s)"), it->id, s, lk->lo, lk->hi,
					 strbuf_str(&sb), lk->nlabels > 3 ? ", ..." : "");
			strbuf_release(&sb);
			return rc;
		}
		}
	}
	return 0;
}

/* The row's team (0: none) and rater category; 1: skipped (--skip-unknown-team). */
static int row_team_rater(struct imp *m, struct csvin *r, const struct survey_import_opts *o, int64_t *team,
			  const char **rater, struct beter_err *err)
{
	const struct survey_instrument *in = &m->in;
	int rc;

	if (m->team_col >= 0) {
		const char *s = csvin_field(r, (size_t)m->team_col);
		size_t len = strlen(s);
		trim_span(&s, &len);
		*team = 0;
		if (len) {
			char name[256];
			if (len >= sizeof(name))
				return csvin_error(r, (size_t)m->team_col, _("team: name longer than 255 bytes"));
			memcpy(name, s, len);
			name[len] = '\0';
			if ((rc = survey_team_lookup(m, r, (size_t)m->team_col, name, o, team, err)))
				return rc;
		}
	}
	if (m->rater_col >= 0) {
		const char *s = csvin_field(r, (size_t)m->rater_col);
		size_t len = strlen(s);
		trim_span(&s, &len);
		for (int i = 0; i < in->nraters && !*rater; i++)
			if (ieq_n(s, len, in->raters[i].id) || ieq_n(s, len, in->raters[i].label))
				*rater = in->raters[i].id;
		if (!*rater) {
			struct strbuf sb = STRBUF_INIT;
			for (int i = 0; i < in->nraters; i++)
				strbuf_addf(&sb, "%s%s", i ? ", " : "", in->raters[i].label);
			rc = csvin_error(r, (size_t)m->rater_col, _("rater: %s '%.60s' (use %s)"),
					 len ? _("unknown rater category") : _("missing"), s, strbuf_str(&sb));
			strbuf_release(&sb);
			return rc;
		}
	}
	return 0;
}

/* The response's identity: uid, and (keyed rows) the respondent's HMAC in hex. */
static int row_uid(struct imp *m, struct csvin *r, long index, int64_t team, const char *rater,
		   const unsigned char *blob, char uid[33], char respondent[65])
{
	const struct survey_instrument *in = &m->in;
	unsigned char mac[32], h[16];
	crypto_generichash_state gs;

	/* sealed rows: keyed, or the uid would let one try every answer */
	crypto_generichash_init(&gs, m->sealed ? m->key : NULL, m->sealed ? sizeof(m->key) : 0, sizeof(h));
	crypto_generichash_update(&gs, (const unsigned char *)m->survey_uid, sizeof(m->survey_uid));
	if (m->keyed) {
		const char *s = csvin_field(r, (size_t)m->id_col);
		size_t len = strlen(s);
		trim_span(&s, &len);
		if (!len)
			return csvin_error(r, (size_t)m->id_col, _("the respondent id is empty (every row needs one with "
					   "--id-column)"));
		strbuf_reset(&m->idbuf);
		strbuf_add(&m->idbuf, s, len);
		str_lower(m->idbuf.buf);
		crypto_auth_hmacsha256(mac, (const unsigned char *)m->idbuf.buf, m->idbuf.len, m->key);
		long first = keyset_add(&m->seen, mac, csvin_line(r));
		if (first)
			return csvin_error(r, (size_t)m->id_col, _("the same respondent as on line %ld"), first);
		hex(mac, sizeof(mac), respondent);
		crypto_generichash_update(&gs, (const unsigned char *)"k", 1);
		crypto_generichash_update(&gs, mac, sizeof(mac));
	} else {
		unsigned char idx[8];
		for (int i = 0; i < 8; i++)
			idx[i] = (unsigned char)((unsigned long)index >> (8 * i));
		crypto_generichash_update(&gs, (const unsigned char *)"a", 1);
		crypto_generichash_update(&gs, idx, sizeof(idx));
		for (int i = 0; i < 8; i++)
			idx[i] = (unsigned char)((uint64_t)team >> (8 * i));
		crypto_generichash_update(&gs, idx, sizeof(idx));
		crypto_generichash_update(&gs, (const unsigned char *)(rater ? rater : ""), rater ? strlen(rater) + 1 : 1);
		crypto_generichash_update(&gs, blob, (size_t)in->npacked);
		for (size_t c = 0; c < m->ncols; c++) {
			if (m->plan[c].kind != COL_ITEM || in->items[m->plan[c].item].pos)
				continue;
			const char *s = csvin_field(r, c);
			size_t len = strlen(s);
			trim_span(&s, &len);
			crypto_generichash_update(&gs, (const unsigned char *)in->items[m->plan[c].item].id,
						  strlen(in->items[m->plan[c].item].id) + 1);
			crypto_generichash_update(&gs, (const unsigned char *)s, len);
			crypto_generichash_update(&gs, (const unsigned char *)"", 1);
		}
	}
	crypto_generichash_final(&gs, h, sizeof(h));
	/* the survey's prefix, then (anonymous rows) the row's position, then
	 * the hash: rows of one import land next to each other in the uid
	 * index, so that an import appends instead of touching pages all over
	 * a store that holds many waves */
	memcpy(uid, m->survey_uid, 8);
	if (m->keyed) {
		hex(h, 12, uid + 8);
	} else {
		static const char d[] = "0123456789abcdef";
		for (int i = 0; i < 8; i++) /* "%08lx" of the position's lower 32 bits */
			uid[8 + i] = d[((unsigned long)index >> (28 - 4 * i)) & 15];
		hex(h, 8, uid + 16);
	}
	return 0;
}

static void bind_team(struct store_stmt *st, int i, int64_t team)
{
	if (team)
		store_bind_int(st, i, team);
	else
		store_bind_null(st, i);
}

/* Store the response, or find (keyed: and update) the one there: *rid, and
 * *added or *changed. */
static int row_store(struct imp *m, struct csvin *r, const struct row *w, const unsigned char *blob, int64_t *rid,
		     int *added, int *changed, struct beter_err *err)
{
	int rc = STORE_DONE;

	/* look first: a conflicting insert would still advance the AUTOINCREMENT counter */
	if (!m->fresh) {
		store_reset(m->get);
		store_bind_text(m->get, 1, w->uid);
		rc = store_step(m->get);
	}
	if (rc == STORE_ROW) {
		*rid = store_col_int(m->get, 0);
		if (!m->keyed)
			return 0;
		store_reset(m->upd);
		store_bind_int(m->upd, 1, *rid);
		bind_team(m->upd, 2, w->team);
		store_bind_text(m->upd, 3, w->rater);
		store_bind_int(m->upd, 4, w->n);
		store_bind_blob(m->upd, 5, blob, (size_t)m->in.npacked);
		if ((rc = store_step(m->upd)) != STORE_DONE)
			return store_fail(m->db, rc, err, N_("updating a response"));
		*changed = store_changes(m->db) > 0;
		return 0;
	}
	if (rc != STORE_DONE)
		return store_fail(m->db, rc, err, N_("finding a response"));
	store_reset(m->ins);
	store_bind_text(m->ins, 1, w->uid);
	store_bind_int(m->ins, 2, m->survey);
	bind_team(m->ins, 3, w->team);
	store_bind_text(m->ins, 4, m->sealed ? NULL : w->rater);
	store_bind_text(m->ins, 5, m->keyed ? w->respondent : NULL);
	store_bind_int(m->ins, 6, m->sealed ? 0 : w->n); /* sealed: not even how many were answered */
	if (m->sealed) {
		size_t boxlen;
		unsigned char *box = seal_row(m, r, w->rater, blob, &boxlen);
		store_bind_blob(m->ins, 7, box, (size_t)boxlen);
		free(box); /* the store took a copy */
	} else {
		store_bind_blob(m->ins, 7, blob, (size_t)m->in.npacked);
	}
	if ((rc = store_step(m->ins)) != STORE_DONE)
		return store_fail(m->db, rc, err, N_("storing a response"));
	*rid = store_last_id(m->db);
	*added = 1;
	return 0;
}

/* Into an empty survey: the row and its free texts to the batch (survey_batch.h). */
static int row_batch(struct imp *m, struct batch *b, struct csvin *r, const struct row *w, const unsigned char *blob,
		     struct beter_err *err)
{
	const struct survey_instrument *in = &m->in;
	int rc;

	if (m->sealed) {
		size_t boxlen;
		unsigned char *box = seal_row(m, r, w->rater, blob, &boxlen);
		rc = batch_add_row(b, w->uid, w->team, NULL, NULL, 0, box, boxlen, NULL, err);
		free(box);
		return rc;
	}
	if ((rc = batch_add_row(b, w->uid, w->team, w->rater, m->keyed ? w->respondent : NULL, w->n, blob,
				(size_t)in->npacked, NULL, err)))
		return rc;
	for (size_t c = 0; c < m->ncols; c++) {
		if (m->plan[c].kind != COL_ITEM || in->items[m->plan[c].item].pos)
			continue;
		int item = m->plan[c].item;
		const char *s = csvin_field(r, c);
		size_t len = strlen(s);
		char tuid[33];
		trim_span(&s, &len);
		if (!len)
			continue;
		text_uid(w->uid, in->items[item].id, tuid);
		batch_add_text(b, tuid, m->item_ids[item], s, len);
	}
	return 0;
}

static int import_row(struct imp *m, struct batch *b, struct csvin *r, long index, unsigned char *blob,
		      const struct survey_import_opts *o, struct survey_import_stats *st, struct beter_err *err)
{
	struct row w = { .team = m->team };
	int64_t rid = 0;
	int ntext = 0, rc, added = 0, changed = 0;

	if ((rc = row_answers(m, r, blob, &w.n, &ntext)))
		return rc;
	if ((rc = row_team_rater(m, r, o, &w.team, &w.rater, err)))
		return rc == 1 ? 0 : rc; /* 1: skipped (--skip-unknown-team) */
	if (!w.n && !ntext) {
		st->empty++;
		return 0;
	}
	if ((rc = row_uid(m, r, index, w.team, w.rater, blob, w.uid, w.respondent)))
		return rc;
	if (m->fresh) {
		if ((rc = row_batch(m, b, r, &w, blob, err)))
			return rc;
		st->added++;
		return 0;
	}
	if ((rc = row_store(m, r, &w, blob, &rid, &added, &changed, err)))
		return rc;
	if (!m->sealed && (rc = import_texts(m, r, w.uid, rid, added, &changed, err)))
		return rc;
	if (added)
		st->added++;
	else if (changed)
		st->changed++;
	else
		st->unchanged++;
	return 0;
}

int survey_import(struct store *db, int64_t survey, const char *path, const struct survey_import_opts *o,
		  struct survey_import_stats *st, struct strbuf *notes, struct beter_err *err)
{
	struct imp m;
	struct batch b;
	struct csvin r;
	unsigned char *blob = NULL;
	int rc;
	int r_open = 0;

	memset(st, 0, sizeof(*st));
	memset(&m, 0, sizeof(m));
	m.db = db;
	m.survey = survey;
	batch_init(&b, db, survey);
	if (sodium_init() < 0)
		return beter_err_set(err, BETER_IOERR, _("cannot start the crypto library"));
	if ((rc = imp_prepare(&m, err)))
		goto out;
	{
		/* an .xlsx export reads the same; a note when a CSV file is not UTF-8 */
		struct csvin_opts in = { o->sheet, o->warnings ? o->warnings : notes };
		if ((rc = csvin_open_opts(&r, path, &in, err)))
			goto out;
	}
	r_open = 1;
	if ((rc = csvin_read(&r)) <= 0) {
		rc = rc == 0 ? beter_err_set(err, BETER_DATAERR, _("%s: the file is empty"), r.name) : err->status;
		goto out;
	}
	if ((rc = survey_plan_columns(&m, &r, o, notes, err)))
		goto out;
	for (size_t c = 0; c < m.ncols; c++)
		st->matched += m.plan[c].kind == COL_ITEM;
	if ((m.sealed = !strcmp(m.in.kind, SURVEY_SEAL_KIND))) {
		char code[16];
		int64_t leader;
		if (o->id_column) {
			rc = beter_err_set(err, BETER_USAGE, _("--id-column: a 360-degree feedback is anonymous; import it "
					   "without --id-column"));
			goto out;
		}
		if ((rc = survey_seal_leader(db, survey, &leader, code, m.pk, err)))
			goto out;
	}
	if (o->id_column || m.sealed) {
		char *kp = o->key_path ? xstrdup(o->key_path) : survey_key_path();
		rc = survey_key_load(kp, m.key, err);
		free(kp);
		if (rc)
			goto out;
		m.keyed = st->keyed = !m.sealed;
	}
	{
		/* anonymous and keyed rows of one export would count respondents twice */
		struct store_stmt *q;
		if ((rc = store_prepare(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?1 AND "
					    "(respondent IS NULL) = ?2", &q, err)))
			goto out;
		store_bind_int(q, 1, survey);
		store_bind_int(q, 2, m.keyed);
		int64_t other = store_step(q) == STORE_ROW ? store_col_int(q, 0) : 0;
		store_finalize(q);
		if ((rc = store_prepare(db, "SELECT NOT EXISTS (SELECT 1 FROM survey_response WHERE survey_id = ?1)", &q,
					err)))
			goto out;
		store_bind_int(q, 1, survey);
		m.fresh = store_step(q) == STORE_ROW && (int)store_col_int(q, 0);
		store_finalize(q);
		if (other) {
			rc = m.keyed ? beter_err_set(err, BETER_DATAERR, _("survey %lld already holds anonymous responses; import "
							       "without --id-column as before"), (long long)survey)
				     : beter_err_set(err, BETER_DATAERR, _("survey %lld already holds keyed responses; import "
							       "with --id-column as before"), (long long)survey);
			goto out;
		}
	}
	r.width = (int)m.ncols;
	blob = xmalloc((size_t)m.in.npacked + 1);
	long index = 0;
	while ((rc = csvin_read(&r)) == 1) {
		st->rows++;
		if ((rc = import_row(&m, &b, &r, index++, blob, o, st, err)))
			goto out;
	}
	if (rc == 0 && (rc = batch_finish(&b, err)))
		goto out;
	st->skipped = m.skips.rows;
	survey_team_skips_note(&m, r.name, o, notes);
	rc = rc < 0 ? err->status : 0;
	if (!rc && st->rows == 0)
		rc = beter_err_set(err, BETER_DATAERR, _("%s: no responses after the header"), r.name);
out:
	batch_release(&b);
	free(blob);
	if (r_open)
		csvin_close(&r);
	imp_release(&m);
	return rc;
}
