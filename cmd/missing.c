/* missing.c - the usage error for missing arguments, one whole sentence per
 * case: "missing %s" glued to a noun phrase cannot agree in every language
 * ("de naam ontbreekt", "het team en de codes ontbreken"). */
#include <string.h>

#include "beter/i18n.h"
#include "cmd.h"

static const struct {
	const char *what, *msg;
} missing[] = {
	{ "the .ics file", N_("missing the .ics file (usage: %s)") },
	{ "the action's number", N_("missing the action's number (usage: %s)") },
	{ "the arena's number", N_("missing the arena's number (usage: %s)") },
	{ "the arena's number and its outcome", N_("missing the arena's number and its outcome (usage: %s)") },
	{ "the arena's number and the answer", N_("missing the arena's number and the answer (usage: %s)") },
	{ "the arena's number and the question", N_("missing the arena's number and the question (usage: %s)") },
	{ "the arena's number and what was said", N_("missing the arena's number and what was said (usage: %s)") },
	{ "the backup file", N_("missing the backup file (usage: %s)") },
	{ "the calendar day's number", N_("missing the calendar day's number (usage: %s)") },
	{ "the candidate improvement", N_("missing the candidate improvement (usage: %s)") },
	{ "the checklist item (its id or number in 'beter phase status')",
	  N_("missing the checklist item (its id or number in 'beter phase status') (usage: %s)") },
	{ "the design's number", N_("missing the design's number (usage: %s)") },
	{ "the design's number and the question", N_("missing the design's number and the question (usage: %s)") },
	{ "the file from 'beter export' (or - for stdin)",
	  N_("missing the file from 'beter export' (or - for stdin) (usage: %s)") },
	{ "the framework's key", N_("missing the framework's key (usage: %s)") },
	{ "the goal's number", N_("missing the goal's number (usage: %s)") },
	{ "the goal's number and the activity", N_("missing the goal's number and the activity (usage: %s)") },
	{ "the goal's number and the activity's number",
	  N_("missing the goal's number and the activity's number (usage: %s)") },
	{ "the instrument file (JSON)", N_("missing the instrument file (JSON) (usage: %s)") },
	{ "the instrument's id", N_("missing the instrument's id (usage: %s)") },
	{ "the item's number", N_("missing the item's number (usage: %s)") },
	{ "the model's id", N_("missing the model's id (usage: %s)") },
	{ "the model's id (see 'beter phase models')", N_("missing the model's id (see 'beter phase models') (usage: %s)") },
	{ "the person's code", N_("missing the person's code (usage: %s)") },
	{ "the point's number", N_("missing the point's number (usage: %s)") },
	{ "the roster file (or - for stdin)", N_("missing the roster file (or - for stdin) (usage: %s)") },
	{ "the school", N_("missing the school (usage: %s)") },
	{ "the school's name", N_("missing the school's name (usage: %s)") },
	{ "the session's number", N_("missing the session's number (usage: %s)") },
	{ "the survey's number", N_("missing the survey's number (usage: %s)") },
	{ "the survey's number and the CSV file", N_("missing the survey's number and the CSV file (usage: %s)") },
	{ "the team and one or more person codes", N_("missing the team and one or more person codes (usage: %s)") },
	{ "the team's name", N_("missing the team's name (usage: %s)") },
	{ "the team's name and its new name", N_("missing the team's name and its new name (usage: %s)") },
	{ "the text", N_("missing the text (usage: %s)") },
	{ "the visit's number", N_("missing the visit's number (usage: %s)") },
};

const char *cmd_missing_format(const char *what)
{
	for (size_t i = 0; what && i < sizeof(missing) / sizeof(*missing); i++)
		if (!strcmp(what, missing[i].what))
			return _(missing[i].msg);
	return NULL;
}
