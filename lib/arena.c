#include "beter/arena.h"

#include <ctype.h>
#include <string.h>

#include "beter/date.h"
#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

const char *const arena_groups[] = { "leerlingen", "leraren", N_("mt"), NULL };

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
			return N_("a number of six or more digits, like a pupil number");
		if (*p == '@' && p > s && !isspace((unsigned char)p[-1]) && p[1] && !isspace((unsigned char)p[1])) {
			const char *q = p + 1;
			while (*q && !isspace((unsigned char)*q) && *q != '.')
				q++;
			if (*q == '.' && q > p + 1 && isalpha((unsigned char)q[1]))
				return N_("an e-mail address");
		}
	}
	return NULL;
}

int arena_check_text(const char *s, size_t max, const char *what, struct beter_err *err)
{
	size_t bad;
	const char *why;

	if (str_blank(s))
		return beter_err_set(err, BETER_DATAERR, _("%s: empty; give the text (in quotes when it has spaces)"), what);
	if (!utf8_valid(s, strlen(s), &bad))
		return beter_err_set(err, BETER_DATAERR, _("%s: not valid UTF-8 (byte 0x%02x at byte %zu)"), what,
				     (unsigned char)s[bad], bad + 1);
	if (strlen(s) > max)
		return beter_err_set(err, BETER_DATAERR, _("%s: longer than %zu bytes; shorten it"), what, max);
	if ((why = arena_identifying(s)))
		return beter_err_set(err, BETER_DATAERR,
				     _("%s: contains %s; record what was said by group, never who said it"), what, _(why));
	return 0;
}

static int check_tag(const char *tag, struct beter_err *err)
{
	int rc;

	if ((rc = arena_check_text(tag, ARENA_LABEL_MAX, "--tag", err)))
		return rc;
	for (const char *p = tag; *p; p++)
		if (isspace((unsigned char)*p))
			return beter_err_set(err, BETER_DATAERR, _("--tag: '%s' has a space; a tag is one word, e.g. uitleg"),
					     tag);
	return 0;
}

static int check_group(int group, struct beter_err *err)
{
	if (group < 0 || group >= ARENA_NGROUPS)
		return beter_err_set(err, BETER_DATAERR, _("--from: unknown group (use leerlingen, leraren or mt)"));
	return 0;
}

static int check_votes(int64_t votes, struct beter_err *err)
{
	if (votes < 0 || votes > ARENA_VOTES_MAX)
		return beter_err_set(err, BETER_DATAERR, _("--votes: %lld is outside 0-%d"), (long long)votes,
				     ARENA_VOTES_MAX);
	return 0;
}

/* ---- writing ---- */

int arena_add(struct store *db, int64_t school, int64_t team, const char *theme, int day, const char *pupil_group,
	      int64_t *id, struct beter_err *err)
{
	struct store_stmt *st;
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
	store_bind_int(st, 2, school);
	if (team > 0)
		store_bind_int(st, 3, team);
	store_bind_text(st, 4, theme);
	store_bind_text(st, 5, date);
	store_bind_text(st, 6, pupil_group);
	if ((rc = store_step_done(db, st, N_("adding the arena"), err)))
		return rc;
	if (id)
		*id = store_last_id(db);
	return 0;
}

int arena_find(struct store *db, int64_t id, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT 1 FROM arena WHERE id = ?1", &st, err)))
		return rc;
	store_bind_int(st, 1, id);
	found = store_next(db, st, &rc, N_("finding the arena"), err);
	store_finalize(st);
	if (found || rc)
		return rc;
	return beter_err_set(err, BETER_FAIL, _("no arena with number %lld (see 'beter arena list')"), (long long)id);
}

int arena_outcome_get(struct store *db, int64_t school, int64_t arena, int64_t *team, char **outcome,
		      struct beter_err *err)
{
	struct store_stmt *st;
	int rc;

	*outcome = NULL;
	if ((rc = store_prepare(db, "SELECT team_id, outcome FROM arena WHERE id = ?1 AND school_id = ?2", &st, err)))
		return rc;
	store_bind_int(st, 1, arena);
	store_bind_int(st, 2, school);
	if (!store_next(db, st, &rc, N_("finding the arena"), err)) {
		store_finalize(st);
		if (rc)
			return rc;
		return beter_err_set(err, BETER_FAIL, _("no arena with number %lld (see 'beter arena list')"), (long long)arena);
	}
	*team = store_col_int(st, 0);
	if (!store_col_null(st, 1))
		*outcome = xstrdup(store_col(st, 1));
	store_finalize(st);
	if (!*outcome)
		return beter_err_set(err, BETER_FAIL, _("arena %lld has no outcome yet (record it with 'beter arena outcome %lld "
				     "TEXT')"), (long long)arena, (long long)arena);
	return 0;
}

