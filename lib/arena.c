#include "beter/arena.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/util.h"

const char *const arena_groups[] = { "leerlingen", "leraren", "mt", NULL };

/* The three deepening questions of step 3, per group. Management goes
 * through the same steps as the teachers, about policy and leadership. */
static const char *const deepen_questions[ARENA_NGROUPS][3] = {
	{ "Hoe zie je dat terug in de les?", "Wat doet de leraar daarbij?", "Wat doe je zelf?" },
	{ "Waarom is dit belangrijk?", "Waaraan zie je dit in de praktijk?", "Wat heb je ervoor nodig?" },
	{ "Waarom is dit belangrijk voor de school?", "Waaraan zie je dit in beleid en leidinggeven?",
	  "Wat is ervoor nodig?" },
};

int arena_group_parse(const char *s)
{
	for (int g = 0; s && arena_groups[g]; g++)
		if (!strcmp(s, arena_groups[g]))
			return g;
	return -1;
}

const char *arena_deepen_question(int group, char answer)
{
	if (group < 0 || group >= ARENA_NGROUPS || answer < 'a' || answer > 'c')
		return NULL;
	return deepen_questions[group][answer - 'a'];
}

/* ---- folding text for comparison ---- */

/* U+00C0..U+00FF and U+0100..U+017F to base letters. '.' drops the
 * character (a symbol); digits stand for two letters (see fold_pair). */
static const char fold_latin1[] = "aaaaaa1ceeeeiiiidnooooo.ouuuuy34"
				  "aaaaaa1ceeeeiiiidnooooo.ouuuuy3y";
static const char fold_latin_a[] = "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "55"
				   "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "22" "rrrrrr" "ssssssss" "tttttt"
				   "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
_Static_assert(sizeof(fold_latin1) == 65, "one letter per character U+00C0..U+00FF");
_Static_assert(sizeof(fold_latin_a) == 129, "one letter per character U+0100..U+017F");

static const char *fold_pair(char c)
{
	switch (c) {
	case '1': return "ae";
	case '2': return "oe";
	case '3': return "th";
	case '4': return "ss";
	case '5': return "ij";
	default: return NULL;
	}
}

/* The next code point; a malformed sequence reads as U+FFFD. */
static uint32_t next_cp(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint32_t c = *p++;
	int n = 0;

	if (c >= 0xf0)
		c &= 0x07, n = 3;
	else if (c >= 0xe0)
		c &= 0x0f, n = 2;
	else if (c >= 0xc0)
		c &= 0x1f, n = 1;
	else if (c >= 0x80)
		c = 0xfffd;
	for (; n && (*p & 0xc0) == 0x80; n--)
		c = (c << 6) | (*p++ & 0x3f);
	if (n)
		c = 0xfffd;
	*pp = p;
	return c;
}

static void put_cp(struct strbuf *sb, uint32_t c)
{
	char b[4];
	size_t n;

	if (c < 0x80) {
		b[0] = (char)c, n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xc0 | (c >> 6)), b[1] = (char)(0x80 | (c & 0x3f)), n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xe0 | (c >> 12)), b[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		b[2] = (char)(0x80 | (c & 0x3f)), n = 3;
	} else {
		b[0] = (char)(0xf0 | (c >> 18)), b[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3f)), b[3] = (char)(0x80 | (c & 0x3f)), n = 4;
	}
	strbuf_add(sb, b, n);
}

enum fold_kind { F_DROP, F_SPACE, F_KEEP };

static enum fold_kind fold_class(uint32_t c)
{
	if (c < 0x80) {
		if (isalnum((int)c))
			return F_KEEP;
		return isspace((int)c) ? F_SPACE : F_DROP;
	}
	if (c < 0xa0 || (c >= 0xa1 && c <= 0xbf) || (c >= 0x300 && c <= 0x36f))
		return F_DROP; /* C1 controls, Latin-1 symbols, combining marks */
	if (c == 0xa0 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x3000)
		return F_SPACE;
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x206f) ||
	    (c >= 0x3001 && c <= 0x303f) || c == 0xfeff)
		return F_DROP; /* zero-width characters, dashes, quotes, other punctuation */
	return F_KEEP;
}

