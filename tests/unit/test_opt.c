#include "unit.h"

#include "beter/opt.h"

struct topts {
	const char *name, *school, *out;
	int all, school_given;
	struct opt_list points;
};
#define OPT_STRUCT struct topts

static const struct opt topts_table[] = {
	OPT_STRING("name", name, "NAME", "a name"),
	OPT_FLAG("all", all, "every one"),
	OPT_LIST("point", points, "TEXT", "a point (repeatable)"),
	OPT_OPTARG("school", school, school_given, "[SCHOOL]", "the whole school"),
	OPT_STRING_SHORT('o', "out", out, "FILE", "write to FILE"),
	OPT_STRING("hidden", name, "X", NULL),
	OPT_END
};
static const struct opt keyed[] = {
	{ "json", 1000, NULL, "json", OPT_T_KEY, 0, 0 },
	OPT_END
};

/* Parse argv (NULL-terminated, after the command name) into o; the return
 * of the last opt_next, and the keys of keyed options in *keys. */
static int parse(char **argv, struct topts *o, struct optparse *p, struct beter_err *err, int *keys)
{
	const struct opt *tables[] = { topts_table, keyed, NULL };
	int argc = 0, r;

	while (argv[argc])
		argc++;
	memset(o, 0, sizeof(*o));
	*keys = 0;
	opt_init(p, argc, argv, 1);
	while ((r = opt_next(p, tables, err)) > 0) {
		if (p->opt->type == OPT_T_KEY)
			*keys += p->opt->key;
		else
			opt_fill(p->opt, o, p->arg);
	}
	return r;
}

static void test_fill(void **state)
{
	char *argv[] = { "cmd", "--name", "a", "--all", "x", "--point", "p1", "-ofile", "--point=p2", "--json",
			 "--name=b", "--", "--all", NULL };
	struct topts o;
	struct optparse p;
	struct beter_err err = { 0 };
	int keys;
	(void)state;
	assert_int_equal(parse(argv, &o, &p, &err, &keys), 0);
	assert_string_equal(o.name, "b"); /* the last one given */
	assert_int_equal(o.all, 1);
	assert_int_equal(o.points.n, 2);
	assert_string_equal(o.points.v[0], "p1");
	assert_string_equal(o.points.v[1], "p2");
	assert_string_equal(o.out, "file");
	assert_int_equal(keys, 1000);
	assert_null(o.school);
	assert_int_equal(o.school_given, 0);
	/* positional arguments, "--all" after "--" among them */
	assert_int_equal(p.nargs, 2);
	assert_string_equal(p.args[0], "x");
	assert_string_equal(p.args[1], "--all");
	opt_list_release(&o.points);
	assert_null(o.points.v);
	opt_release(&p);
}

static void test_optional(void **state)
{
	char *bare[] = { "cmd", "--school", "x", NULL };
	char *named[] = { "cmd", "--school=12AB", NULL };
	struct topts o;
	struct optparse p;
	struct beter_err err = { 0 };
	int keys;
	(void)state;
	/* without '=' the next word is first a positional argument (opt_claim) */
	assert_int_equal(parse(bare, &o, &p, &err, &keys), 0);
	assert_null(o.school);
	assert_int_equal(o.school_given, 1);
	assert_int_equal(p.nargs, 1);
	opt_release(&p);
	assert_int_equal(parse(named, &o, &p, &err, &keys), 0);
	assert_string_equal(o.school, "12AB");
	assert_int_equal(o.school_given, 1);
	opt_release(&p);
}

/* "--school Naam met spaties": the next word is the value when the command
 * takes no positional argument there */
static void test_claim(void **state)
{
	char *spaced[] = { "cmd", "--school", "IKC De Vlinderboom", "--all", NULL };
	char *before[] = { "cmd", "--school", "De School", "model", NULL };
	char *after[] = { "cmd", "model", "--school", "De School", NULL };
	char *flag[] = { "cmd", "--school", "model", NULL };
	struct topts o;
	struct optparse p;
	struct beter_err err = { 0 };
	int keys;
	(void)state;
	/* no positional argument: the word is the school's name */
	assert_int_equal(parse(spaced, &o, &p, &err, &keys), 0);
	opt_claim(&p, &o, 0);
	assert_string_equal(o.school, "IKC De Vlinderboom");
	assert_int_equal(o.all, 1);
	assert_int_equal(p.nargs, 0);
	opt_release(&p);
	/* one positional argument, before or after */
	assert_int_equal(parse(before, &o, &p, &err, &keys), 0);
	opt_claim(&p, &o, 1);
	assert_string_equal(o.school, "De School");
	assert_int_equal(p.nargs, 1);
	assert_string_equal(p.args[0], "model");
	opt_release(&p);
	assert_int_equal(parse(after, &o, &p, &err, &keys), 0);
	opt_claim(&p, &o, 1);
	assert_string_equal(o.school, "De School");
	assert_int_equal(p.nargs, 1);
	assert_string_equal(p.args[0], "model");
	opt_release(&p);
	/* the word is the command's argument: --school stays a flag */
	assert_int_equal(parse(flag, &o, &p, &err, &keys), 0);
	opt_claim(&p, &o, 1);
	assert_null(o.school);
	assert_int_equal(o.school_given, 1);
	assert_int_equal(p.nargs, 1);
	opt_release(&p);
}

static void test_errors(void **state)
{
	char *unknown[] = { "cmd", "--nam", "a", NULL };
	char *missing[] = { "cmd", "--name", NULL };
	char *flagval[] = { "cmd", "--all=1", NULL };
	char *shortmissing[] = { "cmd", "-o", NULL };
	struct topts o;
	struct optparse p;
	struct beter_err err = { 0 };
	int keys;
	(void)state;
	assert_int_equal(parse(unknown, &o, &p, &err, &keys), -1);
	assert_string_equal(err.msg, "unknown option '--nam'; did you mean '--name'?");
	opt_release(&p);
	assert_int_equal(parse(missing, &o, &p, &err, &keys), -1);
	assert_string_equal(err.msg, "option '--name' needs a value: --name NAME");
	opt_release(&p);
	assert_int_equal(parse(flagval, &o, &p, &err, &keys), -1);
	assert_string_equal(err.msg, "option '--all' takes no value");
	opt_release(&p);
	assert_int_equal(parse(shortmissing, &o, &p, &err, &keys), -1);
	assert_string_equal(err.msg, "option '-o' needs a value: -o FILE");
	opt_release(&p);
}

static void test_help(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;
	opt_help(&sb, topts_table, 2);
	/* the option without help text is parsed but not shown */
	assert_null(strstr(strbuf_str(&sb), "--hidden"));
	assert_non_null(strstr(strbuf_str(&sb), "  --school [SCHOOL]"));
	assert_non_null(strstr(strbuf_str(&sb), "  -o, --out FILE"));
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_optional),
		cmocka_unit_test(test_claim),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