/* The row id and group of item `no` of an arena. */
static int item_find(struct store *db, int64_t arena, int64_t no, int64_t *id, int *group, struct beter_err *err)
{
	struct store_stmt *st;
	int rc, found;

	if ((rc = store_prepare(db, "SELECT id, from_group FROM arena_item WHERE arena_id = ?1 AND item_no = ?2", &st,
				err)))
		return rc;
	store_bind_int(st, 1, arena);
	store_bind_int(st, 2, no);
	if ((found = store_next(db, st, &rc, N_("finding the item"), err))) {
		*id = store_col_int(st, 0);
		if (group)
			*group = arena_group_parse(store_col_text(st, 1));
	}
	store_finalize(st);
	if (found || rc)
		return rc;
	return beter_err_set(err, BETER_FAIL, _("--item: arena %lld has no item %lld (see 'beter arena show %lld')"),
			     (long long)arena, (long long)no, (long long)arena);
}

/* Run an INSERT ... RETURNING of one number, into *v (if v), and finalize it. */
static int step_returning(struct store *db, struct store_stmt *st, int64_t *v, const char *what, struct beter_err *err)
{
	int rc = store_step(st);

	if (rc == STORE_ROW && v)
		*v = store_col_int(st, 0);
	if (rc == STORE_ROW)
		rc = store_step(st);
	store_finalize(st);
	return rc == STORE_DONE ? 0 : store_fail(db, rc, err, what);
}

int arena_question_add(struct store *db, int64_t arena, const char *text, int64_t *no, struct beter_err *err)
{
	struct store_stmt *st;
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
	store_bind_int(st, 2, arena);
	store_bind_text(st, 3, text);
	return step_returning(db, st, no, _("adding the question"), err);
}

int arena_input(struct store *db, int64_t arena, int group, const char *text, int64_t votes, const char *tag,
		int64_t *item, struct beter_err *err)
{
	struct store_stmt *st;
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
	store_bind_int(st, 2, arena);
	store_bind_text(st, 3, arena_groups[group]);
	store_bind_text(st, 4, text);
	store_bind_int(st, 5, votes);
	store_bind_text(st, 6, tag);
	return step_returning(db, st, item, _("adding the input"), err);
}

int arena_edit(struct store *db, int64_t arena, int64_t item, int64_t votes, const char *tag, const char *text,
	       struct beter_err *err)
{
	struct store_stmt *st;
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
	store_bind_int(st, 1, id);
	if (votes >= 0)
		store_bind_int(st, 2, votes);
	store_bind_text(st, 3, tag);
	store_bind_text(st, 4, text);
	return store_step_done(db, st, N_("changing the input"), err);
}

int arena_deepen(struct store *db, int64_t arena, int64_t item, char answer, const char *text, struct beter_err *err)
{
	struct store_stmt *st;
	char uid[33], a[2] = { answer, 0 };
	int64_t id;
	int rc;

	if (answer < 'a' || answer > 'c')
		return beter_err_set(err, BETER_DATAERR, _("--answer: use a, b or c (the three deepening questions)"));
	if ((rc = arena_check_text(text, ARENA_TEXT_MAX, "TEXT", err)) || (rc = arena_find(db, arena, err)) ||
	    (rc = item_find(db, arena, item, &id, NULL, err)))
		return rc;
	if ((rc = store_prepare(db, "INSERT INTO arena_answer(uid, item_id, answer, text) VALUES (?1, ?2, ?3, trim(?4))",
				&st, err)))
		return rc;
	uid_new(uid);
	store_bind_text(st, 1, uid);
	store_bind_int(st, 2, id);
	store_bind_text(st, 3, a);
	store_bind_text(st, 4, text);
	return store_step_done(db, st, N_("adding the answer"), err);
}

int arena_set_outcome(struct store *db, int64_t arena, const char *text, int day, struct beter_err *err)
{
	struct store_stmt *st;
	char date[11];
	int rc;

	if ((rc = arena_check_text(text, ARENA_TEXT_MAX, "TEXT", err)) || (rc = arena_find(db, arena, err)))
		return rc;
	if ((rc = store_prepare(db, "UPDATE arena SET outcome = trim(?2), outcome_day = ?3 WHERE id = ?1", &st, err)))
		return rc;
	date_format(day, date);
	store_bind_int(st, 1, arena);
	store_bind_text(st, 2, text);
	store_bind_text(st, 3, date);
	return store_step_done(db, st, N_("recording the outcome"), err);
}
