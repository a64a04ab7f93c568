/* test_sqlmem.c - the allocator beter gives SQLite. */
#include "unit.h"

#include "beter/sqlmem.h"
#include "beter/store_sqlite.h"

static const sqlite3_mem_methods *m;

static int setup(void **state)
{
	(void)state;
	m = sqlmem_methods();
	return 0;
}

static void fill(unsigned char *p, int n, unsigned char seed)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i);
}

static void assert_filled(const unsigned char *p, int n, unsigned char seed)
{
	for (int i = 0; i < n; i++)
		assert_int_equal(p[i], (unsigned char)(seed + i));
}

static void test_sizes_and_alignment(void **state)
{
	(void)state;
	static const int sizes[] = { 1, 8, 15, 16, 17, 100, 1023, 1024, 1025, 4096, 70000 };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int n = sizes[i];
		unsigned char *p = m->xMalloc(n);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		/* what xSize says the block holds is what xRoundup promised */
		assert_int_equal(m->xSize(p), m->xRoundup(n));
		assert_true(m->xSize(p) >= n);
		fill(p, m->xSize(p), (unsigned char)n);
		assert_filled(p, m->xSize(p), (unsigned char)n);
		m->xFree(p);
	}
	assert_int_equal(m->xRoundup(1), 16);
	assert_int_equal(m->xRoundup(17), 32);
	assert_int_equal(m->xRoundup(SQLMEM_SMALL), SQLMEM_SMALL);
	assert_int_equal(m->xRoundup(SQLMEM_SMALL + 1), SQLMEM_SMALL + 8);
	assert_null(m->xMalloc(0));
	assert_int_equal(m->xSize(NULL), 0);
	m->xFree(NULL);
}

static void test_freed_blocks_are_reused(void **state)
{
	(void)state;
	void *a = m->xMalloc(40);
	void *b = m->xMalloc(40);
	assert_ptr_not_equal(a, b);
	m->xFree(a);
	/* a block of the same size class comes from the free list */
	void *c = m->xMalloc(48);
	assert_ptr_equal(c, a);
	/* another class does not take it */
	m->xFree(c);
	void *d = m->xMalloc(200);
	assert_ptr_not_equal(d, a);
	m->xFree(b);
	m->xFree(d);
}

static void test_many_blocks_keep_their_contents(void **state)
{
	(void)state;
	enum { N = 5000 };
	unsigned char **p = calloc(N, sizeof(*p));
	assert_non_null(p);
	/* more than one slab of blocks of every small size and some large */
	for (int i = 0; i < N; i++) {
		int n = 1 + (i * 37) % (SQLMEM_SMALL + 300);
		p[i] = m->xMalloc(n);
		assert_non_null(p[i]);
		fill(p[i], n, (unsigned char)i);
	}
	/* free every other one, allocate again, and check all that lived */
	for (int i = 0; i < N; i += 2)
		m->xFree(p[i]);
	for (int i = 0; i < N; i += 2) {
		int n = 1 + (i * 37) % (SQLMEM_SMALL + 300);
		p[i] = m->xMalloc(n);
		fill(p[i], n, (unsigned char)i);
	}
	for (int i = 0; i < N; i++) {
		int n = 1 + (i * 37) % (SQLMEM_SMALL + 300);
		assert_filled(p[i], n, (unsigned char)i);
		m->xFree(p[i]);
	}
	free(p);
}

static void test_resize(void **state)
{
	(void)state;
	unsigned char *p = m->xMalloc(20);
	fill(p, 20, 7);
	/* within the same size class: the same block */
	unsigned char *q = m->xRealloc(p, 30);
	assert_ptr_equal(q, p);
	/* small to larger small, small to large, large to larger large,
	 * large to small: the contents that fit come along */
	q = m->xRealloc(q, 500);
	assert_filled(q, 20, 7);
	fill(q, 500, 9);
	q = m->xRealloc(q, 5000);
	assert_filled(q, 500, 9);
	assert_true(m->xSize(q) >= 5000);
	fill(q, 5000, 11);
	q = m->xRealloc(q, 100000);
	assert_filled(q, 5000, 11);
	q = m->xRealloc(q, 64);
	assert_filled(q, 64, 11);
	assert_int_equal(m->xSize(q), 64);
	m->xFree(q);
	q = m->xRealloc(NULL, 10);
	assert_non_null(q);
	m->xFree(q);
}

/* SQLite itself, on this allocator: a store opens and takes a schema */
static void test_store_on_it(void **state)
{
	(void)state;
	struct store *db = unit_store();
	struct store_stmt *st;
	assert_int_equal(store_prepare(db, "SELECT name FROM school", &st, NULL), STORE_OK);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_string_equal(store_col(st, 0), "Testschool");
	store_finalize(st);
	store_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes_and_alignment),
		cmocka_unit_test(test_freed_blocks_are_reused),
		cmocka_unit_test(test_many_blocks_keep_their_contents),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_store_on_it),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
