/* util.h - small helpers: a growable string buffer, UTF-8, names, uids. */
#ifndef BETER_UTIL_H
#define BETER_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "beter/err.h"

struct strbuf {
	char *buf;   /* always NUL-terminated once anything was added */
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand over the buffer (caller frees); the strbuf is empty afterwards. */
char *strbuf_detach(struct strbuf *sb);
/* Always returns a string ("" when nothing was added). */
const char *strbuf_str(const struct strbuf *sb);
/* A strbuf of its own on the heap, for text built in several places;
 * strbuf_finish frees it and hands over its text (never NULL). */
struct strbuf *strbuf_new(void);
char *strbuf_finish(struct strbuf *sb);
static inline size_t strbuf_length(const struct strbuf *sb)
{
	return sb->len;
}

/* Abort on allocation failure: the program cannot continue without memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* 1 if s[0..len) is valid UTF-8 without NUL bytes, else 0; *bad gets the
 * byte offset of the first offending byte. */
int utf8_valid(const char *s, size_t len, size_t *bad);
/* Columns a UTF-8 string takes in a terminal (combining marks take none,
 * East Asian wide characters two). */
size_t utf8_width(const char *s);

/* Trim white space in place, ASCII and Unicode's (U+00A0, U+2003, U+3000,
 * zero-width spaces, ...); returns s. */
char *str_trim(char *s);
/* The bytes of the white space character that starts s (as str_trim sees
 * it), 0 if none. */
size_t str_space_len(const char *s);
/* 1 if s is NULL, empty or only white space as str_trim sees it: not a name. */
int str_blank(const char *s);
/* ASCII case-insensitive compare, for names and codes. */
int str_ieq(const char *a, const char *b);
/* Lowercase ASCII in place; returns s. */
char *str_lower(char *s);
char *str_upper(char *s);
/* Edit distance between a and b (ASCII case-insensitive). */
int str_distance(const char *a, const char *b);
/* The candidate closest to word, or NULL if nothing is reasonably close. */
const char *str_nearest(const char *word, const char *const *candidates, size_t n);

/* Open an input file named on the command line for reading ("-": stdin).
 * A missing file is BETER_FAIL ("not found", exit 1, the same for every
 * command), a file that cannot be read (no permission, a directory)
 * BETER_IOERR; both with "cannot read 'PATH': reason". */
int input_open(const char *path, FILE **fp, struct beter_err *err);

/* A user's text: BETER_DATAERR "WHAT: the text is empty" (when required;
 * only white space counts as empty),
 * "... not valid UTF-8" or "... longer than MAX bytes"; NULL or "" is fine
 * when not required. */
int text_check(const char *s, const char *what, int required, size_t max, struct beter_err *err);

/* A new random uid: 32 lowercase hex digits from the system's random source. */
void uid_new(char out[33]);
/* 1 if s is a uid: 32 lowercase hex digits. */
int uid_valid(const char *s);

/* Parse a whole string as a number; 0 on success, -1 if it is not one. */
int parse_int64(const char *s, int64_t *out);
int parse_double(const char *s, double *out);

#endif
