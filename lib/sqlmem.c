/* sqlmem.c - a size-class allocator for SQLite (see sqlmem.h). */
#include "beter/sqlmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SQLMEM_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SQLMEM_ASAN 1
#endif
#ifdef SQLMEM_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define GRAIN 16
#define CLASSES (SQLMEM_SMALL / GRAIN)
#define SLAB (128 * 1024)

/*
 * Every block starts with this header; what SQLite gets is the memory after
 * it, 16-byte aligned. `size` is what the block holds; `next` links a free
 * small block into the list of its size.
 */
struct head {
	uint64_t size;
	struct head *next;
};

static struct head *free_list[CLASSES];
static char *slab_cur, *slab_end;

static size_t small_size(size_t n)
{
	return (n + GRAIN - 1) & ~(size_t)(GRAIN - 1);
}

static size_t big_size(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static void *mem_malloc(int n)
{
	struct head *h;

	if (n <= 0)
		return NULL;
	if (n > SQLMEM_SMALL) {
		size_t size = big_size((size_t)n);
		if (!(h = malloc(sizeof(*h) + size)))
			return NULL;
		h->size = size;
		return h + 1;
	}
	size_t size = small_size((size_t)n);
	struct head **list = &free_list[size / GRAIN - 1];
	if ((h = *list)) {
		*list = h->next;
		UNPOISON(h + 1, size);
		return h + 1;
	}
	size_t need = sizeof(*h) + size;
	if ((size_t)(slab_end - slab_cur) < need) {
		/* what is left of the old slab is too small for this block;
		 * it stays unused (at most SQLMEM_SMALL bytes per slab) */
		char *slab = malloc(SLAB);
		if (!slab)
			return NULL;
		POISON(slab, SLAB);
		slab_cur = slab;
		slab_end = slab + SLAB;
	}
	h = (struct head *)slab_cur;
	slab_cur += need;
	UNPOISON(h, need);
	h->size = size;
	h->next = NULL;
	return h + 1;
}

static void mem_free(void *p)
{
	struct head *h;

	if (!p)
		return;
	h = (struct head *)p - 1;
	if (h->size > SQLMEM_SMALL) {
		free(h);
		return;
	}
	struct head **list = &free_list[h->size / GRAIN - 1];
	h->next = *list;
	*list = h;
	POISON(p, h->size);
}

static int mem_size(void *p)
{
	return p ? (int)((struct head *)p - 1)->size : 0;
}

static int mem_roundup(int n)
{
	if (n <= 0)
		return n;
	return (int)(n > SQLMEM_SMALL ? big_size((size_t)n) : small_size((size_t)n));
}

static void *mem_realloc(void *p, int n)
{
	if (!p)
		return mem_malloc(n);
	if (n <= 0)
		return NULL;
	struct head *h = (struct head *)p - 1;
	size_t old = h->size;
	if (old > SQLMEM_SMALL && n > SQLMEM_SMALL) {
		size_t size = big_size((size_t)n);
		struct head *g = realloc(h, sizeof(*h) + size);
		if (!g)
			return NULL;
		g->size = size;
		return g + 1;
	}
	if ((size_t)mem_roundup(n) == old)
		return p;
	void *q = mem_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, old < (size_t)n ? old : (size_t)n);
	mem_free(p);
	return q;
}

static int mem_init(void *app)
{
	(void)app;
	return SQLITE_OK;
}

static void mem_shutdown(void *app)
{
	(void)app;
}

static const sqlite3_mem_methods methods = {
	mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup, mem_init, mem_shutdown, NULL,
};

const sqlite3_mem_methods *sqlmem_methods(void)
{
	return &methods;
}
