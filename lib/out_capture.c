/* out_capture.c - the output writer's capture sink: lists and records kept
 * in memory as typed cells under their declared columns, for a caller that
 * reads what a command prints (the progress report) without rendering and
 * parsing it back. */
#include "out_int.h"

#include "beter/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void out_capture_init(struct out *o, struct out_capture *c)
{
	out_init(o, NULL, OUT_JSON);
	memset(c, 0, sizeof(*c));
	o->cap = c;
}

void out_capture_release(struct out_capture *c)
{
	for (size_t k = 0; k < c->n; k++) {
		struct out_block *b = &c->blocks[k];
		for (size_t i = 0; i < b->ncols; i++)
			free(b->names[i]);
		for (size_t i = 0; i < b->nrows * b->ncols; i++)
			free(b->cells[i].s);
		free(b->names);
		free(b->cells);
		free(b->section);
	}
	free(c->blocks);
	memset(c, 0, sizeof(*c));
}

static struct out_block *current(struct out *o)
{
	return &o->cap->blocks[o->cap->n - 1];
}

void out_cap_begin(struct out *o, int record)
{
	struct out_capture *c = o->cap;
	struct out_block *b;

	if (c->n == c->a) {
		c->a = c->a ? c->a * 2 : 4;
		c->blocks = xrealloc(c->blocks, c->a * sizeof(*c->blocks));
	}
	b = &c->blocks[c->n++];
	memset(b, 0, sizeof(*b));
	b->section = o->in_doc && o->section ? xstrdup(o->section) : NULL;
	b->record = record;
	b->ncols = o->ncols;
	b->names = xcalloc(o->ncols ? o->ncols : 1, sizeof(*b->names));
	for (size_t i = 0; i < o->ncols; i++)
		b->names[i] = xstrdup(o->cols[i].name);
	if (record) {
		b->nrows = 1;
		b->acells = o->ncols;
		b->cells = xcalloc(o->ncols ? o->ncols : 1, sizeof(*b->cells));
	}
}

void out_cap_cell(struct out *o, enum out_ctype t, int64_t i, double d, const char *s)
{
	struct out_block *b = current(o);
	size_t k = b->record ? o->cell : b->nrows * b->ncols + o->cell;

	if (o->cell >= o->ncols) {
		/* a programming error: more cells than columns */
		fprintf(stderr, "%s", _("beter: internal error: extra output cell\n"));
		abort();
	}
	if (k >= b->acells) {
		b->acells = b->acells ? b->acells * 2 : 16 * (b->ncols ? b->ncols : 1);
		if (b->acells <= k)
			b->acells = k + 1;
		b->cells = xrealloc(b->cells, b->acells * sizeof(*b->cells));
	}
	b->cells[k] = (struct out_cell){ t, i, d, t == OUT_C_TEXT ? xstrdup(s) : NULL };
	o->cell++;
}

void out_cap_row_end(struct out *o)
{
	struct out_block *b = current(o);
	if (!b->record)
		b->nrows++;
}

const struct out_block *out_capture_block(const struct out_capture *c, const char *key)
{
	for (size_t k = 0; k < c->n; k++)
		if (!key || (c->blocks[k].section && !strcmp(c->blocks[k].section, key)))
			return &c->blocks[k];
	return NULL;
}

int out_block_col(const struct out_block *b, const char *name)
{
	for (size_t i = 0; b && i < b->ncols; i++)
		if (!strcmp(b->names[i], name))
			return (int)i;
	return -1;
}

void out_block_cols(const struct out_block *b, const char *const *names, int *idx, size_t n)
{
	for (size_t i = 0; i < n; i++)
		idx[i] = out_block_col(b, names[i]);
}

const struct out_cell *out_block_cell(const struct out_block *b, size_t row, int col)
{
	static const struct out_cell null_cell = { OUT_C_NULL, 0, 0, NULL };

	if (!b || col < 0 || (size_t)col >= b->ncols || row >= b->nrows)
		return &null_cell;
	return &b->cells[row * b->ncols + (size_t)col];
}

double out_cell_num(const struct out_cell *c)
{
	if (c->t == OUT_C_INT)
		return (double)c->i;
	return c->t == OUT_C_REAL ? c->d : NAN;
}

const char *out_cell_text(const struct out_cell *c)
{
	return c->t == OUT_C_TEXT ? c->s : NULL;
}

int out_cell_true(const struct out_cell *c)
{
	return c->t == OUT_C_BOOL && c->i;
}
