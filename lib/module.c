/* module.c - finding and loading the modules (see module.h). */
#include "beter/module.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "beter/i18n.h"

#ifndef BETER_MODULE_DIR_INSTALLED
#define BETER_MODULE_DIR_INSTALLED "/usr/local/lib/beter"
#endif

/* Programs that link a module's code have its entry point; the binary does
 * not, and loads the module. */
#pragma weak beter_module_xlsxin
#pragma weak beter_module_ics
#pragma weak beter_module_xlsxout
#pragma weak beter_module_pg

/* Where beter-NAME.so is: $BETER_MODULE_DIR, beside the binary, else the
 * installed directory (where a missing module is then reported). */
static void module_path(const char *name, char *path, size_t size)
{
	const char *env = getenv("BETER_MODULE_DIR");
	char exe[PATH_MAX];
	struct stat sb;

	if (env && *env) {
		snprintf(path, size, "%s/beter-%s.so", env, name);
		return;
	}
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash = n > 0 ? memrchr(exe, '/', (size_t)n) : NULL;
	if (slash) {
		*slash = '\0';
		int m = snprintf(path, size, "%s/beter-%s.so", exe, name);
		if (m > 0 && (size_t)m < size && stat(path, &sb) == 0)
			return;
	}
	snprintf(path, size, "%s/beter-%s.so", BETER_MODULE_DIR_INSTALLED, name);
}

/* The table from the module's entry point, checked for its ABI. */
static const void *load(const char *name, struct beter_err *err)
{
	char path[PATH_MAX + 32], entry[64];
	void *h;

	module_path(name, path, sizeof(path));
	dlerror();
	if (!(h = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
		const char *why = dlerror();
		size_t n = strlen(path);
		if (why && !strncmp(why, path, n) && !strncmp(why + n, ": ", 2))
			why += n + 2; /* the path once is enough */
		beter_err_set(err, BETER_IOERR, _("cannot load the module '%s': %s (reinstall beter)"), path,
			      why ? why : "?");
		return NULL;
	}
	snprintf(entry, sizeof(entry), "beter_module_%s", name);
	const void *(*fn)(void) = (const void *(*)(void))dlsym(h, entry);
	const int *abi = fn ? fn() : NULL;
	if (!abi || *abi != BETER_MODULE_ABI) {
		beter_err_set(err, BETER_IOERR, _("cannot load the module '%s': %s (reinstall beter)"), path,
			      fn ? _("it is of another version of beter") : _("it has no entry point"));
		dlclose(h);
		return NULL;
	}
	return abi; /* the module stays loaded */
}

const struct beter_xlsxin_ops *module_xlsxin(struct beter_err *err)
{
	static const struct beter_xlsxin_ops *ops;

	if (!ops)
		ops = beter_module_xlsxin ? beter_module_xlsxin() : load("xlsxin", err);
	return ops;
}

const struct beter_ics_ops *module_ics(struct beter_err *err)
{
	static const struct beter_ics_ops *ops;

	if (!ops)
		ops = beter_module_ics ? beter_module_ics() : load("ics", err);
	return ops;
}

const struct beter_xlsxout_ops *module_xlsxout(struct beter_err *err)
{
	static const struct beter_xlsxout_ops *ops;

	if (!ops)
		ops = beter_module_xlsxout ? beter_module_xlsxout() : load("xlsxout", err);
	return ops;
}

const struct beter_pg_ops *module_pg(struct beter_err *err)
{
	static const struct beter_pg_ops *ops;

	if (!ops)
		ops = beter_module_pg ? beter_module_pg() : load("pg", err);
	return ops;
}
