#include "beter/opt.h"
#include "beter/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void opt_init(struct optparse *p, int argc, char **argv, int start)
{
	memset(p, 0, sizeof(*p));
	p->argc = argc;
	p->argv = argv;
	p->i = start;
	p->args = xcalloc((size_t)argc + 1, sizeof(*p->args));
	p->late = xcalloc((size_t)argc + 1, sizeof(*p->late));
}

void opt_release(struct optparse *p)
{
	free(p->args);
	free(p->late);
	p->args = NULL;
	p->late = NULL;
	p->nlate = 0;
}

static const struct opt *find_long(const struct opt *const *tables, const char *name, size_t len)
{
	for (size_t t = 0; tables[t]; t++)
		for (const struct opt *o = tables[t]; o->name; o++)
			if (strlen(o->name) == len && !strncmp(o->name, name, len))
				return o;
	return NULL;
}

static const struct opt *find_short(const struct opt *const *tables, int c)
{
	for (size_t t = 0; tables[t]; t++)
		for (const struct opt *o = tables[t]; o->name; o++)
			if (o->key == c)
				return o;
	return NULL;
}

static int optional_arg(const struct opt *o)
{
	return o->arg && o->arg[0] == '[';
}

static int unknown(const struct opt *const *tables, const char *word, struct beter_err *err)
{
	const char *names[256];
	size_t n = 0;
	const char *w = word;

	while (*w == '-')
		w++;
	for (size_t t = 0; tables[t]; t++)
		for (const struct opt *o = tables[t]; o->name && n < 256; o++)
			names[n++] = o->name;
	const char *near = *w ? str_nearest(w, names, n) : NULL;
	if (near)
		return beter_err_set(err, BETER_USAGE, _("unknown option '%s'; did you mean '--%s'?"), word, near);
	return beter_err_set(err, BETER_USAGE, _("unknown option '%s' (see --help)"), word);
}

static int found(struct optparse *p, const struct opt *o)
{
	p->opt = o;
	return 1;
}

int opt_next(struct optparse *p, const struct opt *const *tables, struct beter_err *err)
{
	while (p->i < p->argc) {
		char *a = p->argv[p->i++];
		const struct opt *o;

		p->arg = NULL;
		p->opt = NULL;
		if (p->only_args || a[0] != '-' || a[1] == '\0') {
			p->args[p->nargs++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			p->only_args = 1;
			continue;
		}
		p->name = a;
		if (a[1] == '-') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			o = find_long(tables, name, len);
			if (!o) {
				char word[128];
				snprintf(word, sizeof(word), "--%.*s", (int)(len < 100 ? len : 100), name);
				return unknown(tables, word, err), -1;
			}
			if (!o->arg) {
				if (eq)
					return beter_err_set(err, BETER_USAGE, _("option '--%s' takes no value"), o->name), -1;
				return found(p, o);
			}
			if (eq) {
				p->arg = eq + 1;
				return found(p, o);
			}
			if (optional_arg(o)) {
				/* the next word may be its value (opt_claim) */
				if (!p->only_args && p->i < p->argc && p->argv[p->i][0] != '-')
					p->late[p->nlate++] = (struct opt_late){ o, p->nargs };
				return found(p, o);
			}
			if (p->i >= p->argc)
				return beter_err_set(err, BETER_USAGE, _("option '--%s' needs a value: --%s %s"),
						     o->name, o->name, o->arg), -1;
			p->arg = p->argv[p->i++];
			return found(p, o);
		}
		/* a short option: -n VALUE, -nVALUE; flags may not be bundled */
		o = find_short(tables, (unsigned char)a[1]);
		if (!o || a[1] >= 127)
			return unknown(tables, a, err), -1;
		if (!o->arg || optional_arg(o)) {
			if (a[2])
				return beter_err_set(err, BETER_USAGE, _("option '-%c' takes no value"), a[1]), -1;
			return found(p, o);
		}
		if (a[2]) {
			p->arg = a + 2;
			return found(p, o);
		}
		if (p->i >= p->argc)
			return beter_err_set(err, BETER_USAGE, _("option '-%c' needs a value: -%c %s"),
					     a[1], a[1], o->arg), -1;
		p->arg = p->argv[p->i++];
		return found(p, o);
	}
	return 0;
}

