/* report_strings.c - the report's one string table (English; the Dutch is
 * in po/nl.po, and the report speaks the language chosen: --lang,
 * $BETER_LANG, else the locale) and the names of its formats and
 * languages. */
#include "report_int.h"

#include <string.h>

const char *const report_strings[S_COUNT] = {
	[S_TITLE] = N_("Progress report"),
	[S_SCHOOL] = N_("School"),
	[S_SCOPE] = N_("For"),
	[S_WHOLE_SCHOOL] = N_("whole school"),
	[S_FROM] = N_("From"),
	[S_TO] = N_("To"),
	[S_GENERATED] = N_("Generated"),
	[S_NO_DATA] = N_("No data yet."),
	[S_UNKNOWN] = N_("unknown"),
	[S_YES] = N_("yes"),
	[S_NO] = NC_("report", "no"),
	[S_SEC_PHASE] = N_("Phase and conditions"),
	[S_SEC_GOALS] = N_("Goals against the norm"),
	[S_SEC_ACTIONS] = N_("Actions"),
	[S_SEC_SUCCESSES] = N_("Successes and 'zo werken wij' standards"),
	[S_SEC_VISITS] = N_("Lesson visits and feedback"),
	[S_SEC_ARENA] = N_("Pupil voice"),
	[S_SEC_SURVEYS] = N_("Surveys: scales wave against wave"),
	[S_TRAJECTORIES] = N_("Trajectories"),
	[S_TEAM] = N_("Team"),
	[S_MODEL] = NC_("report", "Model"),
	[S_PHASE] = N_("Phase"),
	[S_STEP] = N_("Step"),
	[S_PHASE_STARTED] = N_("Phase started"),
	[S_DAYS_IN_PHASE] = N_("Days in phase"),
	[S_CHECKLIST] = N_("Checklist"),
	[S_CHECKLIST_TITLE] = N_("Checklist of the current phase"),
	[S_ACTIVITY] = N_("Activity"),
	[S_DONE_ON] = N_("Done on"),
	[S_CLOSED_TITLE] = N_("Closed phases and retrospectives"),
	[S_CLOSED] = N_("Closed"),
	[S_RETROSPECTIVE] = N_("Retrospective"),
	[S_WENT_WELL] = N_("What went well"),
	[S_IMPROVE] = N_("What to improve"),
	[S_NO_RETRO] = N_("No retrospective, because"),
	[S_CONDITIONS_TITLE] = N_("Conditions per team"),
	[S_AMBITION] = N_("Ambition on the board"),
	[S_RHYTHM] = N_("Rhythm (weeks with a board session)"),
	[S_RETRO_SHARE] = N_("Phases closed with a retrospective"),
	[S_PHASES_CLOSED] = N_("Phases closed"),
	[S_ACTIVE_TRAJ] = N_("Active trajectories"),
	[S_NO_TRAJECTORY] = N_("No trajectory is running."),
	[S_CHART_DATA] = N_("Chart data"),
	[S_VALUE] = N_("Value"),
	[S_NORM] = N_("norm"),
	[S_BASELINE] = N_("baseline"),
	[S_NONE] = N_("None."),
	[S_SUPPRESSED] = N_("too few"),
	[S_SCHOOL_WEEKS] = N_("School weeks"),
	[S_WEEKS_WITH_SESSION] = N_("Weeks with a board session"),
	[S_TEAMS_AMBITION] = N_("Teams with an ambition"),
	[S_TEAMS_WITH_AMBITION_N] = N_("Teacher teams with an ambition"),
	[S_TEACHER_TEAMS_N] = N_("Teacher teams"),
	[S_CHECK_ITEM] = N_("Tick off with 'beter phase check'"),
	[S_RHYTHM_RULE] = N_("Rhythm: the share of school weeks in which the team held at least one board session, counted "
			    "from the team's start (its first board session or 'beter team edit --start') up to today. A "
			    "school week is a week (Monday-Sunday) with at least one school day in the period: a weekday "
			    "that is no holiday, study day or day off in 'beter calendar' (without a calendar: except a "
			    "week wholly in the summer holiday, 15 July - 31 August, with no session of any team). A week "
			    "with a session of the team always counts. For the school: the mean of the teacher teams; "
			    "ambition: teacher teams with an ambition on their board of all teacher teams."),
	[S_GOALS_ACTIVE] = N_("Active goals"),
	[S_GOALS_ON_NORM] = N_("Active and at the norm"),
	[S_GOALS_ACHIEVED] = N_("Achieved in the period"),
	[S_GOALS_DROPPED] = N_("Dropped in the period"),
	[S_GOALS_TABLE] = N_("Goals"),
	[S_GOAL] = N_("Goal"),
	[S_TEXT] = N_("Description"),
	[S_NORM_COL] = N_("Norm"),
	[S_BASELINE_COL] = N_("Baseline"),
	[S_LATEST] = N_("Latest result"),
	[S_RESULTS] = NC_("report", "Results"),
	[S_STATUS] = N_("Status"),
	[S_ST_ACTIVE] = NC_("report", "active"),
	[S_ST_ACHIEVED] = NC_("report", "achieved"),
	[S_ST_DROPPED] = N_("dropped"),
	[S_MEASURES_TABLE] = N_("Results per goal"),
	[S_POINT] = N_("Result"),
	[S_DATE] = N_("Date"),
	[S_SCORE] = N_("Score"),
	[S_NO_RESULTS] = N_("no result yet"),
	[S_LATEST_LC] = N_("latest result"),
	[S_ACT_OPEN] = N_("Open actions"),
	[S_ACT_OVERDUE] = N_("Overdue"),
	[S_ACT_DONE] = N_("Done in the period"),
	[S_ACT_TABLE] = N_("Open and overdue actions"),
	[S_ACTION] = N_("Action"),
	[S_KIND] = N_("Kind"),
	[S_KIND_CLASS] = N_("in class"),
	[S_KIND_TEAM] = N_("team action"),
	[S_WHAT] = N_("What"),
	[S_WHO] = N_("Who"),
	[S_DUE] = N_("Due"),
	[S_OPEN] = N_("open"),
	[S_OVERDUE] = NC_("report", "overdue"),
	[S_SUCC_COUNT] = N_("Successes in the period"),
	[S_STD_COUNT] = N_("'Zo werken wij' standards"),
	[S_SUCC_TABLE] = N_("Successes"),
	[S_SUCCESS] = N_("Success"),
	[S_STD_TABLE] = N_("'Zo werken wij' standards of achieved goals"),
	[S_STANDARD] = N_("Standard"),
	[S_ACHIEVED_ON] = N_("Achieved on"),
	[S_VIS_RECORDED] = N_("Lesson visits in the period"),
	[S_VIS_TEACHERS] = N_("Team members"),
	[S_VIS_VISITED] = N_("Visited"),
	[S_VIS_COVERAGE] = N_("Team members visited"),
	[S_VIS_FEEDBACK] = N_("With a feedback talk"),
	[S_VIS_DUE] = N_("Feedback talks due"),
	[S_VIS_MISSED] = N_("Missed (day passed unrecorded, or a board session said so)"),
	[S_VIS_MISSED_SHORT] = N_("Missed"),
	[S_VIS_TEAM_TABLE] = N_("Visits per team"),
	[S_VIS_DUE_TABLE] = N_("Visits awaiting their feedback talk"),
	[S_VISIT] = N_("Visit"),
	[S_TEACHER] = N_("Teacher"),
	[S_OBSERVER] = N_("Observer"),
	[S_DAYS_AGO] = N_("Days ago"),
	[S_VIS_RULE] = N_("Visited: team members with a lesson visit in the period that took place (recorded, or held as "
			 "the board session said). A feedback talk is due when "
			 "it has not been held more than 7 days after the visit (on the period's last day). This report "
			 "does not compare teachers with each other."),
	[S_AR_HELD] = N_("Arenas in the period"),
	[S_AR_OUTCOMES] = N_("Outcomes in the period"),
	[S_AR_TABLE] = N_("Pupil arenas and their outcome"),
	[S_AR_TOP] = N_("Top 3 of each group (votes)"),
	[S_ARENA] = N_("Arena"),
	[S_THEME] = N_("Theme"),
	[S_PUPIL_GROUP] = N_("Class"),
	[S_OUTCOME] = N_("Outcome"),
	[S_RANK] = N_("Rank"),
	[S_G_PUPILS] = N_("Pupils"),
	[S_G_TEACHERS] = N_("Teachers"),
	[S_G_MT] = N_("Management"),
	[S_SV_INSTRUMENTS] = N_("Instruments"),
	[S_SV_TABLE] = N_("Scales per wave"),
	[S_INSTRUMENT] = N_("Instrument"),
	[S_SCALE] = N_("Scale"),
	[S_WAVE1] = N_("Wave 1"),
	[S_MEAN1] = N_("Mean 1"),
	[S_WAVE2] = N_("Wave 2"),
	[S_MEAN2] = N_("Mean 2"),
	[S_CHANGE] = N_("Change"),
	[S_COHEN] = N_("Effect (d)"),
	[S_AGAINST] = N_("against"),
	[S_SV_DESC] = N_("Mean per scale (%d-%d); groups smaller than %lld are not shown."),
	[S_SV_RULE] = N_("Per instrument: the last wave in the period against the wave before. Groups smaller than the "
			"instrument's minimum are never shown ('too few'). Figures per team: beter survey report --by "
			"team."),
	[S_SV_SEALED] = N_("The 360-degree feedback for the school leader is not in this report: it is for the school "
			  "leader only (beter survey report)."),
};

int report_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "html"))
		return REPORT_HTML;
	if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		return REPORT_MD;
	if (!strcmp(s, "json"))
		return REPORT_JSON;
	return -1;
}

int report_lang_parse(const char *s)
{
	if (s && !strcmp(s, "nl"))
		return REPORT_NL;
	if (s && !strcmp(s, "en"))
		return REPORT_EN;
	return -1;
}
