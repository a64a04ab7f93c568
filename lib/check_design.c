/* check_design.c - the check's rules for lesson designs (gezamenlijk
 * lesontwerp), the visits that observe them and the waves tied to them. */
#include "check_int.h"

#include <stddef.h>

/* SQL: (record, detail), as in check_rules. */
const struct check_rule check_design_rules[] = {
	{ "design-links", "design",
	  "SELECT beter_tr('design %s', d.id), NULL FROM design d JOIN team t ON t.id = d.team_id LEFT JOIN goal g ON g.id = "
	  "d.goal_id LEFT JOIN design c ON c.id = d.copy_of WHERE t.school_id <> d.school_id OR g.school_id <> "
	  "d.school_id OR c.school_id <> d.school_id",
	  N_("the design's team, goal or the design it was copied from is in another school") },
	{ "design-goal-team", "design",
	  "SELECT beter_tr('design %s', d.id), beter_tr('goal %s', g.id) FROM design d JOIN goal g ON g.id = d.goal_id "
	  "WHERE g.team_id IS NOT d.team_id",
	  N_("the design's goal is not a goal of its team") },
	{ "design-author", "design_author",
	  "SELECT beter_tr('design %s', a.design_id), p.code FROM design_author a JOIN design d ON d.id = a.design_id "
	  "JOIN person p ON p.id = a.person_id WHERE NOT EXISTS (SELECT 1 FROM team_member m WHERE "
	  "m.team_id = d.team_id AND m.person_id = a.person_id)",
	  N_("an author of the design is not a member of its team") },
	{ "design-authors", "design",
	  "SELECT beter_tr('design %s', d.id), NULL FROM design d WHERE NOT EXISTS (SELECT 1 FROM design_author a WHERE "
	  "a.design_id = d.id)",
	  N_("the design has no authors") },
	{ "design-copy-loop", "design",
	  "WITH RECURSIVE up(start, id, n) AS (SELECT id, copy_of, 1 FROM design WHERE copy_of IS NOT NULL "
	  "UNION ALL SELECT up.start, d.copy_of, up.n + 1 FROM up JOIN design d ON d.id = up.id WHERE "
	  "d.copy_of IS NOT NULL AND up.n < 10000 AND up.id <> up.start) "
	  "SELECT DISTINCT beter_tr('design %s', start), NULL FROM up WHERE id = start",
	  N_("the design is a copy of itself (its versions go round in a circle)") },
	{ "visit-design-teacher", "visit",
	  "SELECT beter_tr('visit %s', v.id), p.code FROM visit v JOIN design d ON d.id = v.design_id JOIN person p ON "
	  "p.id = v.teacher_id WHERE d.school_id <> v.school_id OR (NOT EXISTS (SELECT 1 FROM design_author a "
	  "WHERE a.design_id = d.id AND a.person_id = v.teacher_id) AND NOT EXISTS (SELECT 1 FROM team_member m "
	  "WHERE m.team_id = d.team_id AND m.person_id = v.teacher_id))",
	  N_("the visit's teacher is neither an author of its design nor a member of the design's team") },
	{ "visit-step-design", "visit_step",
	  "SELECT beter_tr('visit %s', v.id) || ' / ' || beter_tr('step %s', s.pos), CASE WHEN v.design_id IS NULL "
	  "THEN beter_tr('the visit has no design') ELSE beter_tr('a step of design %s', s.design_id) END FROM visit_step vs JOIN visit v ON v.id = vs.visit_id "
	  "JOIN design_step s ON s.id = vs.step_id WHERE v.design_id IS NOT s.design_id",
	  N_("the observed step is not a step of the visit's design") },
	{ "visit-step-recorded", "visit_step",
	  "SELECT beter_tr('visit %s', v.id), NULL FROM visit v WHERE v.recorded IS NULL AND EXISTS (SELECT 1 FROM "
	  "visit_step vs WHERE vs.visit_id = v.id)",
	  N_("steps are observed in a visit that is not recorded") },
	{ "survey-design", "survey",
	  "SELECT beter_tr('survey %s', s.id), beter_tr('design %s', d.id) FROM survey s JOIN design d ON d.id = s.design_id JOIN "
	  "survey_instrument i ON i.id = s.instrument_id WHERE i.kind <> 'lesson' OR s.team_id IS NOT d.team_id "
	  "OR s.school_id <> d.school_id",
	  N_("a survey tied to a design is not pupils' feedback on a lesson of the design's team") },
	{ NULL, NULL, NULL, NULL },
};
