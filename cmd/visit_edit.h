/* visit_edit.h - the text of a visit in an editor (visit add|record --edit). */
#ifndef BETER_VISIT_EDIT_H
#define BETER_VISIT_EDIT_H

#include "cmd.h"

/* The editor's file: $TMPDIR (else /tmp)/beter-visit-XXXXXX.txt, mode 0600. */
#define KEPT_PREFIX "beter-visit-"
#define KEPT_SUFFIX ".txt"

/* Run $VISUAL/$EDITOR on tmpl; the edited text in *text and the file's path
 * in *path (kept until obs_done). */
int edit_text(struct ctx *c, const char *tmpl, char **text, char **path);

/* After the text was stored (rc 0) or not: removes *pathp on success, else
 * keeps it and says where in the message. Frees and clears *pathp. */
int obs_done(struct ctx *c, char **pathp, int rc);

/* 1 if path is a file edit_text made (and a failure kept): the name, the
 * directory, owned by this user, readable by no one else. */
int edit_kept_file(const char *path);

#endif