char *arena_normalise(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int space = 0;

	strbuf_adds(&sb, "");
	while (*p) {
		uint32_t c = next_cp(&p);
		enum fold_kind k = fold_class(c);
		char f = 0;

		if (k == F_DROP)
			continue;
		if (k == F_SPACE) {
			space = 1;
			continue;
		}
		if (c >= 0xc0 && c <= 0xff)
			f = fold_latin1[c - 0xc0];
		else if (c >= 0x100 && c <= 0x17f)
			f = fold_latin_a[c - 0x100];
		if (f == '.')
			continue;
		if (space && sb.len)
			strbuf_addc(&sb, ' ');
		space = 0;
		if (f) {
			const char *pair = fold_pair(f);
			if (pair)
				strbuf_adds(&sb, pair);
			else
				strbuf_addc(&sb, f);
		} else if (c < 0x80) {
			strbuf_addc(&sb, (char)tolower((int)c));
		} else {
			put_cp(&sb, c);
		}
	}
	return strbuf_detach(&sb);
}

/* ---- checks ---- */

const char *arena_identifying(const char *s)
{
	size_t digits = 0;

	for (const char *p = s; p && *p; p++) {
		digits = isdigit((unsigned char)*p) ? digits + 1 : 0;
		if (digits >= 6)
			return "a number of six or more digits, like a pupil number";
		if (*p == '@' && p > s && !isspace((unsigned char)p[-1]) && p[1] && !isspace((unsigned char)p[1])) {
			const char *q = p + 1;
			while (*q && !isspace((unsigned char)*q) && *q != '.')
				q++;
			if (*q == '.' && q > p + 1 && isalpha((unsigned char)q[1]))
				return "an e-mail address";
		}
	}
	return NULL;
}

int arena_check_text(const char *s, size_t max, const char *what, struct beter_err *err)
{
	size_t bad;
	const char *why;

	if (str_blank(s))
		return beter_err_set(err, BETER_DATAERR, "%s: empty; give the text (in quotes when it has spaces)", what);
	if (!utf8_valid(s, strlen(s), &bad))
		return beter_err_set(err, BETER_DATAERR, "%s: not valid UTF-8 (byte 0x%02x at byte %zu)", what,
				     (unsigned char)s[bad], bad + 1);
	if (strlen(s) > max)
		return beter_err_set(err, BETER_DATAERR, "%s: longer than %zu bytes; shorten it", what, max);
	if ((why = arena_identifying(s)))
		return beter_err_set(err, BETER_DATAERR,
				     "%s: contains %s; record what was said by group, never who said it", what, why);
	return 0;
}

static int check_tag(const char *tag, struct beter_err *err)
{
	int rc;

	if ((rc = arena_check_text(tag, ARENA_LABEL_MAX, "--tag", err)))
		return rc;
	for (const char *p = tag; *p; p++)
		if (isspace((unsigned char)*p))
			return beter_err_set(err, BETER_DATAERR, "--tag: '%s' has a space; a tag is one word, e.g. uitleg",
					     tag);
	return 0;
}

static int check_group(int group, struct beter_err *err)
{
	if (group < 0 || group >= ARENA_NGROUPS)
		return beter_err_set(err, BETER_DATAERR, "--from: unknown group (use leerlingen, leraren or mt)");
	return 0;
}

static int check_votes(int64_t votes, struct beter_err *err)
{
	if (votes < 0 || votes > ARENA_VOTES_MAX)
		return beter_err_set(err, BETER_DATAERR, "--votes: %lld is outside 0-%d", (long long)votes,
				     ARENA_VOTES_MAX);
	return 0;
}

/* ---- writing ---- */

int arena_add(sqlite3 *db, int64_t school, int64_t team, const char *theme, int day, const char *pupil_group,
	      int64_t *id, struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33], date[11];
	int rc;

	if ((rc = arena_check_text(theme, ARENA_THEME_MAX, "--theme", err)))
		return rc;
	if (pupil_group && (rc = arena_check_text(pupil_group, ARENA_LABEL_MAX, "--group", err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO arena(uid, school_id, team_id, theme, day, pupil_group) "
				    "VALUES (?1, ?2, ?3, trim(?4), ?5, trim(?6))", &st, err)))
		return rc;
	uid_new(uid);
	date_format(day, date);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, school);
	if (team > 0)
		sqlite3_bind_int64(st, 3, team);
	store_bind_text(st, 4, theme);
	store_bind_text(st, 5, date);
	store_bind_text(st, 6, pupil_group);
	if ((rc = store_step_done(db, st, "adding the arena", err)))
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int arena_find(sqlite3 *db, int64_t id, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT 1 FROM arena WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "finding the arena");
	return beter_err_set(err, BETER_FAIL, "no arena with number %lld (see 'beter arena list')", (long long)id);
}