void opt_claim(struct optparse *p, void *base, int max)
{
	for (int k = 0; k < p->nlate && max >= 0 && p->nargs > max; k++) {
		int at = p->late[k].at;
		if (at >= p->nargs)
			continue;
		opt_fill(p->late[k].opt, base, p->args[at]);
		memmove(&p->args[at], &p->args[at + 1], sizeof(*p->args) * (size_t)(p->nargs - at));
		p->nargs--;
		for (int j = k + 1; j < p->nlate; j++)
			if (p->late[j].at > at)
				p->late[j].at--;
	}
}

void opt_fill(const struct opt *o, void *base, const char *arg)
{
	char *field = (char *)base + o->off;

	switch (o->type) {
	case OPT_T_KEY:
		break;
	case OPT_T_STRING:
		*(const char **)(void *)field = arg;
		break;
	case OPT_T_FLAG:
		*(int *)(void *)field = 1;
		break;
	case OPT_T_LIST: {
		struct opt_list *l = (struct opt_list *)(void *)field;
		l->v = xrealloc(l->v, sizeof(*l->v) * (size_t)(l->n + 1));
		l->v[l->n++] = arg;
		break;
	}
	case OPT_T_OPTARG:
		*(const char **)(void *)field = arg;
		*(int *)(void *)((char *)base + o->off2) = 1;
		break;
	}
}

void opt_list_release(struct opt_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void opt_label(struct strbuf *sb, const struct opt *o)
{
	if (o->key > 0 && o->key < 127)
		strbuf_addf(sb, "-%c, ", o->key);
	strbuf_addf(sb, "--%s", o->name);
	if (o->arg) {
		if (optional_arg(o))
			strbuf_addf(sb, " %s", o->arg);
		else
			strbuf_addf(sb, " %s", o->arg);
	}
}

void opt_help(struct strbuf *sb, const struct opt *opts, int indent)
{
	struct strbuf label = STRBUF_INIT;
	size_t w = 0;

	for (const struct opt *o = opts; o->name; o++) {
		if (!o->help)
			continue; /* parsed but not offered: the command says why it refuses it */
		strbuf_reset(&label);
		opt_label(&label, o);
		if (label.len > w)
			w = label.len;
	}
	if (w > 28)
		w = 28;
	for (const struct opt *o = opts; o->name; o++) {
		if (!o->help)
			continue;
		strbuf_reset(&label);
		opt_label(&label, o);
		strbuf_addf(sb, "%*s%s", indent, "", strbuf_str(&label));
		if (label.len > w)
			strbuf_addf(sb, "\n%*s", indent + (int)w + 2, "");
		else
			strbuf_addf(sb, "%*s", (int)(w - label.len) + 2, "");
		strbuf_addf(sb, "%s\n", o->help);
	}
	strbuf_release(&label);
}

void opt_roff(struct strbuf *sb, const char *s)
{
	if (*s == '.' || *s == '\'')
		strbuf_adds(sb, "\\&");
	for (; *s; s++) {
		if (*s == '\\')
			strbuf_adds(sb, "\\e");
		else if (*s == '-')
			strbuf_adds(sb, "\\-");
		else if (*s == '\n' && (s[1] == '.' || s[1] == '\''))
			strbuf_adds(sb, "\n\\&");
		else
			strbuf_addc(sb, *s);
	}
}

void opt_man(struct strbuf *sb, const struct opt *opts)
{
	struct strbuf label = STRBUF_INIT;

	for (const struct opt *o = opts; o->name; o++) {
		if (!o->help)
			continue;
		strbuf_reset(&label);
		opt_label(&label, o);
		strbuf_adds(sb, ".TP\n.B ");
		opt_roff(sb, strbuf_str(&label));
		strbuf_addc(sb, '\n');
		opt_roff(sb, o->help);
		strbuf_addc(sb, '\n');
	}
	strbuf_release(&label);
}
