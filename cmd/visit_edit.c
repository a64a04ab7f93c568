/* visit_edit.c - the text of a visit in $VISUAL/$EDITOR, and the file kept
 * when it could not be stored. */
#include "visit_edit.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "beter/i18n.h"
#include "beter/share.h"

static const char *edit_tmpdir(void)
{
	const char *tmpdir = getenv("TMPDIR");
	return tmpdir && *tmpdir ? tmpdir : "/tmp";
}

/* Run $VISUAL/$EDITOR on a template, as git does; the edited text in *text
 * and the file's path in *path. The file stays when the editor closed well:
 * the caller removes it once the text is stored (see obs_done). */
int edit_text(struct ctx *c, const char *tmpl, char **text, char **path)
{
	const char *editor = getenv("VISUAL");
	struct strbuf pathbuf = STRBUF_INIT;
	int fd, status, rc = 0;
	pid_t pid;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor) {
		if (!isatty(STDIN_FILENO))
			return cmd_usage(c, _("--edit: no editor; set $VISUAL or $EDITOR, or give the text as JSON with --from "
					 "FILE"));
		editor = "vi";
	}
	strbuf_addf(&pathbuf, "%s/" KEPT_PREFIX "XXXXXX" KEPT_SUFFIX, edit_tmpdir());
	fd = mkstemps(pathbuf.buf, (int)strlen(KEPT_SUFFIX));
	if (fd < 0) {
		rc = beter_err_set(&c->err, BETER_IOERR, _("--edit: cannot create a file for the editor: %s"), strerror(errno));
		strbuf_release(&pathbuf);
		return rc;
	}
	size_t len = strlen(tmpl);
	if (write(fd, tmpl, len) != (ssize_t)len) {
		rc = beter_err_set(&c->err, BETER_IOERR, _("--edit: cannot write '%s': %s"), pathbuf.buf, strerror(errno));
		close(fd);
		goto out;
	}
	close(fd);
	fflush(stdout);
	/* ^C goes to the editor, as with system(): beter waits and removes the file */
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = fork();
	if (pid < 0) {
		rc = beter_err_set(&c->err, BETER_IOERR, _("--edit: cannot start the editor: %s"), strerror(errno));
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		goto out;
	}
	if (pid == 0) {
		struct strbuf cmd = STRBUF_INIT;
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		strbuf_addf(&cmd, "%s \"$@\"", editor);
		execl("/bin/sh", "sh", "-c", cmd.buf, editor, pathbuf.buf, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		rc = beter_err_set(&c->err, BETER_FAIL, _("there was a problem with the editor '%s'; nothing was written"),
				   editor);
		goto out;
	}
	rc = share_read_file(pathbuf.buf, 1024 * 1024, text, NULL, &c->err);
out:
	if (rc) {
		unlink(pathbuf.buf);
		strbuf_release(&pathbuf);
	} else {
		*path = strbuf_detach(&pathbuf);
	}
	return rc;
}

/* The end of an entry made in the editor: the file goes once the text is
 * stored; on any failure after the editor closed it stays, and the message
 * says where, so that the coach's text is not lost. */
int obs_done(struct ctx *c, char **pathp, int rc)
{
	char *path = *pathp;
	if (!path)
		return rc;
	*pathp = NULL;
	if (rc == 0 && !c->dry_run) {
		unlink(path);
	} else if (rc == 0) {
		cmd_note(c, _("your text is kept in %s; run again with --text-from %s to write it"), path, path);
	} else {
		size_t n = strlen(c->err.msg);
		struct strbuf kept = STRBUF_INIT;
		strbuf_addf(&kept, rc == BETER_BUSY || rc == BETER_IOERR
					   ? _("your text is kept in %s; run again with --text-from %s")
					   : _("your text is kept in %s; fix it and run again with --text-from %s"),
			    path, path);
		snprintf(c->err.msg + n, sizeof(c->err.msg) - n, "\n%s", strbuf_str(&kept));
		strbuf_release(&kept);
	}
	free(path);
	return rc;
}

/* beter-visit-XXXXXX.txt in the temporary directory, a plain file of this
 * user that only this user can read, as edit_text makes it */
int edit_kept_file(const char *path)
{
	char *copy = xstrdup(path), *copy2 = xstrdup(path);
	const char *base = basename(copy2);
	size_t plen = strlen(KEPT_PREFIX), slen = strlen(KEPT_SUFFIX), n = strlen(base);
	char dir[PATH_MAX], tmp[PATH_MAX];
	struct stat st;
	int kept = n == plen + 6 + slen && !strncmp(base, KEPT_PREFIX, plen) && !strcmp(base + n - slen, KEPT_SUFFIX);

	for (size_t i = plen; kept && i < plen + 6; i++)
		kept = (base[i] >= 'a' && base[i] <= 'z') || (base[i] >= 'A' && base[i] <= 'Z') ||
		       (base[i] >= '0' && base[i] <= '9');
	kept = kept && realpath(dirname(copy), dir) && realpath(edit_tmpdir(), tmp) && !strcmp(dir, tmp);
	kept = kept && lstat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	       (st.st_mode & 077) == 0 && st.st_nlink == 1;
	free(copy);
	free(copy2);
	return kept;
}