int arena_outcome_get(sqlite3 *db, int64_t school, int64_t arena, int64_t *team, char **outcome,
		      struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*outcome = NULL;
	if ((rc = store_prepare(db, "SELECT team_id, outcome FROM arena WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, arena);
	sqlite3_bind_int64(st, 2, school);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_fail(db, rc, err, "finding the arena");
		return beter_err_set(err, BETER_FAIL, "no arena with number %lld (see 'beter arena list')", (long long)arena);
	}
	*team = sqlite3_column_int64(st, 0);
	if (sqlite3_column_type(st, 1) != SQLITE_NULL)
		*outcome = xstrdup((const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (!*outcome)
		return beter_err_set(err, BETER_FAIL, "arena %lld has no outcome yet (record it with 'beter arena outcome %lld "
				     "TEXT')", (long long)arena, (long long)arena);
	return 0;
}

/* The row id and group of item `no` of an arena. */
static int item_find(sqlite3 *db, int64_t arena, int64_t no, int64_t *id, int *group, struct beter_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(db, "SELECT id, from_group FROM arena_item WHERE arena_id = ?1 AND item_no = ?2", &st,
				err)))
		return rc;
	sqlite3_bind_int64(st, 1, arena);
	sqlite3_bind_int64(st, 2, no);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (group)
			*group = arena_group_parse(store_col_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return store_fail(db, rc, err, "finding the item");
	return beter_err_set(err, BETER_FAIL, "--item: arena %lld has no item %lld (see 'beter arena show %lld')",
			     (long long)arena, (long long)no, (long long)arena);
}

int arena_question_add(sqlite3 *db, int64_t arena, const char *text, int64_t *no, struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33];
	int rc;

	if ((rc = arena_check_text(text, ARENA_TEXT_MAX, "TEXT", err)) || (rc = arena_find(db, arena, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO arena_question(uid, arena_id, no, text) VALUES (?1, ?2, "
				    "(SELECT coalesce(max(no), 0) + 1 FROM arena_question WHERE arena_id = ?2), trim(?3)) "
				    "RETURNING no", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, arena);
	store_bind_text(st, 3, text);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && no)
		*no = sqlite3_column_int64(st, 0);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "adding the question");
}

int arena_input(sqlite3 *db, int64_t arena, int group, const char *text, int64_t votes, const char *tag,
		int64_t *item, struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33];
	int rc;

	if ((rc = check_group(group, err)) || (rc = arena_check_text(text, ARENA_TEXT_MAX, "TEXT", err)) ||
	    (rc = check_votes(votes, err)) || (tag && (rc = check_tag(tag, err))) ||
	    (rc = arena_find(db, arena, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO arena_item(uid, arena_id, item_no, from_group, text, votes, tag) "
				    "VALUES (?1, ?2, (SELECT coalesce(max(item_no), 0) + 1 FROM arena_item "
				    "WHERE arena_id = ?2), ?3, trim(?4), ?5, trim(?6)) RETURNING item_no", &st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, arena);
	store_bind_text(st, 3, arena_groups[group]);
	store_bind_text(st, 4, text);
	sqlite3_bind_int64(st, 5, votes);
	store_bind_text(st, 6, tag);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && item)
		*item = sqlite3_column_int64(st, 0);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "adding the input");
}

int arena_edit(sqlite3 *db, int64_t arena, int64_t item, int64_t votes, const char *tag, const char *text,
	       struct beter_err *err)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((votes >= 0 && (rc = check_votes(votes, err))) || (tag && *tag && (rc = check_tag(tag, err))) ||
	    (text && (rc = arena_check_text(text, ARENA_TEXT_MAX, "--text", err))) ||
	    (rc = arena_find(db, arena, err)) || (rc = item_find(db, arena, item, &id, NULL, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE arena_item SET votes = coalesce(?2, votes), "
				    "tag = CASE WHEN ?3 IS NULL THEN tag WHEN ?3 = '' THEN NULL ELSE trim(?3) END, "
				    "text = coalesce(trim(?4), text) WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (votes >= 0)
		sqlite3_bind_int64(st, 2, votes);
	store_bind_text(st, 3, tag);
	store_bind_text(st, 4, text);
	return store_step_done(db, st, "changing the input", err);
}

int arena_deepen(sqlite3 *db, int64_t arena, int64_t item, char answer, const char *text, struct beter_err *err)
{
	sqlite3_stmt *st;
	char uid[33], a[2] = { answer, 0 };
	int64_t id;
	int rc;

	if (answer < 'a' || answer > 'c')
		return beter_err_set(err, BETER_DATAERR, "--answer: use a, b or c (the three deepening questions)");
	if ((rc = arena_check_text(text, ARENA_TEXT_MAX, "TEXT", err)) || (rc = arena_find(db, arena, err)) ||
	    (rc = item_find(db, arena, item, &id, NULL, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO arena_answer(uid, item_id, answer, text) VALUES (?1, ?2, ?3, trim(?4))",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	sqlite3_bind_int64(st, 2, id);
	store_bind_text(st, 3, a);
	store_bind_text(st, 4, text);
	return store_step_done(db, st, "adding the answer", err);
}

int arena_set_outcome(sqlite3 *db, int64_t arena, const char *text, int day, struct beter_err *err)
{
	sqlite3_stmt *st;
	char date[11];
	int rc;

	if ((rc = arena_check_text(text, ARENA_TEXT_MAX, "TEXT", err)) || (rc = arena_find(db, arena, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE arena SET outcome = trim(?2), outcome_day = ?3 WHERE id = ?1", &st, err)))
		return rc;
	date_format(day, date);
	sqlite3_bind_int64(st, 1, arena);
	store_bind_text(st, 2, text);
	store_bind_text(st, 3, date);
	return store_step_done(db, st, "recording the outcome", err);
}

/* ---- top lists ---- */

static int item_cmp(const void *a, const void *b)
{
	const struct arena_item *x = a, *y = b;

	if (x->votes != y->votes)
		return x->votes > y->votes ? -1 : 1;
	return x->no < y->no ? -1 : x->no > y->no;
}

void arena_rank(struct arena_toplist *l, size_t n)
{
	size_t all = l->n;

	if (all > 1)
		qsort(l->items, all, sizeof(*l->items), item_cmp);
	for (size_t i = 0; i < all; i++) {
		struct arena_item *it = &l->items[i];
		it->rank = i && l->items[i - 1].votes == it->votes ? l->items[i - 1].rank : (int)i + 1;
		it->tie = (i && l->items[i - 1].votes == it->votes) || (i + 1 < all && l->items[i + 1].votes == it->votes);
	}
	l->cut_tie = n < all && n > 0 && l->items[n - 1].votes == l->items[n].votes;
	for (size_t i = n; i < all; i++) {
		free(l->items[i].text);
		free(l->items[i].tag);
	}
	if (n < all)
		l->n = n;
}

void arena_toplist_release(struct arena_toplist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].text);
		free(l->items[i].tag);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

int arena_toplist_load(sqlite3 *db, int64_t arena, int group, int n, struct arena_toplist *l,
		       struct beter_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((rc = store_prepare(db, "SELECT item_no, votes, text, tag FROM arena_item WHERE arena_id = ?1 "
				    "AND from_group = ?2 ORDER BY item_no", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, arena);
	store_bind_text(st, 2, arena_groups[group]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (l->n == alloc) {
			alloc = alloc ? 2 * alloc : 8;
			l->items = xrealloc(l->items, alloc * sizeof(*l->items));
		}
		struct arena_item *it = &l->items[l->n++];
		memset(it, 0, sizeof(*it));
		it->no = sqlite3_column_int64(st, 0);
		it->votes = sqlite3_column_int64(st, 1);
		it->text = xstrdup(store_col_text(st, 2));
		it->tag = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL : xstrdup(store_col_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		arena_toplist_release(l);
		return store_fail(db, rc, err, "reading the inputs");
	}
	arena_rank(l, n > 0 ? (size_t)n : l->n);
	return 0;
}

/* ---- marking shared items ---- */

static int uf_find(int *parent, int i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

static int same(const char *a, const char *b)
{
	return a && b && *a && !strcmp(a, b);
}

int arena_mark_shared(const struct arena_toplist lists[ARENA_NGROUPS], int *mark[ARENA_NGROUPS])
{
	size_t rows = 0, total = 0;

	for (int g = 0; g < ARENA_NGROUPS; g++) {
		rows = lists[g].n > rows ? lists[g].n : rows;
		total += lists[g].n;
		for (size_t i = 0; i < lists[g].n; i++)
			mark[g][i] = 0;
	}
	if (!total)
		return 0;
	/* the items in reading order: rank by rank, group by group */
	int *grp = xcalloc(total, sizeof(int)), *parent = xcalloc(total, sizeof(int)), *set = xcalloc(total, sizeof(int));
	size_t *idx = xcalloc(total, sizeof(size_t));
	char **text = xcalloc(total, sizeof(char *)), **tag = xcalloc(total, sizeof(char *));
	size_t k = 0;
	int nsets = 0;

	for (size_t r = 0; r < rows; r++)
		for (int g = 0; g < ARENA_NGROUPS; g++)
			if (r < lists[g].n) {
				const struct arena_item *it = &lists[g].items[r];
				grp[k] = g;
				idx[k] = r;
				parent[k] = (int)k;
				text[k] = arena_normalise(it->text);
				tag[k] = it->tag ? arena_normalise(it->tag) : NULL;
				k++;
			}
	for (size_t i = 0; i < total; i++)
		for (size_t j = i + 1; j < total; j++)
			if (grp[i] != grp[j] && (same(tag[i], tag[j]) || same(text[i], text[j])))
				parent[uf_find(parent, (int)j)] = uf_find(parent, (int)i);
	/* a set is shared when it spans more than one group */
	for (size_t i = 0; i < total; i++) {
		int root = uf_find(parent, (int)i), groups = 0;
		if (set[root] == 0) {
			for (int g = 0; g < ARENA_NGROUPS; g++)
				for (size_t j = 0; j < total; j++)
					if (grp[j] == g && uf_find(parent, (int)j) == root) {
						groups++;
						break;
					}
			set[root] = groups > 1 ? ++nsets : -1;
		}
		if (set[root] > 0)
			mark[grp[i]][idx[i]] = set[root];
	}
	for (size_t i = 0; i < total; i++) {
		free(text[i]);
		free(tag[i]);
	}
	free(grp);
	free(parent);
	free(set);
	free(idx);
	free(text);
	free(tag);
	return nsets;
}

/* ---- output ---- */

static const struct out_col arena_cols[] = {
	{ "id", OUT_T_INT },       { "date", OUT_T_TEXT },     { "scope", OUT_T_TEXT },
	{ "team", OUT_T_TEXT },    { "theme", OUT_T_TEXT },    { "pupil_group", OUT_T_TEXT },
	{ "questions", OUT_T_INT }, { "inputs", OUT_T_INT },   { "outcome", OUT_T_TEXT },
};
#define NARENA_COLS (sizeof(arena_cols) / sizeof(*arena_cols))

static const char arena_sql[] =
	"SELECT a.id, a.day, CASE WHEN a.team_id IS NULL THEN 'school' ELSE 'team' END, t.name, a.theme, "
	"a.pupil_group, (SELECT count(*) FROM arena_question q WHERE q.arena_id = a.id), "
	"(SELECT count(*) FROM arena_item i WHERE i.arena_id = a.id), a.outcome, a.outcome_day "
	"FROM arena a LEFT JOIN team t ON t.id = a.team_id ";

static void col_text(struct out *o, sqlite3_stmt *st, int i)
{
	out_text(o, (const char *)sqlite3_column_text(st, i));
}

static void arena_row(struct out *o, sqlite3_stmt *st, size_t ncols)
{
	out_int(o, sqlite3_column_int64(st, 0));
	for (int i = 1; i <= 5; i++)
		col_text(o, st, i);
	if (ncols > 6) {
		out_int(o, sqlite3_column_int64(st, 6));
		out_int(o, sqlite3_column_int64(st, 7));
		col_text(o, st, 8);
	}
}

int arena_list(sqlite3 *db, int64_t school, int64_t team, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s WHERE a.school_id = ?1 AND (?2 = 0 OR a.team_id = ?2) ORDER BY a.day, a.id", arena_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, school);
	sqlite3_bind_int64(st, 2, team);
	out_list(o, arena_cols, NARENA_COLS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		arena_row(o, st, NARENA_COLS);
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "listing arenas");
}

int arena_summary(sqlite3 *db, int64_t arena, struct out *o, struct beter_err *err)
{
	sqlite3_stmt *st;
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addf(&sql, "%s WHERE a.id = ?1", arena_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, arena);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? arena_find(db, arena, err) : store_fail(db, rc, err, "reading the arena");
	}
	out_record(o, arena_cols, NARENA_COLS);
	arena_row(o, st, NARENA_COLS);
	out_end(o);
	sqlite3_finalize(st);
	return 0;
}

static const struct out_col top_cols[] = {
	{ "from", OUT_T_TEXT }, { "rank", OUT_T_INT }, { "item", OUT_T_INT }, { "text", OUT_T_TEXT },
	{ "votes", OUT_T_INT }, { "tag", OUT_T_TEXT }, { "tie", OUT_T_BOOL },
};
#define NTOP_COLS (sizeof(top_cols) / sizeof(*top_cols))

static void top_rows(struct out *o, int group, const struct arena_toplist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct arena_item *it = &l->items[i];
		out_text(o, arena_groups[group]);
		out_int(o, it->rank);
		out_int(o, it->no);
		out_text(o, it->text);
		out_int(o, it->votes);
		out_text(o, it->tag);
		out_bool(o, it->tie);
		out_row_end(o);
	}
}

static int load_all(sqlite3 *db, int64_t arena, int n, struct arena_toplist lists[ARENA_NGROUPS],
		    struct beter_err *err)
{
	int rc;

	memset(lists, 0, ARENA_NGROUPS * sizeof(*lists));
	for (int g = 0; g < ARENA_NGROUPS; g++)
		if ((rc = arena_toplist_load(db, arena, g, n, &lists[g], err))) {
			while (g-- > 0)
				arena_toplist_release(&lists[g]);
			return rc;
		}
	return 0;
}

int arena_top(sqlite3 *db, int64_t arena, int group, int n, struct out *o, struct beter_err *err)
{
	struct arena_toplist lists[ARENA_NGROUPS];
	int rc;

	if (group >= ARENA_NGROUPS || n < 1 || n > ARENA_TOP_MAX)
		return beter_err_set(err, BETER_DATAERR, "--n: %d is outside 1-%d", n, ARENA_TOP_MAX);
	if ((rc = arena_find(db, arena, err)) || (rc = load_all(db, arena, n, lists, err)))
		return rc;
	out_list(o, top_cols, NTOP_COLS);
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		if (group < 0 || g == group)
			top_rows(o, g, &lists[g]);
		arena_toplist_release(&lists[g]);
	}
	out_end(o);
	return 0;
}

static void set_label(char *buf, size_t size, int set)
{
	if (set <= 26)
		snprintf(buf, size, "%c", 'A' + set - 1);
	else
		snprintf(buf, size, "%d", set);
}

static const struct out_col compare_cols[] = {
	{ "rank", OUT_T_INT }, { "leerlingen", OUT_T_TEXT }, { "leraren", OUT_T_TEXT },
	{ "mt", OUT_T_TEXT },  { "shared", OUT_T_TEXT },
};

int arena_compare(sqlite3 *db, int64_t arena, int n, struct out *o, struct beter_err *err)
{
	struct arena_toplist lists[ARENA_NGROUPS];
	int *mark[ARENA_NGROUPS];
	size_t rows = 0;
	int rc, table = o->fmt == OUT_TABLE;
	struct strbuf cell = STRBUF_INIT, shared = STRBUF_INIT;
	char label[16];

	if (n < 1 || n > ARENA_TOP_MAX)
		return beter_err_set(err, BETER_DATAERR, "--n: %d is outside 1-%d", n, ARENA_TOP_MAX);
	if ((rc = arena_find(db, arena, err)) || (rc = load_all(db, arena, n, lists, err)))
		return rc;
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		mark[g] = xcalloc(lists[g].n + 1, sizeof(int));
		rows = lists[g].n > rows ? lists[g].n : rows;
	}
	arena_mark_shared(lists, mark);

	/* the column shared says which items are shared (the same set letter);
	 * a table also marks them in their cells, for the eye */
	out_list(o, compare_cols, 5);
	for (size_t r = 0; r < rows; r++) {
		strbuf_reset(&shared);
		out_int(o, (int64_t)r + 1);
		for (int g = 0; g < ARENA_NGROUPS; g++) {
			if (r >= lists[g].n) {
				out_null(o);
				continue;
			}
			int m = mark[g][r];
			if (m)
				set_label(label, sizeof(label), m);
			if (m && table) {
				strbuf_reset(&cell);
				strbuf_addf(&cell, "%s [%s]", lists[g].items[r].text, label);
				out_text(o, strbuf_str(&cell));
			} else {
				out_text(o, lists[g].items[r].text);
			}
			if (m)
				strbuf_addf(&shared, "%s%s=%s", shared.len ? "," : "", arena_groups[g], label);
		}
		out_text(o, shared.len ? strbuf_str(&shared) : NULL);
		out_row_end(o);
	}
	out_end(o);
	for (int g = 0; g < ARENA_NGROUPS; g++) {
		free(mark[g]);
		arena_toplist_release(&lists[g]);
	}
	strbuf_release(&cell);
	strbuf_release(&shared);
	return 0;
}

/* ---- the whole arena as one document ---- */

static const struct out_col show_doc_cols[] = {
	{ "id", OUT_T_INT },         { "date", OUT_T_TEXT },     { "scope", OUT_T_TEXT },
	{ "team", OUT_T_TEXT },      { "theme", OUT_T_TEXT },    { "pupil_group", OUT_T_TEXT },
	{ "no", OUT_T_INT },         { "question", OUT_T_TEXT }, { "from", OUT_T_TEXT },
	{ "rank", OUT_T_INT },       { "item", OUT_T_INT },      { "text", OUT_T_TEXT },
	{ "votes", OUT_T_INT },      { "tag", OUT_T_TEXT },      { "tie", OUT_T_BOOL },
	{ "answer_to", OUT_T_TEXT }, { "answer", OUT_T_TEXT },   { "outcome", OUT_T_TEXT },
	{ "outcome_date", OUT_T_TEXT },
};
static const struct out_col question_cols[] = { { "no", OUT_T_INT }, { "question", OUT_T_TEXT } };
static const struct out_col input_cols[] = {
	{ "item", OUT_T_INT }, { "from", OUT_T_TEXT }, { "text", OUT_T_TEXT },
	{ "votes", OUT_T_INT }, { "tag", OUT_T_TEXT },
};
static const struct out_col deepen_cols[] = {
	{ "from", OUT_T_TEXT }, { "item", OUT_T_INT }, { "answer_to", OUT_T_TEXT },
	{ "question", OUT_T_TEXT }, { "answer", OUT_T_TEXT },
};
static const struct out_col outcome_cols[] = { { "outcome", OUT_T_TEXT }, { "outcome_date", OUT_T_TEXT } };

#define GROUP_ORDER "CASE from_group WHEN 'leerlingen' THEN 0 WHEN 'leraren' THEN 1 ELSE 2 END"

/* The answers to one item's deepening questions; with placeholders (a row
 * without an answer) for questions still open when open is set. */
static int deepen_rows(sqlite3 *db, sqlite3_stmt *st, int64_t arena, int group, int64_t no, int open, struct out *o,
		       struct beter_err *err)
{
	int rc = SQLITE_DONE;

	for (char a = 'a'; a <= 'c'; a++) {
		char as[2] = { a, 0 };
		int any = 0;

		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, arena);
		sqlite3_bind_int64(st, 2, no);
		store_bind_text(st, 3, as);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			any = 1;
			out_text(o, arena_groups[group]);
			out_int(o, no);
			out_text(o, as);
			out_text(o, arena_deepen_question(group, a));
			col_text(o, st, 0);
			out_row_end(o);
		}
		if (rc != SQLITE_DONE)
			return store_fail(db, rc, err, "reading the answers");
		if (!any && open) {
			out_text(o, arena_groups[group]);
			out_int(o, no);
			out_text(o, as);
			out_text(o, arena_deepen_question(group, a));
			out_null(o);
			out_row_end(o);
		}
	}
	return 0;
}

static int show_deepening(sqlite3 *db, int64_t arena, const struct arena_toplist lists[ARENA_NGROUPS],
			  struct out *o, struct beter_err *err)
{
	sqlite3_stmt *ans, *more;
	int rc;

	if ((rc = store_prepare(db, "SELECT a.text FROM arena_answer a JOIN arena_item i ON i.id = a.item_id "
				    "WHERE i.arena_id = ?1 AND i.item_no = ?2 AND a.answer = ?3 ORDER BY a.id", &ans, err)))
		return rc;
	if ((rc = store_prepare(db, "SELECT DISTINCT i.item_no FROM arena_item i JOIN arena_answer a ON a.item_id = i.id "
				    "WHERE i.arena_id = ?1 AND i.from_group = ?2 ORDER BY i.item_no", &more, err))) {
		sqlite3_finalize(ans);
		return rc;
	}
	out_list(o, deepen_cols, sizeof(deepen_cols) / sizeof(*deepen_cols));
	for (int g = 0; g < ARENA_NGROUPS && !rc; g++) {
		/* the top items, each question answered or open */
		for (size_t i = 0; i < lists[g].n && !rc; i++)
			rc = deepen_rows(db, ans, arena, g, lists[g].items[i].no, 1, o, err);
		/* answers to items outside the top */
		sqlite3_reset(more);
		sqlite3_bind_int64(more, 1, arena);
		store_bind_text(more, 2, arena_groups[g]);
		int step = SQLITE_DONE;
		while (!rc && (step = sqlite3_step(more)) == SQLITE_ROW) {
			int64_t no = sqlite3_column_int64(more, 0);
			int in_top = 0;
			for (size_t i = 0; i < lists[g].n; i++)
				in_top |= lists[g].items[i].no == no;
			if (!in_top)
				rc = deepen_rows(db, ans, arena, g, no, 0, o, err);
		}
		if (!rc && step != SQLITE_DONE)
			rc = store_fail(db, step, err, "reading the answers");
	}
	out_end(o);
	sqlite3_finalize(ans);
	sqlite3_finalize(more);
	return rc;
}

int arena_show(sqlite3 *db, int64_t arena, int n, struct out *o, struct beter_err *err)
{
	struct arena_toplist lists[ARENA_NGROUPS];
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *st;
	char *outcome = NULL, *outcome_day = NULL;
	int rc;

	if ((rc = arena_find(db, arena, err)))
		return rc;
	strbuf_addf(&sql, "%s WHERE a.id = ?1", arena_sql);
	rc = store_prepare(db, strbuf_str(&sql), &st, err);
	strbuf_release(&sql);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, arena);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_fail(db, rc, err, "reading the arena");
	}
	if ((rc = load_all(db, arena, n, lists, err))) {
		sqlite3_finalize(st);
		return rc;
	}
	out_doc_begin(o, show_doc_cols, sizeof(show_doc_cols) / sizeof(*show_doc_cols));
	out_section(o, "arena", "Arena");
	out_record(o, arena_cols, 6);
	arena_row(o, st, 6);
	out_end(o);
	if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
		outcome = xstrdup(store_col_text(st, 8));
		outcome_day = xstrdup(store_col_text(st, 9));
	}
	sqlite3_finalize(st);

	/* the arena's questions */
	if ((rc = store_prepare(db, "SELECT no, text FROM arena_question WHERE arena_id = ?1 ORDER BY no", &st, err)))
		goto done;
	sqlite3_bind_int64(st, 1, arena);
	out_section(o, "questions", "Questions");
	out_list(o, question_cols, 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out_int(o, sqlite3_column_int64(st, 0));
		col_text(o, st, 1);
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = store_fail(db, rc, err, "reading the questions");
		goto done;
	}

	/* what was said, group by group */
	if ((rc = store_prepare(db, "SELECT item_no, from_group, text, votes, tag FROM arena_item WHERE arena_id = ?1 "
				    "ORDER BY " GROUP_ORDER ", item_no", &st, err)))
		goto done;
	sqlite3_bind_int64(st, 1, arena);
	out_section(o, "inputs", "Inputs");
	out_list(o, input_cols, sizeof(input_cols) / sizeof(*input_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out_int(o, sqlite3_column_int64(st, 0));
		col_text(o, st, 1);
		col_text(o, st, 2);
		out_int(o, sqlite3_column_int64(st, 3));
		col_text(o, st, 4);
		out_row_end(o);
	}
	out_end(o);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = store_fail(db, rc, err, "reading the inputs");
		goto done;
	}

	out_section(o, "top", "Top");
	out_list(o, top_cols, NTOP_COLS);
	for (int g = 0; g < ARENA_NGROUPS; g++)
		top_rows(o, g, &lists[g]);
	out_end(o);

	out_section(o, "deepening", "Deepening");
	if ((rc = show_deepening(db, arena, lists, o, err)))
		goto done;

	out_section(o, "outcome", "Outcome");
	out_record(o, outcome_cols, 2);
	out_text(o, outcome);
	out_text(o, outcome_day);
	out_end(o);
	out_doc_end(o);
	rc = 0;
done:
	for (int g = 0; g < ARENA_NGROUPS; g++)
		arena_toplist_release(&lists[g]);
	free(outcome);
	free(outcome_day);
	return rc;
}

/* ---- for the board and goal setting ---- */

int arena_outcomes(sqlite3 *db, int64_t team_id, int until_day,
		   void (*fn)(void *ctx, int64_t arena_id, const char *theme, const char *outcome, int day),
		   void *ctx, struct beter_err *err)
{
	sqlite3_stmt *st;
	char until[11];
	int rc;

	if ((rc = store_prepare(db, "SELECT 1 FROM team WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, team_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? beter_err_set(err, BETER_FAIL, "no team with number %lld", (long long)team_id)
					 : store_fail(db, rc, err, "finding the team");
	if ((rc = store_prepare(db, "SELECT a.id, a.theme, a.outcome, a.outcome_day FROM team t JOIN arena a "
				    "ON a.team_id = t.id OR (a.team_id IS NULL AND a.school_id = t.school_id) "
				    "WHERE t.id = ?1 AND a.outcome IS NOT NULL AND a.outcome_day <= ?2 "
				    "ORDER BY a.outcome_day, a.id", &st, err)))
		return rc;
	date_format(until_day, until);
	sqlite3_bind_int64(st, 1, team_id);
	store_bind_text(st, 2, until);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int y = 0, m = 0, d = 0;
		sscanf(store_col_text(st, 3), "%d-%d-%d", &y, &m, &d);
		fn(ctx, sqlite3_column_int64(st, 0), store_col_text(st, 1), store_col_text(st, 2),
		   date_from_ymd(y, m, d));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(db, rc, err, "reading the arena outcomes");
}
