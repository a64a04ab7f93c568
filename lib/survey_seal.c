/* survey_seal.c - the 360-degree feedback sealed to the school leader: the
 * key pair, sealing a response at import and opening it for a report. */
#include "beter/survey_seal.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/date.h"
#include "beter/person.h"
#include "beter/store.h"
#include "beter/i18n.h"

_Static_assert(crypto_box_SEALBYTES == 48, "check.c's survey-sealed-length rule counts 48 bytes of overhead");
_Static_assert(SURVEY_SEAL_BLOCK == 256, "check.c's survey-sealed-length rule counts blocks of 256 bytes");

char *survey_seal_key_path(const char *code)
{
	const char *env = getenv(SURVEY_SEAL_ENV);
	char *hmac, *slash;
	struct strbuf sb = STRBUF_INIT;

	if (env && *env)
		return xstrdup(env);
	hmac = survey_key_path();
	slash = strrchr(hmac, '/');
	if (slash)
		strbuf_add(&sb, hmac, (size_t)(slash - hmac + 1));
	strbuf_addf(&sb, "360-%s.key", code);
	free(hmac);
	return strbuf_detach(&sb);
}

static void fingerprint(const unsigned char pk[32], char out[17])
{
	static const char d[] = "0123456789abcdef";
	unsigned char h[8];

	crypto_generichash(h, sizeof(h), pk, 32, NULL, 0);
	for (int i = 0; i < 8; i++) {
		out[2 * i] = d[h[i] >> 4];
		out[2 * i + 1] = d[h[i] & 15];
	}
	out[16] = '\0';
}

/* ---- the key pair ---- */

static int write_secret(const char *path, const unsigned char sk[32], struct beter_err *err)
{
	int rc, fd;

	if ((rc = survey_key_mkdirs(path, err)))
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return beter_err_set(err, BETER_IOERR, _("cannot create the secret key file '%s': %s"), path, strerror(errno));
	if (write(fd, sk, 32) != 32 || fsync(fd) != 0 || close(fd) != 0) {
		unlink(path);
		return beter_err_set(err, BETER_IOERR, _("cannot write the secret key file '%s'"), path);
	}
	return 0;
}

/* Move an old secret key file away to PATH.FINGERPRINT. */
static int keep_old(const char *path, const unsigned char old_pk[32], struct strbuf *notes, struct beter_err *err)
{
	char fp[17];
	struct strbuf sb = STRBUF_INIT;
	int rc = 0;

	fingerprint(old_pk, fp);
	strbuf_addf(&sb, "%s.%s", path, fp);
	if (rename(path, sb.buf) != 0)
		rc = beter_err_set(err, BETER_IOERR, _("cannot move the old secret key file '%s' to '%s': %s"), path, sb.buf,
				   strerror(errno));
	else
		strbuf_addf(notes, _("the old secret key is now '%s'\n"), sb.buf);
	strbuf_release(&sb);
	return rc;
}

