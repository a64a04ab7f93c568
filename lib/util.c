#include "beter/util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "beter/i18n.h"

static void die_oom(void)
{
	fputs(_("beter: out of memory\n"), stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void strbuf_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb);
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

static void strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1;
	if (want <= sb->alloc)
		return;
	size_t n = sb->alloc ? sb->alloc : 64;
	while (n < want)
		n *= 2;
	sb->buf = xrealloc(sb->buf, n);
	sb->alloc = n;
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	strbuf_grow(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

struct strbuf *strbuf_new(void)
{
	return xcalloc(1, sizeof(struct strbuf));
}

char *strbuf_finish(struct strbuf *sb)
{
	char *s = sb->buf ? strbuf_detach(sb) : xstrdup("");
	free(sb);
	return s;
}

char *strbuf_detach(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");
	strbuf_init(sb);
	return p;
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

int utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char c = p[i];
		size_t n;
		uint32_t cp;

		if (c == 0)
			goto fail;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else {
			goto fail;
		}
		for (size_t k = 1; k <= n; k++) {
			if (i + k >= len || (p[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += n + 1;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

static int is_combining(uint32_t cp)
{
	return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	       (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	       (cp >= 0xfe20 && cp <= 0xfe2f) || cp == 0x200b || cp == 0x200d ||
	       (cp >= 0xfe00 && cp <= 0xfe0f);
}

static int is_wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
	       (cp >= 0x20000 && cp <= 0x3fffd);
}

size_t utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (*p) {
		uint32_t cp;
		int n;

		/* ASCII, most of what a table holds: one column a byte */
		while (*p && *p < 0x80) {
			p++;
			w++;
		}
		if (!*p)
			break;
		if ((*p & 0xe0) == 0xc0) {
			cp = *p & 0x1f;
			n = 1;
		} else if ((*p & 0xf0) == 0xe0) {
			cp = *p & 0x0f;
			n = 2;
		} else if ((*p & 0xf8) == 0xf0) {
			cp = *p & 0x07;
			n = 3;
		} else {
			p++;
			w++;
			continue;
		}
		p++;
		while (n-- > 0 && (*p & 0xc0) == 0x80)
			cp = (cp << 6) | (*p++ & 0x3f);
		if (is_combining(cp))
			continue;
		w += is_wide(cp) ? 2 : 1;
	}
	return w;
}

/* The length of the white space (or invisible format character) that
 * starts at p, 0 if none: ASCII space and controls \t\n\v\f\r, and in
 * UTF-8 U+0085, U+00A0, U+1680, U+180E, U+2000-U+200D, U+2028, U+2029,
 * U+202F, U+205F, U+2060, U+3000 and U+FEFF. */
static size_t space_at(const unsigned char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (p[0] == 0xc2 && (p[1] == 0x85 || p[1] == 0xa0))
		return 2;
	if (p[0] == 0xe1 && ((p[1] == 0x9a && p[2] == 0x80) || (p[1] == 0xa0 && p[2] == 0x8e)))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8d) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && (p[2] == 0x9f || p[2] == 0xa0))
		return 3;
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;
	return 0;
}

/* The length of the white space that ends s[0..n), 0 if none. */
static size_t space_before(const char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		const unsigned char *p = (const unsigned char *)s + n - k;
		if ((*p & 0xc0) == 0x80)
			continue; /* inside a character: look further back */
		return space_at(p) == k ? k : 0;
	}
	return 0;
}

char *str_trim(char *s)
{
	size_t n = strlen(s), start = 0, k;

	while ((k = space_before(s, n)) > 0)
		n -= k;
	s[n] = '\0';
	while ((k = space_at((const unsigned char *)s + start)) > 0)
		start += k;
	if (start)
		memmove(s, s + start, n - start + 1);
	return s;
}

size_t str_space_len(const char *s)
{
	return space_at((const unsigned char *)s);
}

int str_blank(const char *s)
{
	size_t k;

	if (!s)
		return 1;
	while ((k = space_at((const unsigned char *)s)) > 0)
		s += k;
	return !*s;
}

int str_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

char *str_lower(char *s)
{
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

char *str_upper(char *s)
{
	for (char *p = s; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return s;
}

/* Optimal string alignment distance: edits and swaps of neighbours ("form"
 * for "from") count one each. */
int str_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int *d = xmalloc((la + 1) * (lb + 1) * sizeof(*d));
	int result;
#define D(i, j) d[(i) * (lb + 1) + (j)]

	for (size_t i = 0; i <= la; i++)
		D(i, 0) = (int)i;
	for (size_t j = 0; j <= lb; j++)
		D(0, j) = (int)j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
			int best = D(i - 1, j - 1) + (ca != cb);
			if (D(i - 1, j) + 1 < best)
				best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	result = D(la, lb);
#undef D
	free(d);
	return result;
}

const char *str_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	int best_d = 0;
	size_t wl = strlen(word);

	for (size_t i = 0; i < n; i++) {
		int d = str_distance(word, candidates[i]);
		/* a prefix is a strong hint: "vis" for "visit" */
		if (wl >= 2 && strncasecmp(candidates[i], word, wl) == 0)
			d = 1;
		if (!best || d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	if (!best)
		return NULL;
	/* allow about a third of the word to differ */
	if (best_d > (int)(wl / 3 + 1) && best_d > 2)
		return NULL;
	return best;
}

int input_open(const char *path, FILE **fp, struct beter_err *err)
{
	struct stat st;
	int e;

	if (!strcmp(path, "-")) {
		*fp = stdin;
		return 0;
	}
	*fp = fopen(path, "rb");
	if (!*fp) {
		e = errno;
		return beter_err_set(err, e == ENOENT || e == ENOTDIR ? BETER_FAIL : BETER_IOERR, _("cannot read '%s': %s"),
				     path, strerror(e));
	}
	if (fstat(fileno(*fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(*fp);
		*fp = NULL;
		return beter_err_set(err, BETER_IOERR, _("cannot read '%s': it is a directory; name a file"), path);
	}
	return 0;
}

int text_check(const char *s, const char *what, int required, size_t max, struct beter_err *err)
{
	if (str_blank(s)) {
		if (required)
			return beter_err_set(err, BETER_DATAERR, _("%s: the text is empty"), what);
		if (!s || !*s)
			return 0;
	}
	if (!utf8_valid(s, strlen(s), NULL))
		return beter_err_set(err, BETER_DATAERR, _("%s: the text is not valid UTF-8"), what);
	if (strlen(s) > max)
		return beter_err_set(err, BETER_DATAERR, _("%s: the text is longer than %zu bytes"), what, max);
	return 0;
}

int uid_valid(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
			return 0;
	return n == 32;
}

void uid_new(char out[33])
{
	unsigned char raw[16];
	size_t got = 0;

	while (got < sizeof(raw)) {
		ssize_t r = getrandom(raw + got, sizeof(raw) - got, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			/* no entropy source: fall back to time and pid, still unique enough */
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
			for (; got < sizeof(raw); got++) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				raw[got] = (unsigned char)x;
			}
			break;
		}
		got += (size_t)r;
	}
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

int parse_int64(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (!s || !*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

int parse_double(const char *s, double *out)
{
	char buf[64];
	char *end;
	size_t n;
	double v;

	if (!s || !*s || isspace((unsigned char)*s))
		return -1;
	n = strlen(s);
	if (n >= sizeof(buf))
		return -1;
	/* Dutch spreadsheets write 6,5 */
	memcpy(buf, s, n + 1);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = '.';
	errno = 0;
	v = strtod(buf, &end);
	if (errno || *end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}
