#include "unit.h"

#include "beter/arena.h"
#include "beter/date.h"
#include "beter/team.h"

static void check_norm(const char *in, const char *want)
{
	char *got = arena_normalise(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_normalise(void **state)
{
	(void)state;
	check_norm("Goede UITLEG", "goede uitleg");
	/* Dutch accents and trema fold */
	check_norm("Ideeën, één café; naïef", "ideeen een cafe naief");
	check_norm("ÉÊËÈ ÏÎ Ö Ü Çç Ññ", "eeee ii o u cc nn");
	check_norm("Zeynep Yılmaz", "zeynep yilmaz");
	check_norm("ĳsje Straße Œuvre Æ", "ijsje strasse oeuvre ae");
	/* combining marks (decomposed é) fold too */
	check_norm("e\xcc\x81" "e\xcc\x88" "n", "een");
	/* punctuation dropped, white space collapsed and trimmed */
	check_norm("  Uitleg   met\tvoorbeelden!!  ", "uitleg met voorbeelden");
	check_norm("'s ochtends — “rust”… in de klas?", "s ochtends rust in de klas");
	check_norm("zelf-standig werken", "zelfstandig werken");
	check_norm("a\xc2\xa0" "b", "a b"); /* no-break space */
	check_norm("groep 7/8", "groep 78");
	check_norm("?!...", "");
	check_norm("", "");
	check_norm("Ω Δ", "Ω Δ"); /* other letters stay */
}

static void test_identifying(void **state)
{
	(void)state;
	assert_null(arena_identifying("uitleg met voorbeelden in groep 7/8"));
	assert_null(arena_identifying("op 2026-11-20 was het rustig"));
	assert_null(arena_identifying("mail de juf @ school"));
	assert_non_null(arena_identifying("leerling 1234567 zei het"));
	assert_non_null(arena_identifying("vraag piet@school.nl"));
	struct beter_err err = { 0 };
	assert_int_equal(arena_check_text("  ", 100, "TEXT", &err), BETER_DATAERR);
	assert_int_equal(arena_check_text("a\xff", 100, "TEXT", &err), BETER_DATAERR);
	assert_int_equal(arena_check_text("abcdef", 5, "TEXT", &err), BETER_DATAERR);
	assert_int_equal(arena_check_text("nummer 123456", 100, "TEXT", &err), BETER_DATAERR);
	assert_non_null(strstr(err.msg, "never who said it"));
	assert_int_equal(arena_check_text("prima", 100, "TEXT", &err), 0);
}

static void add(struct arena_toplist *l, int64_t no, int64_t votes, const char *text, const char *tag)
{
	l->items = realloc(l->items, (l->n + 1) * sizeof(*l->items));
	struct arena_item *it = &l->items[l->n++];
	memset(it, 0, sizeof(*it));
	it->no = no;
	it->votes = votes;
	it->text = strdup(text);
	it->tag = tag ? strdup(tag) : NULL;
}

static void test_rank_ties(void **state)
{
	struct arena_toplist l = { 0 };
	(void)state;

	add(&l, 1, 4, "een", NULL);
	add(&l, 2, 7, "twee", NULL);
	add(&l, 3, 4, "drie", NULL);
	add(&l, 4, 9, "vier", NULL);
	add(&l, 5, 4, "vijf", NULL);
	add(&l, 6, 1, "zes", NULL);
	arena_rank(&l, 3);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[0].no, 4);
	assert_int_equal(l.items[0].rank, 1);
	assert_false(l.items[0].tie);
	assert_int_equal(l.items[1].no, 2);
	assert_int_equal(l.items[1].rank, 2);
	/* items 1, 3 and 5 tie at 4 votes: the earliest input goes first */
	assert_int_equal(l.items[2].no, 1);
	assert_int_equal(l.items[2].rank, 3);
	assert_true(l.items[2].tie);
	assert_true(l.cut_tie);
	arena_toplist_release(&l);

	/* a tie inside the top, none at the cut */
	add(&l, 1, 5, "a", NULL);
	add(&l, 2, 5, "b", NULL);
	add(&l, 3, 3, "c", NULL);
	add(&l, 4, 2, "d", NULL);
	arena_rank(&l, 3);
	assert_int_equal(l.items[0].no, 1);
	assert_int_equal(l.items[1].no, 2);
	assert_int_equal(l.items[0].rank, 1);
	assert_int_equal(l.items[1].rank, 1);
	assert_true(l.items[1].tie);
	assert_int_equal(l.items[2].rank, 3);
	assert_false(l.items[2].tie);
	assert_false(l.cut_tie);
	arena_toplist_release(&l);

	/* no items at all */
	arena_rank(&l, 3);
	assert_int_equal(l.n, 0);
	assert_false(l.cut_tie);

	/* fewer items than asked */
	add(&l, 1, 0, "a", NULL);
	arena_rank(&l, 3);
	assert_int_equal(l.n, 1);
	assert_false(l.cut_tie);
	arena_toplist_release(&l);
}

static void test_mark_shared(void **state)
{
	struct arena_toplist lists[ARENA_NGROUPS] = { { 0 } };
	int m0[4], m1[4], m2[4];
	int *mark[ARENA_NGROUPS] = { m0, m1, m2 };
	(void)state;

	add(&lists[0], 1, 9, "Uitleg met voorbeelden!", NULL);
	add(&lists[0], 2, 5, "Rust in de klas", "rust");
	add(&lists[0], 3, 4, "Leuke opdrachten", NULL);
	add(&lists[1], 4, 8, "Orde en structuur", "rust");
	add(&lists[1], 5, 6, "uitleg  met VOORBEELDEN", NULL);
	add(&lists[1], 6, 2, "Leuke opdrachten", NULL);
	add(&lists[2], 7, 3, "Doelen delen", NULL);
	add(&lists[2], 8, 2, "Ideeën van leerlingen", "inspraak");
	/* same text within one group is not shared */
	add(&lists[2], 9, 1, "Doelen delen", NULL);

	assert_int_equal(arena_mark_shared(lists, mark), 3);
	/* reading order: rank 1 leerlingen "uitleg" is A, rank 1 leraren "rust" is B */
	assert_int_equal(m0[0], 1);
	assert_int_equal(m1[1], 1);
	assert_int_equal(m1[0], 2);
	assert_int_equal(m0[1], 2);
	assert_int_equal(m0[2], 3);
	assert_int_equal(m1[2], 3);
	assert_int_equal(m2[0], 0);
	assert_int_equal(m2[1], 0);
	assert_int_equal(m2[2], 0);
	for (int g = 0; g < ARENA_NGROUPS; g++)
		arena_toplist_release(&lists[g]);

	/* a tag links items whose texts differ; a text match joins a third */
	add(&lists[0], 1, 1, "Voorbeelden", "uitleg");
	add(&lists[1], 2, 1, "Stap voor stap voordoen", "Uitleg");
	add(&lists[2], 3, 1, "stap voor stap voordoen.", NULL);
	assert_int_equal(arena_mark_shared(lists, mark), 1);
	assert_int_equal(m0[0], 1);
	assert_int_equal(m1[0], 1);
	assert_int_equal(m2[0], 1);
	for (int g = 0; g < ARENA_NGROUPS; g++)
		arena_toplist_release(&lists[g]);

	/* empty lists and texts that fold to nothing */
	assert_int_equal(arena_mark_shared(lists, mark), 0);
	add(&lists[0], 1, 1, "?!", NULL);
	add(&lists[1], 2, 1, "...", NULL);
	assert_int_equal(arena_mark_shared(lists, mark), 0);
	for (int g = 0; g < ARENA_NGROUPS; g++)
		arena_toplist_release(&lists[g]);
}

struct seen {
	int n;
	int64_t ids[8];
	int days[8];
};

static void collect(void *ctx, int64_t arena_id, const char *theme, const char *outcome, int day)
{
	struct seen *s = ctx;
	assert_non_null(theme);
	assert_non_null(outcome);
	s->ids[s->n] = arena_id;
	s->days[s->n++] = day;
}

static void test_store(void **state)
{
	struct store *db = unit_store();
	struct beter_err err = { 0 };
	int64_t bb, ob, a1, a2, a3, item;
	struct seen s = { 0 };
	(void)state;

	assert_int_equal(team_add(db, 1, "Team Bovenbouw", NULL, &bb, &err), 0);
	assert_int_equal(team_add(db, 1, "Team Onderbouw", NULL, &ob, &err), 0);
	assert_int_equal(arena_add(db, 1, bb, "goede uitleg", date_from_ymd(2026, 10, 7), "groep 7/8", &a1, &err), 0);
	assert_int_equal(arena_add(db, 1, 0, "rust", date_from_ymd(2026, 9, 1), NULL, &a2, &err), 0);
	assert_int_equal(arena_add(db, 1, ob, "lezen", date_from_ymd(2026, 9, 1), NULL, &a3, &err), 0);
	assert_int_equal(arena_add(db, 1, bb, " ", 0, NULL, NULL, &err), BETER_DATAERR);
	assert_int_equal(arena_add(db, 1, bb, "x", 0, "leerling 12345678", NULL, &err), BETER_DATAERR);
	assert_int_equal(arena_find(db, 99, &err), BETER_FAIL);

	/* item numbers count per arena */
	assert_int_equal(arena_input(db, a1, ARENA_LEERLINGEN, "voorbeelden", 3, NULL, &item, &err), 0);
	assert_int_equal(item, 1);
	assert_int_equal(arena_input(db, a1, ARENA_MT, "rust", 0, "rust", &item, &err), 0);
	assert_int_equal(item, 2);
	assert_int_equal(arena_input(db, a2, ARENA_LERAREN, "rust", 0, NULL, &item, &err), 0);
	assert_int_equal(item, 1);
	assert_int_equal(arena_input(db, a1, ARENA_MT, "x", -1, NULL, &item, &err), BETER_DATAERR);
	assert_int_equal(arena_input(db, a1, 7, "x", 0, NULL, &item, &err), BETER_DATAERR);
	assert_int_equal(arena_input(db, a1, ARENA_MT, "x", 0, "two words", &item, &err), BETER_DATAERR);
	assert_int_equal(arena_input(db, 99, ARENA_MT, "x", 0, NULL, &item, &err), BETER_FAIL);
	assert_int_equal(arena_edit(db, a1, 2, 5, "", NULL, &err), 0);
	assert_int_equal(store_int(db, "SELECT votes FROM arena_item WHERE arena_id = 1 AND item_no = 2", -1), 5);
	assert_int_equal(store_int(db, "SELECT tag IS NULL FROM arena_item WHERE arena_id = 1 AND item_no = 2", -1), 1);
	assert_int_equal(arena_edit(db, a1, 9, 5, NULL, NULL, &err), BETER_FAIL);
	assert_int_equal(arena_deepen(db, a1, 1, 'b', "ze doet het voor", &err), 0);
	assert_int_equal(arena_deepen(db, a1, 1, 'd', "x", &err), BETER_DATAERR);
	assert_int_equal(arena_deepen(db, a1, 3, 'a', "x", &err), BETER_FAIL);
	assert_string_equal(arena_deepen_question(ARENA_LEERLINGEN, 'b'), "Wat doet de leraar daarbij?");
	assert_null(arena_deepen_question(ARENA_MT, 'd'));

	/* outcomes: the team's own and the school's, up to a day, by date */
	assert_int_equal(arena_set_outcome(db, a1, "voorbeeld eerst", date_from_ymd(2026, 11, 1), &err), 0);
	assert_int_equal(arena_set_outcome(db, a2, "stilte bij instructie", date_from_ymd(2026, 10, 1), &err), 0);
	assert_int_equal(arena_set_outcome(db, a3, "leesrij", date_from_ymd(2026, 9, 20), &err), 0);
	assert_int_equal(arena_outcomes(db, bb, date_from_ymd(2026, 11, 20), collect, &s, &err), 0);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.ids[0], a2);
	assert_int_equal(s.ids[1], a1);
	assert_int_equal(s.days[1], date_from_ymd(2026, 11, 1));
	s.n = 0;
	assert_int_equal(arena_outcomes(db, bb, date_from_ymd(2026, 10, 31), collect, &s, &err), 0);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.ids[0], a2);
	assert_int_equal(arena_outcomes(db, 99, date_from_ymd(2026, 10, 31), collect, &s, &err), BETER_FAIL);

	/* the team cannot go while its arena refers to it */
	assert_int_equal(team_rm(db, bb, &err), BETER_FAIL);
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),   cmocka_unit_test(test_identifying),
		cmocka_unit_test(test_rank_ties),   cmocka_unit_test(test_mark_shared),
		cmocka_unit_test(test_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
