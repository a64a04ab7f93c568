/* board session add: new actions, actions not done, the week's visits and
 * the werksessie's programme from options; the session in an editor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beter/date.h"
#include "beter/i18n.h"
#include "beter/person.h"
#include "board_cmd.h"

static int parse_action(struct ctx *c, int64_t school, const char *spec, struct board_new_action *a)
{
	const char *p1 = strchr(spec, '|'), *p2 = p1 ? strchr(p1 + 1, '|') : NULL, *codes = spec;
	char buf[256];
	int rc;

	memset(a, 0, sizeof(*a));
	if (!p1 || !p2 || strchr(p2 + 1, '|'))
		return beter_err_set(&c->err, BETER_DATAERR, _("--action: '%s' is not CODE|what|due (e.g. \"ODW|Feedbackkaart "
							       "in groep 7|2026-12-14\")"), spec);
	if (!strncmp(codes, "team:", 5)) {
		a->team_action = 1;
		codes += 5;
	}
	a->what = xstrndup(p1 + 1, (size_t)(p2 - p1 - 1));
	if ((rc = date_parse(p2 + 1, &a->due, "--action", &c->err)))
		return rc;
	for (const char *s = codes; s < p1;) {
		const char *e = memchr(s, ',', (size_t)(p1 - s));
		size_t n = (size_t)((e ? e : p1) - s);
		int64_t id;
		if (!n || n >= sizeof(buf))
			return beter_err_set(&c->err, BETER_DATAERR, _("--action: '%s' names no person before '|'"), spec);
		snprintf(buf, sizeof(buf), "%.*s", (int)n, s);
		if ((rc = person_find(c->db, school, buf, &id, &c->err)))
			return rc;
		a->who = xrealloc(a->who, sizeof(*a->who) * (size_t)(a->nwho + 1));
		a->who[a->nwho++] = id;
		s = e ? e + 1 : p1;
	}
	if (!a->nwho)
		return beter_err_set(&c->err, BETER_DATAERR, _("--action: '%s' names no person before '|'"), spec);
	return 0;
}

/* "LEFT=RIGHT" split at the last '=' */
static int split_eq(struct ctx *c, const char *opt, const char *spec, const char *form, char **left, const char **right)
{
	const char *eq = strrchr(spec, '=');
	if (!eq || eq == spec || !eq[1])
		return beter_err_set(&c->err, BETER_DATAERR, _("%s: '%s' is not %s"), opt, spec, form);
	*left = xstrndup(spec, (size_t)(eq - spec));
	*right = eq + 1;
	return 0;
}

static int parse_lists(struct ctx *c, const struct board_extra_opts *e, struct board_session_extra *x)
{
	int rc;

	for (int i = 0; e->notdone && i < e->notdone->n; i++) {
		char *num;
		const char *reason;
		int64_t id;
		if ((rc = split_eq(c, "--not-done", e->notdone->v[i], "N=\"reason\"", &num, &reason)))
			return rc;
		rc = cmd_number(c, "--not-done", num, &id);
		free(num);
		if (rc)
			return rc;
		x->missed = xrealloc(x->missed, sizeof(*x->missed) * (size_t)(x->nmissed + 1));
		x->missed[x->nmissed].action = id;
		x->missed[x->nmissed++].reason = xstrdup(reason);
	}
	for (int k = 0; k < 2; k++) {
		const struct opt_list *l = k ? e->vmissed : e->vdone;
		for (int i = 0; l && i < l->n; i++) {
			int64_t id;
			if ((rc = cmd_number(c, k ? "--visit-missed" : "--visit-done", l->v[i], &id)))
				return rc;
			x->visits = xrealloc(x->visits, sizeof(*x->visits) * (size_t)(x->nvisits + 1));
			x->visits[x->nvisits].visit = id;
			x->visits[x->nvisits++].happened = !k;
		}
	}
	for (int i = 0; e->agenda && i < e->agenda->n; i++) {
		char *topic;
		const char *min;
		int64_t m;
		if ((rc = split_eq(c, "--agenda", e->agenda->v[i], "topic=minutes", &topic, &min)))
			return rc;
		x->agenda = xrealloc(x->agenda, sizeof(*x->agenda) * (size_t)(x->nagenda + 1));
		x->agenda[x->nagenda].topic = topic;
		x->agenda[x->nagenda++].minutes = 0;
		if (parse_int64(min, &m) != 0 || m < 1 || m > 480)
			return beter_err_set(&c->err, BETER_DATAERR, _("--agenda: '%s': the minutes are not a whole number "
								       "1-480"), e->agenda->v[i]);
		x->agenda[x->nagenda - 1].minutes = (int)m;
	}
	return 0;
}

int board_cmd_extra(struct ctx *c, int64_t school, const struct board_extra_opts *e, struct board_session_extra *x)
{
	int rc;

	for (int i = 0; e->actions && i < e->actions->n; i++) {
		x->actions = xrealloc(x->actions, sizeof(*x->actions) * (size_t)(x->nactions + 1));
		rc = parse_action(c, school, e->actions->v[i], &x->actions[x->nactions]);
		x->nactions++;
		if (rc)
			return rc;
	}
	return parse_lists(c, e, x);
}
