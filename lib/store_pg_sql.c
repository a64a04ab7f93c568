/* store_pg_sql.c - beter's SQL, written for SQLite, as PostgreSQL runs it.
 *
 * One source of SQL serves both engines: what the two spell differently is
 * rewritten here, token by token, when a statement is prepared on
 * PostgreSQL; what PostgreSQL lacks as a function is in the schema
 * beter_compat (share/sql/pg/compat.sql). The rewrites:
 *   ?N, ?          $N (a bare ? takes the next number, as in SQLite)
 *   IS NOT x       IS DISTINCT FROM x      (x not NULL, TRUE, FALSE)
 *   IS x           IS NOT DISTINCT FROM x
 *   ORDER BY t     t NULLS FIRST, or NULLS LAST after DESC: SQLite sorts
 *                  NULL below every value, PostgreSQL above
 *   INSERT OR IGNORE ... [RETURNING]  INSERT ... ON CONFLICT DO NOTHING
 *   LIKE           ILIKE (SQLite's LIKE ignores the case of ASCII letters)
 *   GLOB 'p'       SIMILAR TO 'p' with * and ? as % and _
 *   AS REAL        AS double precision (SQLite's REAL has 8 bytes)
 *   main.t, temp.t t, pg_temp.t
 *   FROM (SELECT ...)  FROM (SELECT ...) AS beter_sN: PostgreSQL names
 *                  every subquery in FROM
 *   a = b COLLATE NOCASE     lower(a COLLATE "C") = lower(b COLLATE "C"),
 *   BY a COLLATE NOCASE, ... and a sort key so: SQLite's NOCASE folds the
 *                  ASCII letters only, as lower() does in the "C" collation;
 *                  it finds the key the store's unique index has (lower(x)),
 *                  and the ICU collation beter_compat.nocase, which the
 *                  other forms keep, costs a backend some 10 ms to load
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "beter/store_pg.h"
#include "beter/util.h"

enum tok { T_END, T_WORD, T_PARAM, T_STRING, T_QUOTED, T_NUMBER, T_OPEN, T_CLOSE, T_COMMA, T_SEMI, T_DOT, T_OTHER };

struct token {
	enum tok t;
	const char *p;  /* the token's text */
	size_t n;
	const char *ws; /* the space and comments before it */
	size_t wsn;
};

struct lexer {
	const char *s;
	struct token *v;
	size_t n, alloc;
};

static size_t skip_space(const char *s)
{
	size_t i = 0;

	for (;;) {
		if (isspace((unsigned char)s[i])) {
			i++;
		} else if (s[i] == '-' && s[i + 1] == '-') {
			while (s[i] && s[i] != '\n')
				i++;
		} else if (s[i] == '/' && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");
			i = e ? (size_t)(e - s) + 2 : strlen(s);
		} else {
			return i;
		}
	}
}

/* The length of the quoted token at s (quote q, doubled inside). */
static size_t quoted(const char *s, char q)
{
	size_t i = 1;

	while (s[i]) {
		if (s[i] == q) {
			if (s[i + 1] != q)
				return i + 1;
			i++;
		}
		i++;
	}
	return i;
}

static enum tok scan(const char *s, size_t *len)
{
	size_t i = 0;
	unsigned char c = (unsigned char)s[0];

	if (!c) {
		*len = 0;
		return T_END;
	}
	if (isalpha(c) || c == '_' || c >= 0x80) {
		while (isalnum((unsigned char)s[i]) || s[i] == '_' || (unsigned char)s[i] >= 0x80)
			i++;
		*len = i;
		return T_WORD;
	}
	if (isdigit(c)) {
		while (isalnum((unsigned char)s[i]) || s[i] == '.')
			i++;
		*len = i;
		return T_NUMBER;
	}
	*len = 1;
	switch (c) {
	case '?':
		while (isdigit((unsigned char)s[*len]))
			++*len;
		return T_PARAM;
	case '\'': *len = quoted(s, '\''); return T_STRING;
	case '"': *len = quoted(s, '"'); return T_QUOTED;
	case '(': return T_OPEN;
	case ')': return T_CLOSE;
	case ',': return T_COMMA;
	case ';': return T_SEMI;
	case '.': return T_DOT;
	default:
		/* two-character operators stay together: <> <= >= != || == */
		if (strchr("<>!|=", c) && s[1] && strchr("<>=|", s[1]))
			*len = 2;
		return T_OTHER;
	}
}

