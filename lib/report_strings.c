/* report_strings.c - the report's one string table, in Dutch and English,
 * and the names of its formats and languages. */
#include "report_int.h"

#include <string.h>

const char *const report_strings[S_COUNT][2] = {
	[S_TITLE] = { "Voortgangsrapport", "Progress report" },
	[S_SCHOOL] = { "School", "School" },
	[S_SCOPE] = { "Voor", "For" },
	[S_WHOLE_SCHOOL] = { "hele school", "whole school" },
	[S_FROM] = { "Van", "From" },
	[S_TO] = { "Tot en met", "To" },
	[S_GENERATED] = { "Gemaakt op", "Generated" },
	[S_NO_DATA] = { "Nog geen gegevens.", "No data yet." },
	[S_UNKNOWN] = { "onbekend", "unknown" },
	[S_YES] = { "ja", "yes" },
	[S_NO] = { "nee", "no" },
	[S_SEC_PHASE] = { "Fase en voorwaarden", "Phase and conditions" },
	[S_SEC_GOALS] = { "Doelen tegen de norm", "Goals against the norm" },
	[S_SEC_ACTIONS] = { "Acties", "Actions" },
	[S_SEC_SUCCESSES] = { "Successen en 'zo werken wij'-standaarden", "Successes and 'zo werken wij' standards" },
	[S_SEC_VISITS] = { "Lesbezoeken en feedback", "Lesson visits and feedback" },
	[S_SEC_ARENA] = { "Stem van de leerling", "Pupil voice" },
	[S_SEC_SURVEYS] = { "Metingen: schalen per meting", "Surveys: scales wave against wave" },
	[S_TRAJECTORIES] = { "Trajecten", "Trajectories" },
	[S_TEAM] = { "Team", "Team" },
	[S_MODEL] = { "Aanpak", "Model" },
	[S_PHASE] = { "Fase", "Phase" },
	[S_STEP] = { "Stap", "Step" },
	[S_PHASE_STARTED] = { "Fase begonnen", "Phase started" },
	[S_DAYS_IN_PHASE] = { "Dagen in fase", "Days in phase" },
	[S_CHECKLIST] = { "Checklist", "Checklist" },
	[S_CHECKLIST_TITLE] = { "Checklist van de huidige fase", "Checklist of the current phase" },
	[S_ACTIVITY] = { "Activiteit", "Activity" },
	[S_DONE_ON] = { "Gedaan op", "Done on" },
	[S_CLOSED_TITLE] = { "Afgesloten fases en retrospectives", "Closed phases and retrospectives" },
	[S_CLOSED] = { "Afgesloten", "Closed" },
	[S_RETROSPECTIVE] = { "Retrospective", "Retrospective" },
	[S_WENT_WELL] = { "Wat ging goed", "What went well" },
	[S_IMPROVE] = { "Wat kan beter", "What to improve" },
	[S_NO_RETRO] = { "Zonder retrospective, want", "No retrospective, because" },
	[S_CONDITIONS_TITLE] = { "Voorwaarden per team", "Conditions per team" },
	[S_AMBITION] = { "Ambitie op het bord", "Ambition on the board" },
	[S_RHYTHM] = { "Ritmiek (weken met bordsessie)", "Rhythm (weeks with a board session)" },
	[S_RETRO_SHARE] = { "Fases afgesloten met retrospective", "Phases closed with a retrospective" },
	[S_PHASES_CLOSED] = { "Fases afgesloten", "Phases closed" },
	[S_ACTIVE_TRAJ] = { "Lopende trajecten", "Active trajectories" },
	[S_NO_TRAJECTORY] = { "Er loopt geen traject.", "No trajectory is running." },
	[S_CHART_DATA] = { "Gegevens van de grafiek", "Chart data" },
	[S_VALUE] = { "Waarde", "Value" },
	[S_NORM] = { "norm", "norm" },
	[S_BASELINE] = { "0-meting", "baseline" },
	[S_NONE] = { "Geen.", "None." },
	[S_SUPPRESSED] = { "te weinig", "too few" },
	[S_SCHOOL_WEEKS] = { "Schoolweken", "School weeks" },
	[S_WEEKS_WITH_SESSION] = { "Weken met bordsessie", "Weeks with a board session" },
	[S_TEAMS_AMBITION] = { "Teams met een ambitie", "Teams with an ambition" },
	[S_TEAMS_WITH_AMBITION_N] = { "Leraarteams met een ambitie", "Teacher teams with an ambition" },
	[S_TEACHER_TEAMS_N] = { "Leraarteams", "Teacher teams" },
	[S_CHECK_ITEM] = { "Afvinken met 'beter phase check'", "Tick off with 'beter phase check'" },
	[S_RHYTHM_RULE] = { "Ritmiek: het aandeel schoolweken waarin het team minstens één bordsessie hield, geteld "
			    "vanaf de start van het team (de eerste bordsessie of 'beter team edit --start') tot en met "
			    "vandaag. Een schoolweek is een week (maandag-zondag) met minstens één schooldag in de periode: "
			    "een werkdag die geen vakantie, studiedag of vrije dag is in 'beter calendar' (zonder "
			    "kalender: behalve een week helemaal in de zomervakantie, 15 juli - 31 augustus, zonder "
			    "sessie van een team). Een week met een sessie van het team telt altijd. Voor de school: het "
			    "gemiddelde van de leraarteams; ambitie: teams met een ambitie op het bord van alle leraarteams.",
			    "Rhythm: the share of school weeks in which the team held at least one board session, counted "
			    "from the team's start (its first board session or 'beter team edit --start') up to today. A "
			    "school week is a week (Monday-Sunday) with at least one school day in the period: a weekday "
			    "that is no holiday, study day or day off in 'beter calendar' (without a calendar: except a "
			    "week wholly in the summer holiday, 15 July - 31 August, with no session of any team). A week "
			    "with a session of the team always counts. For the school: the mean of the teacher teams; "
			    "ambition: teacher teams with an ambition on their board of all teacher teams." },
	[S_GOALS_ACTIVE] = { "Lopende doelen", "Active goals" },
	[S_GOALS_ON_NORM] = { "Lopend en op de norm", "Active and at the norm" },
	[S_GOALS_ACHIEVED] = { "Behaald in de periode", "Achieved in the period" },
	[S_GOALS_DROPPED] = { "Gestopt in de periode", "Dropped in the period" },
	[S_GOALS_TABLE] = { "Doelen", "Goals" },
	[S_GOAL] = { "Doel", "Goal" },
	[S_TEXT] = { "Omschrijving", "Description" },
	[S_NORM_COL] = { "Norm", "Norm" },
	[S_BASELINE_COL] = { "0-meting", "Baseline" },
	[S_LATEST] = { "Laatste meting", "Latest result" },
	[S_RESULTS] = { "Metingen", "Results" },
	[S_STATUS] = { "Status", "Status" },
	[S_ST_ACTIVE] = { "loopt", "active" },
	[S_ST_ACHIEVED] = { "behaald", "achieved" },
	[S_ST_DROPPED] = { "gestopt", "dropped" },
	[S_MEASURES_TABLE] = { "Metingen per doel", "Results per goal" },
	[S_POINT] = { "Meting", "Result" },
	[S_DATE] = { "Datum", "Date" },
	[S_SCORE] = { "Score", "Score" },
	[S_NO_RESULTS] = { "nog geen meting", "no result yet" },
	[S_LATEST_LC] = { "laatste meting", "latest result" },
	[S_ACT_OPEN] = { "Open acties", "Open actions" },
	[S_ACT_OVERDUE] = { "Over de deadline", "Overdue" },
	[S_ACT_DONE] = { "Gedaan in de periode", "Done in the period" },
	[S_ACT_TABLE] = { "Open acties en acties over de deadline", "Open and overdue actions" },
	[S_ACTION] = { "Actie", "Action" },
	[S_KIND] = { "Soort", "Kind" },
	[S_KIND_CLASS] = { "in de klas", "in class" },
	[S_KIND_TEAM] = { "teamactie", "team action" },
	[S_WHAT] = { "Wat", "What" },
	[S_WHO] = { "Wie", "Who" },
	[S_DUE] = { "Deadline", "Due" },
	[S_OPEN] = { "open", "open" },
	[S_OVERDUE] = { "over de deadline", "overdue" },
	[S_SUCC_COUNT] = { "Successen in de periode", "Successes in the period" },
	[S_STD_COUNT] = { "'Zo werken wij'-standaarden", "'Zo werken wij' standards" },
	[S_SUCC_TABLE] = { "Successen", "Successes" },
	[S_SUCCESS] = { "Succes", "Success" },
	[S_STD_TABLE] = { "'Zo werken wij'-standaarden van behaalde doelen", "'Zo werken wij' standards of achieved goals" },
	[S_STANDARD] = { "Standaard", "Standard" },
	[S_ACHIEVED_ON] = { "Behaald op", "Achieved on" },
	[S_VIS_RECORDED] = { "Lesbezoeken in de periode", "Lesson visits in the period" },
	[S_VIS_TEACHERS] = { "Teamleden", "Team members" },
	[S_VIS_VISITED] = { "Bezocht", "Visited" },
	[S_VIS_COVERAGE] = { "Bezocht van de teamleden", "Team members visited" },
	[S_VIS_FEEDBACK] = { "Met nagesprek", "With a feedback talk" },
	[S_VIS_DUE] = { "Nagesprek te laat", "Feedback talks due" },
	[S_VIS_MISSED] = { "Gemist (dag voorbij, niet vastgelegd)", "Missed (day passed, not recorded)" },
	[S_VIS_MISSED_SHORT] = { "Gemist", "Missed" },
	[S_VIS_TEAM_TABLE] = { "Bezoeken per team", "Visits per team" },
	[S_VIS_DUE_TABLE] = { "Lesbezoeken die nog een nagesprek nodig hebben", "Visits awaiting their feedback talk" },
	[S_VISIT] = { "Bezoek", "Visit" },
	[S_TEACHER] = { "Leraar", "Teacher" },
	[S_OBSERVER] = { "Bezoeker", "Observer" },
	[S_DAYS_AGO] = { "Dagen geleden", "Days ago" },
	[S_VIS_RULE] = { "Bezocht: teamleden met een vastgelegd lesbezoek in de periode. Een nagesprek is te laat "
			 "als het meer dan 7 dagen na het bezoek nog niet is gevoerd (op de laatste dag van de "
			 "periode). Dit rapport vergelijkt geen leraren met elkaar.",
			 "Visited: team members with a recorded lesson visit in the period. A feedback talk is due when "
			 "it has not been held more than 7 days after the visit (on the period's last day). This report "
			 "does not compare teachers with each other." },
	[S_AR_HELD] = { "Arena's in de periode", "Arenas in the period" },
	[S_AR_OUTCOMES] = { "Uitkomsten in de periode", "Outcomes in the period" },
	[S_AR_TABLE] = { "Leerlingarena's en hun uitkomst", "Pupil arenas and their outcome" },
	[S_AR_TOP] = { "Top 3 van elke groep (stemmen)", "Top 3 of each group (votes)" },
	[S_ARENA] = { "Arena", "Arena" },
	[S_THEME] = { "Thema", "Theme" },
	[S_PUPIL_GROUP] = { "Groep", "Class" },
	[S_OUTCOME] = { "Uitkomst", "Outcome" },
	[S_RANK] = { "Plaats", "Rank" },
	[S_G_PUPILS] = { "Leerlingen", "Pupils" },
	[S_G_TEACHERS] = { "Leraren", "Teachers" },
	[S_G_MT] = { "MT", "Management" },
	[S_SV_INSTRUMENTS] = { "Vragenlijsten", "Instruments" },
	[S_SV_TABLE] = { "Schalen per meting", "Scales per wave" },
	[S_INSTRUMENT] = { "Vragenlijst", "Instrument" },
	[S_SCALE] = { "Schaal", "Scale" },
	[S_WAVE1] = { "Meting 1", "Wave 1" },
	[S_MEAN1] = { "Gemiddelde 1", "Mean 1" },
	[S_WAVE2] = { "Meting 2", "Wave 2" },
	[S_MEAN2] = { "Gemiddelde 2", "Mean 2" },
	[S_CHANGE] = { "Verschil", "Change" },
	[S_COHEN] = { "Effect (d)", "Effect (d)" },
	[S_AGAINST] = { "tegen", "against" },
	[S_SV_DESC] = { "Gemiddelde per schaal (%d-%d); groepen kleiner dan %lld worden niet getoond.",
			"Mean per scale (%d-%d); groups smaller than %lld are not shown." },
	[S_SV_RULE] = { "Per vragenlijst: de laatste meting in de periode tegen de meting ervoor. Groepen kleiner "
			"dan het minimum van de vragenlijst worden nooit getoond ('te weinig'). Cijfers per team: "
			"beter survey report --by team.",
			"Per instrument: the last wave in the period against the wave before. Groups smaller than the "
			"instrument's minimum are never shown ('too few'). Figures per team: beter survey report --by "
			"team." },
	[S_SV_SEALED] = { "De 360-graden feedback voor de schoolleider staat niet in dit rapport: die is alleen voor de "
			  "schoolleider (beter survey report).",
			  "The 360-degree feedback for the school leader is not in this report: it is for the school "
			  "leader only (beter survey report)." },
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
