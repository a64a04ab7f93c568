/* supp.h - small-group suppression decided over every figure of the same
 * respondents, so that no hidden group can be found by adding or
 * subtracting shown figures (see lib/supp.c for the method).
 */
#ifndef BETER_SUPP_H
#define BETER_SUPP_H

#include <stddef.h>
#include <stdint.h>

/* The respondents fall into natoms atoms of n[a] each; cell c (a figure
 * that can be published) is the sum of the atoms a with in[c * natoms + a]. */
struct supp {
	size_t natoms, ncells;
	const int64_t *n;
	const unsigned char *in;
	int64_t min_n;
};

/* Decide which cells to hide: hidden[ncells] holds on entry cells that must
 * stay hidden (0 otherwise) and on return every hidden cell. Afterwards no
 * set of atoms with 0 < n < min_n is a linear combination of the shown
 * cells. Empty cells are never hidden (there is nothing to hide). */
void supp_decide(const struct supp *p, int *hidden);

/* The common case: k groups that together with the respondents in no group
 * make the total; which groups and whether the total to hide. */
void supp_partition(const int64_t *n, size_t k, int64_t total, int64_t min_n, int *hidden, int *total_hidden);

/* The steps supp_decide takes: both, always. Only the unit tests turn one
 * off, to show that each is needed. */
enum { SUPP_PRIMARY = 1, SUPP_SECONDARY = 2 };
extern unsigned supp_steps;

#endif