static void lex(struct lexer *lx, const char *sql)
{
	const char *s = sql;

	for (;;) {
		struct token t;
		t.ws = s;
		t.wsn = skip_space(s);
		s += t.wsn;
		t.p = s;
		t.t = scan(s, &t.n);
		s += t.n;
		if (lx->n == lx->alloc) {
			lx->alloc = lx->alloc ? 2 * lx->alloc : 64;
			lx->v = xrealloc(lx->v, lx->alloc * sizeof(*lx->v));
		}
		lx->v[lx->n++] = t;
		if (t.t == T_END)
			return;
	}
}

static int is(const struct token *t, const char *word)
{
	return t->t == T_WORD && t->n == strlen(word) && !strncasecmp(t->p, word, t->n);
}

/* An ORDER BY being read, at a depth of parentheses. */
#define MAX_ORDER 32
struct rewriter {
	struct lexer lx;
	struct strbuf out;
	int depth;
	int order_depth[MAX_ORDER]; /* the ORDER BY lists open, innermost last */
	int order_dir[MAX_ORDER];   /* the current term: 0 ascending, 1 DESC, 2 says NULLS itself */
	int norders;
	unsigned char sub[64]; /* at depth d + 1: a subquery in FROM, to be named */
	int nsub;
	int conflict; /* an INSERT OR IGNORE waits for its ON CONFLICT */
	int params;   /* the highest parameter number */
	unsigned char *flags;      /* per parameter (from 0): PG_PARAM_* */
	int nflags;
	const unsigned char *nulls; /* parameters written as NULL, or NULL */
};

/* End the current ORDER BY term, if one is open at this depth. */
static void end_term(struct rewriter *r)
{
	if (!r->norders || r->order_depth[r->norders - 1] != r->depth)
		return;
	int d = r->order_dir[r->norders - 1];
	if (d == 0)
		strbuf_adds(&r->out, " NULLS FIRST");
	else if (d == 1)
		strbuf_adds(&r->out, " NULLS LAST");
	r->order_dir[r->norders - 1] = 0;
}

static void end_order(struct rewriter *r)
{
	if (r->norders && r->order_depth[r->norders - 1] == r->depth) {
		end_term(r);
		r->norders--;
	}
}

static void end_conflict(struct rewriter *r)
{
	if (r->conflict && r->depth == 0) {
		strbuf_adds(&r->out, " ON CONFLICT DO NOTHING");
		r->conflict = 0;
	}
}

static void put(struct rewriter *r, const struct token *t)
{
	strbuf_add(&r->out, t->ws, t->wsn);
	strbuf_add(&r->out, t->p, t->n);
}

static void put_text(struct rewriter *r, const struct token *t, const char *text)
{
	strbuf_add(&r->out, t->ws, t->wsn);
	strbuf_adds(&r->out, text);
}

/* A GLOB pattern as a SIMILAR TO pattern: * is %, ? is _, % and _ escaped. */
static void put_glob(struct rewriter *r, const struct token *t)
{
	strbuf_add(&r->out, t->ws, t->wsn);
	for (size_t i = 0; i < t->n; i++) {
		char c = t->p[i];
		if (c == '*')
			strbuf_addc(&r->out, '%');
		else if (c == '?')
			strbuf_addc(&r->out, '_');
		else if (c == '%' || c == '_')
			strbuf_adds(&r->out, c == '%' ? "\\%" : "\\_");
		else
			strbuf_addc(&r->out, c);
	}
}

/* Words that end an ORDER BY list at its own depth. */
static int ends_order(const struct token *t)
{
	static const char *const words[] = { "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "ROWS", "RANGE",
					     "GROUPS", "FETCH", "RETURNING", "ON" };

	if (t->t == T_END || t->t == T_SEMI || t->t == T_CLOSE)
		return 1;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (is(t, words[i]))
			return 1;
	return 0;
}

/* A name follows a subquery: AS, or a word that is not a keyword. */
static int has_alias(const struct token *t)
{
	static const char *const words[] = { "WHERE", "ORDER", "GROUP", "LIMIT", "OFFSET", "UNION", "EXCEPT",
					     "INTERSECT", "JOIN", "LEFT", "INNER", "CROSS", "NATURAL", "ON", "HAVING",
					     "WINDOW", "USING", "FULL", "RIGHT" };

	if (t->t != T_WORD)
		return t->t == T_QUOTED;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (is(t, words[i]))
			return 0;
	return 1;
}

