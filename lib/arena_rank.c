/* arena_rank.c - the top lists of an arena and the items the groups share. */
#include "beter/arena.h"

#include <stdlib.h>
#include <string.h>

#include "beter/store.h"
#include "beter/util.h"
#include "beter/i18n.h"

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

int arena_toplist_load(struct store *db, int64_t arena, int group, int n, struct arena_toplist *l,
		       struct beter_err *err)
{
	struct store_stmt *st;
	size_t alloc = 0;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((rc = store_prepare(db, "SELECT item_no, votes, text, tag FROM arena_item WHERE arena_id = ?1 "
				    "AND from_group = ?2 ORDER BY item_no", &st, err)))
		return rc;
	store_bind_int(st, 1, arena);
	store_bind_text(st, 2, arena_groups[group]);
	while (store_next(db, st, &rc, N_("reading the inputs"), err)) {
		if (l->n == alloc) {
			alloc = alloc ? 2 * alloc : 8;
			l->items = xrealloc(l->items, alloc * sizeof(*l->items));
		}
		struct arena_item *it = &l->items[l->n++];
		memset(it, 0, sizeof(*it));
		it->no = store_col_int(st, 0);
		it->votes = store_col_int(st, 1);
		it->text = xstrdup(store_col_text(st, 2));
		it->tag = store_col_null(st, 3) ? NULL : xstrdup(store_col_text(st, 3));
	}
	store_finalize(st);
	if (rc) {
		arena_toplist_release(l);
		return rc;
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
	int *grp = xcalloc(total, sizeof(int)), *parent = xcalloc(total, sizeof(int)), *set = xcalloc(total,
			   sizeof(int));
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