/* A school leader by code: the number, the name and the code as stored. */
static int leader_row(struct store *db, int64_t school, const char *code, int64_t *person, char **name, char stored[16],
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	if ((rc = person_find(db, school, code, person, err)) ||
	    (rc = store_prepare(db, "SELECT role, name, code FROM person WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, *person);
	rc = store_step(st) == STORE_ROW ? 0 : BETER_FAIL;
	if (!rc && strcmp(store_col_text(st, 0), "schoolleider"))
		rc = beter_err_set(err, BETER_FAIL, _("'%s' is a %s, not a schoolleider: the 360-degree feedback is sealed to "
				   "a school leader (see 'beter person list --role schoolleider')"), code,
				   store_col_text(st, 0));
	else if (!rc && name) {
		*name = xstrdup(store_col_text(st, 1));
		snprintf(stored, 16, "%s", store_col_text(st, 2));
	} else if (rc)
		rc = beter_err_set(err, BETER_FAIL, _("no person '%s'"), code);
	store_finalize(st);
	return rc;
}

void survey_seal_keygen_out(struct out *o, const struct survey_seal_keygen *k)
{
	static const struct out_col cols[] = { { N_("person"), OUT_T_TEXT },   { N_("name"), OUT_T_TEXT },
					       { N_("fingerprint"), OUT_T_TEXT }, { N_("key_file"), OUT_T_TEXT },
					       { N_("replaced"), OUT_T_BOOL } };
	out_record(o, cols, sizeof(cols) / sizeof(*cols));
	out_text(o, k->code);
	out_text(o, k->name);
	out_text(o, k->fingerprint);
	out_text(o, k->path);
	out_bool(o, k->replaced);
	out_end(o);
}

void survey_seal_keygen_release(struct survey_seal_keygen *k)
{
	free(k->name);
	free(k->path);
	k->name = k->path = NULL;
}

/* ---- responses stored before 0009: sealed when the key pair is made ---- */

/* Seal one plain response: its rater, answers and free texts into one box;
 * an anonymous one gets a new uid (the old one was a hash of its answers). */
static int seal_one(struct store *db, const struct survey_instrument *in, int64_t id, const unsigned char pk[32],
		    struct strbuf *plain, struct beter_err *err)
{
	struct store_stmt *st;
	unsigned char *box;
	size_t len;
	char uid[33];
	int rc;

	if ((rc = store_prepare(db, "SELECT rater, answers, respondent IS NULL, uid FROM survey_response WHERE id = ?1", &st,
				err)))
		return rc;
	store_bind_int(st, 1, id);
	if (store_step(st) != STORE_ROW) {
		store_finalize(st);
		return store_fail(db, STORE_ERROR, err, N_("reading a response"));
	}
	survey_seal_begin(plain, store_col_null(st, 0) ? NULL : store_col_text(st, 0),
			  store_col_blob(st, 1), in->npacked);
	int anonymous = (int)store_col_int(st, 2);
	uid_new(uid);
	memcpy(uid, store_col_text(st, 3), 8); /* the survey's prefix stays */
	store_finalize(st);
	if ((rc = store_prepare(db, "SELECT i.seq, t.text FROM survey_text t JOIN survey_item i ON i.id = t.item_id "
				    "WHERE t.response_id = ?1 ORDER BY i.seq", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	while (store_next(db, st, &rc, N_("reading free-text answers"), err))
		if ((int)store_col_int(st, 0) >= 1 && (int)store_col_int(st, 0) <= in->nitems)
			survey_seal_add_text(plain, (int)store_col_int(st, 0) - 1, store_col_text(st, 1),
					     (size_t)store_col_bytes(st, 1));
	store_finalize(st);
	if (rc)
		return rc;
	box = survey_seal_box(pk, plain, &len);
	if ((rc = store_prepare(db, "UPDATE survey_response SET answers = ?2, rater = NULL, n_answers = 0, "
				    "uid = CASE WHEN ?3 THEN ?4 ELSE uid END WHERE id = ?1", &st, err))) {
		free(box);
		return rc;
	}
	store_bind_int(st, 1, id);
	store_bind_blob(st, 2, box, (size_t)len);
	free(box); /* the store took a copy */
	store_bind_int(st, 3, anonymous);
	store_bind_text(st, 4, uid);
	if ((rc = store_step_done(db, st, N_("sealing a response"), err)) ||
	    (rc = store_prepare(db, "DELETE FROM survey_text WHERE response_id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	return store_step_done(db, st, N_("sealing a response"), err);
}

/* The plain responses (one byte per Likert item, not a sealed box) of the
 * 360-degree surveys of a school leader: sealed; *n counts them. */
static int seal_earlier(struct store *db, int64_t school, int64_t person, const unsigned char pk[32], long *n,
			struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf plain = STRBUF_INIT;
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0;
	int rc;

	*n = 0;
	/* surveys and their plain rows first: the table is written below */
	if ((rc = store_prepare(db, "SELECT r.id FROM survey_response r JOIN survey s ON s.id = r.survey_id "
				    "JOIN survey_instrument i ON i.id = s.instrument_id WHERE i.kind = '" SURVEY_SEAL_KIND "' "
				    "AND s.school_id = ?1 AND (s.leader_id = ?2 OR s.leader_id IS NULL AND (SELECT count(*) "
				    "FROM person WHERE school_id = ?1 AND role = 'schoolleider') = 1) AND length(r.answers) = "
				    "(SELECT count(*) FROM survey_item t WHERE t.instrument_id = i.id AND t.pos IS NOT NULL) "
				    "ORDER BY lower(i.code), r.id", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	store_bind_int(st, 2, person);
	while (store_next(db, st, &rc, N_("reading responses"), err)) {
		if (nids == cap) {
			cap = cap ? 2 * cap : 64;
			ids = xrealloc(ids, cap * sizeof(*ids));
		}
		ids[nids++] = store_col_int(st, 0);
	}
	store_finalize(st);
	for (size_t i = 0; i < nids && !rc; i++) {
		struct survey_instrument in;
		int64_t iid;
		char *code = NULL;
		if ((rc = store_prepare(db, "SELECT i.code FROM survey_response r JOIN survey s ON s.id = r.survey_id "
					    "JOIN survey_instrument i ON i.id = s.instrument_id WHERE r.id = ?1", &st, err)))
			break;
		store_bind_int(st, 1, ids[i]);
		if (store_step(st) == STORE_ROW)
			code = xstrdup(store_col_text(st, 0));
		store_finalize(st);
		if (!code || (rc = survey_instrument_get(db, code, 0, &in, &iid, err))) {
			free(code);
			rc = rc ? rc : store_fail(db, STORE_ERROR, err, N_("reading a response"));
			break;
		}
		free(code);
		rc = seal_one(db, &in, ids[i], pk, &plain, err);
		survey_instrument_release(&in);
		*n += !rc;
	}
	free(ids);
	strbuf_release(&plain);
	return rc;
}

int survey_seal_keygen(struct store *db, int64_t school, struct survey_seal_keygen *k, struct strbuf *notes,
		       struct beter_err *err)
{
	long earlier;
	unsigned char pk[32], sk[32], old[32];
	char fp[17], uid[33], today[11];
	int64_t person;
	char *path = NULL;
	struct store_stmt *st = NULL;
	int rc, have_old = 0;
	struct stat sbuf;

	survey_seal_keygen_release(k); /* a struct used before */
	if (sodium_init() < 0)
		return beter_err_set(err, BETER_IOERR, _("cannot start the crypto library"));
	if ((rc = leader_row(db, school, k->person, &person, &k->name, k->code, err)) ||
	    (rc = store_prepare(db, "SELECT public_key FROM survey_leader_key WHERE person_id = ?1", &st, err)))
		goto out;
	store_bind_int(st, 1, person);
	if (store_step(st) == STORE_ROW && store_col_bytes(st, 0) == 32) {
		memcpy(old, store_col_blob(st, 0), 32);
		have_old = 1;
	}
	store_finalize(st);
	st = NULL;
	if (have_old && !k->replace) {
		fingerprint(old, fp);
		rc = beter_err_set(err, BETER_FAIL, _("school leader '%s' already has a key pair (fingerprint %s); --replace "
				   "makes a new one, and responses sealed to the old key stay readable only with the old "
				   "secret key"), k->code, fp);
		goto out;
	}
	path = k->key_file ? xstrdup(k->key_file) : survey_seal_key_path(k->code);
	if (lstat(path, &sbuf) == 0 && !have_old) {
		rc = beter_err_set(err, BETER_FAIL, _("the key file '%s' already exists (of another store?); move it away or "
				   "give --key-file FILE"), path);
		goto out;
	}
	crypto_box_keypair(pk, sk);
	if (!k->dry_run) {
		if (have_old && lstat(path, &sbuf) == 0 && (rc = keep_old(path, old, notes, err)))
			goto out;
		if ((rc = write_secret(path, sk, err)))
			goto out;
	}
	if ((rc = store_prepare(db, have_old ? "UPDATE survey_leader_key SET public_key = ?2, created = ?3 WHERE person_id = ?1"
					     : "INSERT INTO survey_leader_key(person_id, public_key, created, uid) "
					       "VALUES (?1, ?2, ?3, ?4)",
				&st, err)))
		goto out;
	uid_new(uid);
	date_format(date_today(), today);
	store_bind_int(st, 1, person);
	store_bind_blob(st, 2, pk, 32);
	store_bind_text(st, 3, today);
	if (!have_old)
		store_bind_text(st, 4, uid);
	rc = store_step_done(db, st, N_("storing the public key"), err);
	st = NULL;
	if (!rc && !(rc = seal_earlier(db, school, person, pk, &earlier, err)) && earlier)
		strbuf_addf(notes, P_("%ld response stored before the 360-degree feedback was sealed is sealed now (the "
			       "anonymous ones got new uids: do not import their file again)\n",
			       "%ld responses stored before the 360-degree feedback was sealed are sealed now (the "
			       "anonymous ones got new uids: do not import their file again)\n", earlier), earlier);
	if (rc) {
		if (!k->dry_run)
			unlink(path);
		goto out;
	}
	if (have_old)
		strbuf_addf(notes, "%s", _("responses sealed to the old key stay readable only with the old secret key\n"));
	fingerprint(pk, k->fingerprint);
	k->replaced = have_old;
	k->path = path;
	path = NULL;
out:
	if (st)
		store_finalize(st);
	sodium_memzero(sk, sizeof(sk));
	free(path);
	return rc;
}

/* ---- whose feedback ---- */

int survey_sealed(struct store *db, int64_t survey)
{
	return (int)store_int_bind(db, "SELECT i.kind = '" SURVEY_SEAL_KIND "' FROM survey s JOIN survey_instrument i "
				       "ON i.id = s.instrument_id WHERE s.id = ?1", survey, 0);
}

int survey_seal_pick_leader(struct store *db, int64_t school, const char *code, int64_t *person, struct beter_err *err)
{
	struct store_stmt *st;
	struct strbuf codes = STRBUF_INIT;
	int rc, n = 0;

	*person = 0;
	if (code)
		return leader_row(db, school, code, person, NULL, NULL, err);
	if ((rc = store_prepare(db, "SELECT id, code FROM person WHERE school_id = ?1 AND role = 'schoolleider' "
				    "ORDER BY lower(code)", &st, err)))
		return rc;
	store_bind_int(st, 1, school);
	while (store_next(db, st, &rc, N_("reading school leaders"), err)) {
		*person = store_col_int(st, 0);
		strbuf_addf(&codes, "%s%s", n++ ? ", " : "", store_col_text(st, 1));
	}
	store_finalize(st);
	if (!rc && n > 1) {
		*person = 0;
		rc = beter_err_set(err, BETER_USAGE, _("the school has %d school leaders (%s): say whose 360-degree feedback "
				   "this is with --leader CODE"), n, codes.buf);
	}
	strbuf_release(&codes);
	return rc;
}

int survey_seal_leader(struct store *db, int64_t survey, int64_t *person, char code[16], unsigned char pk[32],
		       struct beter_err *err)
{
	struct store_stmt *st;
	int64_t school, leader;
	int rc;

	if ((rc = store_prepare(db, "SELECT school_id, coalesce(leader_id, 0) FROM survey WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, survey);
	if (store_step(st) != STORE_ROW) {
		store_finalize(st);
		return beter_err_set(err, BETER_FAIL, _("no survey with number %lld"), (long long)survey);
	}
	school = store_col_int(st, 0);
	leader = store_col_int(st, 1);
	store_finalize(st);
	if (!leader) {
		if ((rc = survey_seal_pick_leader(db, school, NULL, &leader, err)))
			return rc == BETER_USAGE ? beter_err_set(err, BETER_FAIL, _("survey %lld: %s (the survey names no "
								 "school leader)"), (long long)survey, err->msg)
						 : rc;
		if (!leader)
			return beter_err_set(err, BETER_FAIL, _("survey %lld is a 360-degree feedback, sealed to the school "
					     "leader, and the school has none (add one with 'beter person add CODE --role "
					     "schoolleider', then run 'beter survey key --person CODE')"), (long long)survey);
	}
	*person = leader;
	if ((rc = store_prepare(db, "SELECT p.code, k.public_key FROM person p LEFT JOIN survey_leader_key k "
				    "ON k.person_id = p.id WHERE p.id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, leader);
	rc = store_step(st);
	snprintf(code, 16, "%s", rc == STORE_ROW ? store_col_text(st, 0) : "?");
	if (rc == STORE_ROW && store_col_bytes(st, 1) == 32) {
		memcpy(pk, store_col_blob(st, 1), 32);
		rc = 0;
	} else {
		rc = beter_err_set(err, BETER_FAIL, _("school leader '%s' has no key pair for the sealed 360-degree feedback: "
				   "run 'beter survey key --person %s' first"), code, code);
	}
	store_finalize(st);
	return rc;
}

/* ---- sealing ---- */

void survey_seal_begin(struct strbuf *plain, const char *rater, const unsigned char *answers, int npacked)
{
	size_t rl = rater ? strlen(rater) : 0;

	strbuf_reset(plain);
	strbuf_addc(plain, SURVEY_SEAL_FORMAT);
	strbuf_addc(plain, (char)(unsigned char)(rl > 63 ? 63 : rl));
	strbuf_add(plain, rater ? rater : "", rl > 63 ? 63 : rl);
	strbuf_add(plain, answers, (size_t)npacked);
}

void survey_seal_add_text(struct strbuf *plain, int item, const char *s, size_t len)
{
	unsigned char h[6] = { (unsigned char)((item + 1) >> 8), (unsigned char)(item + 1), (unsigned char)(len >> 24),
			       (unsigned char)(len >> 16), (unsigned char)(len >> 8), (unsigned char)len };
	strbuf_add(plain, h, sizeof(h));
	strbuf_add(plain, s, len);
}

unsigned char *survey_seal_box(const unsigned char pk[32], struct strbuf *plain, size_t *len)
{
	size_t cap = plain->len + SURVEY_SEAL_BLOCK, padded;
	unsigned char *box, *buf = xmalloc(cap);

	/* padded to whole blocks: the length tells neither the rater category nor a short text's length */
	memcpy(buf, plain->buf, plain->len);
	if (sodium_pad(&padded, buf, plain->len, SURVEY_SEAL_BLOCK, cap) != 0)
		padded = plain->len; /* not reached: cap leaves room for a whole block */
	*len = padded + crypto_box_SEALBYTES;
	box = xmalloc(*len);
	crypto_box_seal(box, buf, padded, pk);
	sodium_memzero(buf, cap);
	free(buf);
	sodium_memzero(plain->buf, plain->len);
	strbuf_reset(plain);
	return box;
}

/* ---- opening ---- */

/* Read a secret key file into s->sk; s->pk becomes its public key, and
 * s->other is set when that is not the leader's key in the store (an old key
 * pair opens the responses sealed before it was replaced). */
static int read_secret(const char *path, struct survey_seal *s, struct beter_err *err)
{
	unsigned char *sk = s->sk, derived[32];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 32) {
		close(fd);
		return beter_err_set(err, BETER_FAIL, _("the secret key file '%s' must be a file of 32 bytes"), path);
	}
	if (st.st_mode & 077) {
		close(fd);
		return beter_err_set(err, BETER_FAIL, _("the secret key file '%s' can be read by others; run chmod 600 '%s'"),
				     path, path);
	}
	r = read(fd, sk, 32);
	close(fd);
	if (r != 32)
		return beter_err_set(err, BETER_FAIL, _("cannot read the secret key file '%s'"), path);
	if (crypto_scalarmult_base(derived, sk) != 0)
		return beter_err_set(err, BETER_FAIL, _("the secret key file '%s' holds no usable key"), path);
	s->other = sodium_memcmp(derived, s->pk, 32) != 0;
	memcpy(s->pk, derived, 32);
	return 0;
}

int survey_seal_open(struct store *db, int64_t survey, const struct survey_instrument *in, const char *key_file,
		     struct survey_seal *s, struct beter_err *err)
{
	char code[16];
	int64_t person;
	char *path;
	int rc;

	memset(s, 0, sizeof(*s));
	s->in = in;
	s->survey = survey;
	if (strcmp(in->kind, SURVEY_SEAL_KIND))
		return 0;
	s->on = 1;
	if (sodium_init() < 0)
		return beter_err_set(err, BETER_IOERR, _("cannot start the crypto library"));
	if ((rc = survey_seal_leader(db, survey, &person, code, s->pk, err)))
		return rc;
	path = key_file ? xstrdup(key_file) : survey_seal_key_path(code);
	rc = read_secret(path, s, err);
	if (rc < 0)
		rc = beter_err_set(err, BETER_FAIL, _("survey %lld is a 360-degree feedback: its results are for the school "
				   "leader '%s' only; give the secret key with --key-file FILE or $%s (no key file '%s')"),
				   (long long)survey, code, SURVEY_SEAL_ENV, path);
	free(path);
	return rc;
}

static int bad_row(struct survey_seal *s, struct beter_err *err, const char *what)
{
	return beter_err_set(err, BETER_DATAERR, _("a response of survey %lld cannot be opened: %s (see 'beter check')"),
			     (long long)s->survey, what);
}

static void keep_text(struct survey_seal *s, int item, const unsigned char *p, size_t len)
{
	if (s->ntexts == s->captexts) {
		s->captexts = s->captexts ? 2 * s->captexts : 16;
		s->texts = xrealloc(s->texts, s->captexts * sizeof(*s->texts));
	}
	s->texts[s->ntexts].item = item;
	s->texts[s->ntexts++].text = xstrndup((const char *)p, len);
}

/* Read the plaintext in s->buf (n bytes). */
static int parse_plain(struct survey_seal *s, size_t n, const char **rater, struct beter_err *err)
{
	const unsigned char *p = s->buf;
	size_t rl, at, np = (size_t)s->in->npacked;

	if (n < 2 || p[0] != SURVEY_SEAL_FORMAT || (rl = p[1]) > 63 || n < 2 + rl + np || memchr(p + 2, 0, rl))
		return bad_row(s, err, _("not a response of this instrument"));
	memcpy(s->rater, p + 2, rl);
	s->rater[rl] = '\0';
	*rater = rl ? s->rater : NULL;
	for (at = 2 + rl + np; at < n;) {
		if (n - at < 6)
			return bad_row(s, err, _("a free text is cut short"));
		int item = (p[at] << 8 | p[at + 1]) - 1;
		size_t len = (size_t)p[at + 2] << 24 | (size_t)p[at + 3] << 16 | (size_t)p[at + 4] << 8 | p[at + 5];
		at += 6;
		if (item < 0 || item >= s->in->nitems || s->in->items[item].pos || len > n - at)
			return bad_row(s, err, _("a free text of no text item"));
		keep_text(s, item, p + at, len);
		at += len;
	}
	return 0;
}

int survey_seal_row(struct survey_seal *s, struct store_stmt *st, int rater_col, int answers_col, const char **rater,
		    const unsigned char **answers, int *len, struct beter_err *err)
{
	const unsigned char *box = store_col_blob(st, answers_col);
	size_t n = (size_t)store_col_bytes(st, answers_col);
	int rc;

	if (!s->on) {
		*rater = store_col_null(st, rater_col) ? NULL : store_col_text(st, rater_col);
		*answers = box;
		*len = (int)n;
		return 0;
	}
	if (n < crypto_box_SEALBYTES)
		return bad_row(s, err, _("too short for a sealed box"));
	if (s->cap < n) {
		s->cap = n;
		s->buf = xrealloc(s->buf, n);
	}
	if (crypto_box_seal_open(s->buf, box, n, s->pk, s->sk) != 0) {
		if (s->other)
			return beter_err_set(err, BETER_FAIL, _("a response of survey %lld is sealed to another key than the "
					     "secret key given, which is not the school leader's key in the store either "
					     "(give the matching --key-file)"), (long long)s->survey);
		return bad_row(s, err, _("sealed to another key (replaced with 'survey key --replace'? give the old "
			       "secret key with --key-file) or damaged"));
	}
	n -= crypto_box_SEALBYTES;
	if (sodium_unpad(&n, s->buf, n, SURVEY_SEAL_BLOCK) != 0)
		return bad_row(s, err, _("no padding"));
	if ((rc = parse_plain(s, n, rater, err)))
		return rc;
	*answers = s->buf + 2 + strlen(s->rater);
	*len = s->in->npacked;
	return 0;
}

static int text_cmp(const void *x, const void *y)
{
	const struct survey_seal_text *a = x, *b = y;
	return a->item != b->item ? (a->item > b->item) - (a->item < b->item) : strcmp(a->text, b->text);
}

void survey_seal_sort_texts(struct survey_seal *s)
{
	if (s->ntexts)
		qsort(s->texts, s->ntexts, sizeof(*s->texts), text_cmp);
}

void survey_seal_close(struct survey_seal *s)
{
	for (size_t i = 0; i < s->ntexts; i++) {
		sodium_memzero(s->texts[i].text, strlen(s->texts[i].text));
		free(s->texts[i].text);
	}
	free(s->texts);
	if (s->buf)
		sodium_memzero(s->buf, s->cap);
	free(s->buf);
	sodium_memzero(s->sk, sizeof(s->sk));
	memset(s, 0, sizeof(*s));
}