/* IS [NOT] x: t is the IS; returns the tokens used. */
static size_t rewrite_is(struct rewriter *r, const struct token *t)
{
	const struct token *n1 = t + 1;
	int neg = is(n1, "NOT");
	const struct token *x = neg ? n1 + 1 : n1;

	if (is(x, "NULL") || is(x, "TRUE") || is(x, "FALSE") || is(x, "DISTINCT")) {
		put(r, t);
		return 1;
	}
	put_text(r, t, neg ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM");
	return neg ? 2 : 1;
}

/* A parameter ?N or ? as $N (with the space before it when ws). */
static void put_param(struct rewriter *r, const struct token *t, int ws)
{
	int no = t->n > 1 ? atoi(t->p + 1) : r->params + 1;
	if (no < 1 || no > 999)
		no = 999; /* as SQLite, which refuses it */
	if (no > r->params)
		r->params = no;
	if (no > r->nflags) {
		r->flags = xrealloc(r->flags, (size_t)no);
		memset(r->flags + r->nflags, 0, (size_t)(no - r->nflags));
		r->nflags = no;
	}
	r->flags[no - 1] |= PG_PARAM_USED;
	if (is(t + 1, "IS"))
		r->flags[no - 1] |= PG_PARAM_TESTED;
	if (ws)
		strbuf_add(&r->out, t->ws, t->wsn);
	if (r->nulls && r->nulls[no - 1])
		strbuf_adds(&r->out, "NULL");
	else
		strbuf_addf(&r->out, "$%d", no);
}

/* The tokens of a plain operand at t: a parameter, a string, a name or
 * a qualified name t.c; 0 for anything else. */
static size_t operand(const struct token *t)
{
	if (t->t == T_PARAM || t->t == T_STRING)
		return 1;
	if (t->t != T_WORD)
		return 0;
	if (t[1].t == T_DOT && t[2].t == T_WORD)
		return 3;
	return t[1].t == T_OPEN || t[1].t == T_DOT ? 0 : 1;
}

static int is_nocase(const struct token *t)
{
	return is(t, "COLLATE") && is(t + 1, "NOCASE");
}

/* lower(x COLLATE "C") of the n tokens of an operand at t. */
static void put_folded(struct rewriter *r, const struct token *t, size_t n, int ws)
{
	if (ws)
		strbuf_add(&r->out, t->ws, t->wsn);
	strbuf_adds(&r->out, "lower(");
	for (size_t k = 0; k < n; k++) {
		if (t[k].t == T_PARAM)
			put_param(r, &t[k], k > 0);
		else if (k == 0)
			strbuf_add(&r->out, t[k].p, t[k].n);
		else
			put(r, &t[k]);
	}
	strbuf_adds(&r->out, " COLLATE \"C\")");
}

/* a = b COLLATE NOCASE (after WHERE, AND, OR, NOT, ON, WHEN, BY or an
 * opening parenthesis), or a sort key a COLLATE NOCASE (after BY or a
 * comma, ending the term); returns the tokens used, 0 for none. */
static size_t rewrite_nocase(struct rewriter *r, size_t i)
{
	static const char *const before[] = { "WHERE", "AND", "OR", "NOT", "ON", "WHEN", "BY", "HAVING" };
	const struct token *t = &r->lx.v[i];
	const struct token *p = i > 0 ? t - 1 : NULL;
	size_t a = operand(t), b;
	int after = p && p->t == T_OPEN;

	if (!a || !p)
		return 0;
	for (size_t k = 0; k < sizeof(before) / sizeof(before[0]); k++)
		after |= is(p, before[k]);
	const struct token *op = t + a;
	if (after && op->t == T_OTHER && ((op->n == 1 && *op->p == '=') || (op->n == 2 && !strncmp(op->p, "<>", 2))) &&
	    (b = operand(op + 1)) && is_nocase(op + 1 + b)) {
		put_folded(r, t, a, 1);
		put(r, op);
		put_folded(r, op + 1, b, 1);
		return a + 1 + b + 2;
	}
	if (!(is(p, "BY") || p->t == T_COMMA) || !r->norders || r->order_depth[r->norders - 1] != r->depth ||
	    !is_nocase(t + a))
		return 0;
	const struct token *e = t + a + 2;
	if (e->t != T_COMMA && !is(e, "DESC") && !is(e, "ASC") && !ends_order(e))
		return 0;
	put_folded(r, t, a, 1);
	return a + 2;
}

/* One token (or a few) at v[i]; returns how many were used. */
static size_t step(struct rewriter *r, size_t i)
{
	const struct token *t = &r->lx.v[i];
	int order_here = r->norders && r->order_depth[r->norders - 1] == r->depth;

	if (order_here && ends_order(t))
		end_order(r);
	else if (order_here && t->t == T_COMMA)
		end_term(r);
	if (t->t == T_END || t->t == T_SEMI || (is(t, "RETURNING") && r->depth == 0))
		end_conflict(r);
	if (t->t == T_WORD || t->t == T_PARAM || t->t == T_STRING) {
		size_t used = rewrite_nocase(r, i);
		if (used)
			return used;
	}
	switch (t->t) {
	case T_OPEN:
		r->depth++;
		if (r->depth < (int)sizeof(r->sub))
			r->sub[r->depth] = i > 0 && (is(t - 1, "FROM") || is(t - 1, "JOIN")) && is(t + 1, "SELECT");
		break;
	case T_CLOSE:
		/* the ORDER BY of an OVER (...) or a subquery ended above */
		if (r->depth > 0 && r->depth < (int)sizeof(r->sub) && r->sub[r->depth] && !has_alias(t + 1)) {
			put(r, t);
			strbuf_addf(&r->out, " AS beter_s%d", ++r->nsub);
			r->depth--;
			return 1;
		}
		if (r->depth > 0)
			r->depth--;
		break;
	case T_PARAM:
		put_param(r, t, 1);
		return 1;
	default: break;
	}
	if (t->t != T_WORD) {
		put(r, t);
		return 1;
	}
	if (is(t, "ORDER") && is(t + 1, "BY") && r->norders < MAX_ORDER) {
		put(r, t);
		put(r, t + 1);
		r->order_depth[r->norders] = r->depth;
		r->order_dir[r->norders++] = 0;
		return 2;
	}
	if (order_here && is(t, "DESC"))
		r->order_dir[r->norders - 1] = 1;
	if (order_here && is(t, "NULLS"))
		r->order_dir[r->norders - 1] = 2;
	if (is(t, "IS"))
		return rewrite_is(r, t);
	if (is(t, "INSERT") && is(t + 1, "OR") && is(t + 2, "IGNORE")) {
		put(r, t);
		r->conflict = 1;
		return 3;
	}
	if (is(t, "LIKE")) {
		put_text(r, t, "ILIKE");
		return 1;
	}
	if (is(t, "GLOB") && t[1].t == T_STRING) {
		put_text(r, t, "SIMILAR TO");
		put_glob(r, t + 1);
		return 2;
	}
	if (is(t, "AS") && is(t + 1, "REAL")) {
		put(r, t);
		put_text(r, t + 1, "double precision");
		return 2;
	}
	if ((is(t, "main") || is(t, "temp")) && t[1].t == T_DOT && i + 2 < r->lx.n &&
	    (t[2].t == T_WORD || t[2].t == T_QUOTED)) {
		if (is(t, "temp"))
			put_text(r, t, "pg_temp.");
		else
			strbuf_add(&r->out, t->ws, t->wsn);
		return 2;
	}
	put(r, t);
	return 1;
}

char *pg_sql(const char *sql, int *nparams)
{
	return pg_sql_params(sql, nparams, NULL, NULL);
}

char *pg_sql_params(const char *sql, int *nparams, unsigned char **flags, const unsigned char *nulls)
{
	struct rewriter r;

	memset(&r, 0, sizeof(r));
	r.nulls = nulls;
	strbuf_init(&r.out);
	lex(&r.lx, sql);
	for (size_t i = 0; i < r.lx.n;) {
		size_t used = step(&r, i);
		if (r.lx.v[i].t == T_END)
			break;
		i += used;
	}
	free(r.lx.v);
	if (nparams)
		*nparams = r.params;
	if (flags) {
		*flags = xcalloc((size_t)(r.params ? r.params : 1), 1);
		if (r.nflags)
			memcpy(*flags, r.flags, (size_t)r.nflags);
	}
	free(r.flags);
	return strbuf_detach(&r.out);
}

/* Whether the comma-separated list has the name p (n bytes). */
static int in_list(const char *list, const char *p, size_t n)
{
	while (*list) {
		size_t len = strcspn(list, ",");
		if (len == n && !strncmp(list, p, n))
			return 1;
		list += len + (list[len] == ',');
	}
	return 0;
}

char *pg_sql_inserts(const char *sql)
{
	struct lexer lx;
	struct strbuf sb = STRBUF_INIT;

	memset(&lx, 0, sizeof(lx));
	lex(&lx, sql);
	for (size_t i = 0; i < lx.n; i++) {
		const struct token *t = &lx.v[i];
		if (!is(t, "INSERT"))
			continue;
		t++;
		if (is(t, "OR") && t[1].t == T_WORD)
			t += 2;
		if (!is(t, "INTO"))
			continue;
		t++;
		if ((is(t, "temp") || is(t, "pg_temp")) && t[1].t == T_DOT)
			continue;
		if (is(t, "main") && t[1].t == T_DOT)
			t += 2;
		if (t->t != T_WORD || in_list(strbuf_str(&sb), t->p, t->n))
			continue;
		if (sb.len)
			strbuf_addc(&sb, ',');
		strbuf_add(&sb, t->p, t->n);
	}
	free(lx.v);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}
