/* visit_plan_mode.c - duos for a round: pairs that visit each other, as the
 * book forms them ("Duo's vormen voor LB"). */
#include "beter/visit.h"

#include <stdlib.h>
#include <string.h>

#include "beter/util.h"

int visit_plan_mode_parse(const char *s)
{
	if (!s || !strcmp(s, "duo"))
		return VISIT_PLAN_DUO;
	if (!strcmp(s, "rotation"))
		return VISIT_PLAN_ROTATION;
	if (!strcmp(s, "observer"))
		return VISIT_PLAN_OBSERVER;
	return -1;
}

struct duos {
	int n;
	const unsigned char *prev;
	unsigned char *paired;
	int *t;
	int trio_left; /* an odd team still needs its trio */
	int budget;    /* visits between people who met last round still allowed */
	long nodes;
};

static int met(const struct duos *s, int a, int b)
{
	return s->prev && (s->prev[a * s->n + b] || s->prev[b * s->n + a]);
}

/* take edge a-b if they did not meet last round or the budget allows it */
static int take(struct duos *s, int a, int b)
{
	if (!met(s, a, b))
		return 1;
	if (s->budget <= 0)
		return 0;
	s->budget--;
	return 1;
}

static void give_back(struct duos *s, int a, int b)
{
	s->budget += met(s, a, b);
}

/* duos (and one trio) of the unpaired, within the budget of repeats */
static int duo_search(struct duos *s)
{
	int i = 0;

	while (i < s->n && s->paired[i])
		i++;
	if (i == s->n)
		return 1;
	if (++s->nodes > 200000)
		return 0;
	s->paired[i] = 1;
	for (int j = i + 1; j < s->n; j++) {
		if (s->paired[j] || !take(s, i, j))
			continue;
		s->paired[j] = 1;
		s->t[i] = j;
		s->t[j] = i;
		/* a duo visits both ways: an even team pairs everyone */
		if ((s->n % 2 == 0 || !s->trio_left || s->n - i > 3) && take(s, j, i)) {
			if (duo_search(s))
				return 1;
			give_back(s, j, i);
		}
		for (int k = j + 1; s->trio_left && k < s->n; k++) {
			if (s->paired[k] || !take(s, j, k))
				continue;
			if (take(s, k, i)) {
				s->paired[k] = 1;
				s->trio_left = 0;
				s->t[i] = j;
				s->t[j] = k;
				s->t[k] = i;
				if (duo_search(s))
					return 1;
				s->trio_left = 1;
				s->paired[k] = 0;
				give_back(s, k, i);
			}
			give_back(s, j, k);
		}
		give_back(s, i, j);
		s->paired[j] = 0;
	}
	s->paired[i] = 0;
	return 0;
}

/* In order: 0 and 1, 2 and 3, ...; with n odd the last three in a ring. */
static void duos_in_order(int n, int *target)
{
	int trio = n % 2 ? n - 3 : n;

	for (int i = 0; i + 1 < trio; i += 2) {
		target[i] = i + 1;
		target[i + 1] = i;
	}
	if (trio < n) {
		target[trio] = trio + 1;
		target[trio + 1] = trio + 2;
		target[trio + 2] = trio;
	}
}

int visit_plan_duos(int n, const unsigned char *prev, int *target)
{
	struct duos s = { n, prev, xcalloc((size_t)n, 1), target, n % 2, 0, 0 };
	int repeats = 0, found = 0;

	if (n < 2) {
		free(s.paired);
		return 0;
	}
	/* a team of 3 is one trio; otherwise the duos with the fewest visits
	 * between people who met last round */
	for (int b = 0; prev && n > 3 && !found && b <= n; b++) {
		memset(s.paired, 0, (size_t)n);
		s.trio_left = n % 2;
		s.budget = b;
		s.nodes = 0;
		found = duo_search(&s);
	}
	if (!found)
		duos_in_order(n, target);
	for (int i = 0; i < n; i++)
		repeats += met(&s, i, target[i]);
	free(s.paired);
	return repeats;
}
