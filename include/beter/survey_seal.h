/* survey_seal.h - the 360-degree feedback sealed to the school leader.
 *
 * A school leader gets a key pair (libsodium crypto_box): the public key in
 * the store (survey_leader_key), the secret key in a file outside it. Every
 * response to an instrument of kind feedback360 is stored as one sealed box
 * (crypto_box_seal) in survey_response.answers; only the secret key opens it.
 *
 * The sealed plaintext: one byte format (1), one byte rater length and the
 * rater id, the packed answers (npacked bytes, as for other surveys), then
 * per free-text answer: the item's 1-based index (2 bytes, big-endian), the
 * text's length (4 bytes, big-endian) and the text; then padding to a whole
 * number of SURVEY_SEAL_BLOCK bytes (sodium_pad, ISO/IEC 7816-4), so that the
 * box's length gives away neither the rater category nor a short text.
 */
#ifndef BETER_SURVEY_SEAL_H
#define BETER_SURVEY_SEAL_H

#include <stddef.h>
#include <stdint.h>

#include "beter/err.h"
#include "beter/out.h"
#include "beter/survey.h"
#include "beter/util.h"

struct store;
struct store_stmt;

#define SURVEY_SEAL_KIND "feedback360"
#define SURVEY_SEAL_SELF "zelf" /* the rater category of the school leader's own answers */
#define SURVEY_SEAL_FORMAT 1
#define SURVEY_SEAL_BLOCK 256 /* the plaintext is padded to whole blocks (sodium_pad) */
#define SURVEY_SEAL_ENV "BETER_SEAL_KEY_FILE"

/* The secret key file of school leader code: $BETER_SEAL_KEY_FILE, else
 * 360-CODE.key in the directory of the HMAC key file (survey_key_path():
 * $BETER_KEY_FILE's, else $XDG_CONFIG_HOME/beter, else ~/.config/beter). */
char *survey_seal_key_path(const char *code);

struct survey_seal_keygen {
	const char *person;   /* the school leader's code */
	const char *key_file; /* NULL: survey_seal_key_path() */
	int replace, dry_run;
	/* filled in: */
	char code[16];        /* the leader's code as stored */
	char *name, *path;    /* the leader's name, the secret key file */
	char fingerprint[17]; /* of the public key: 16 hex digits of its BLAKE2b hash */
	int replaced;
};
/* Make a key pair for a school leader: the public key into the store, the
 * secret key into a new file (mode 0600). With replace an existing pair is
 * replaced and the old secret key file moved to FILE.FINGERPRINT; notes get
 * a line on that. */
int survey_seal_keygen(struct store *db, int64_t school, struct survey_seal_keygen *k, struct strbuf *notes,
		       struct beter_err *err);
/* One record: person, name, fingerprint, key_file, replaced. */
void survey_seal_keygen_out(struct out *o, const struct survey_seal_keygen *k);
void survey_seal_keygen_release(struct survey_seal_keygen *k);

/* 1 when the survey's instrument is a 360-degree feedback, 0 when not. */
int survey_sealed(struct store *db, int64_t survey);
/* The school leader of a 360-degree feedback survey (survey.leader_id, else
 * the school's one school leader) and the public key (BETER_FAIL with how to
 * make it when there is none). code gets the person's code. */
int survey_seal_leader(struct store *db, int64_t survey, int64_t *person, char code[16], unsigned char pk[32],
		       struct beter_err *err);
/* The school leader for 'survey add': code given (must be a school leader),
 * else the school's one school leader, else 0 when it has none. */
int survey_seal_pick_leader(struct store *db, int64_t school, const char *code, int64_t *person, struct beter_err *err);

/* ---- sealing (import) ---- */
void survey_seal_begin(struct strbuf *plain, const char *rater, const unsigned char *answers, int npacked);
void survey_seal_add_text(struct strbuf *plain, int item, const char *s, size_t len);
/* The sealed box of plain (malloc'd, *len bytes); plain is wiped. */
unsigned char *survey_seal_box(const unsigned char pk[32], struct strbuf *plain, size_t *len);

/* ---- opening (reports) ---- */

struct survey_seal_text {
	int item; /* index into the instrument's items */
	char *text;
};

struct survey_seal {
	int on;    /* the responses are sealed: rows are opened with the secret key */
	int other; /* the secret key given is not the one of the public key in the store */
	const struct survey_instrument *in;
	int64_t survey;
	unsigned char pk[32], sk[32];
	unsigned char *buf;
	size_t cap;
	char rater[64];
	struct survey_seal_text *texts; /* free texts of every row opened, for the comments */
	size_t ntexts, captexts;
};

/* Get ready to read the responses of survey. For a 360-degree feedback this
 * loads the school leader's secret key (key_file, else the default) and
 * refuses (BETER_FAIL) without it: the results are for the school leader only.
 * Other surveys: s->on = 0 and rows are read as they are. */
int survey_seal_open(struct store *db, int64_t survey, const struct survey_instrument *in, const char *key_file,
		     struct survey_seal *s, struct beter_err *err);
/* One response row: the rater and the packed answers of columns rater_col
 * and answers_col of st, opened when sealed (valid until the next call). */
int survey_seal_row(struct survey_seal *s, struct store_stmt *st, int rater_col, int answers_col, const char **rater,
		    const unsigned char **answers, int *len, struct beter_err *err);
/* The free texts gathered by survey_seal_row, sorted by item and text. */
void survey_seal_sort_texts(struct survey_seal *s);
void survey_seal_close(struct survey_seal *s);

#endif
