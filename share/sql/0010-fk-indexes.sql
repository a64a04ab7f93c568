-- 0010: an index on every foreign-key column that a query or a delete
-- follows, so that neither searches a whole table: the board's actions and
-- items by goal and session, a goal's activities, talks and measures, a
-- visit by its school, goal, framework; people, goals, sessions and
-- instruments when one of them is deleted or checked.
-- Not survey_response(team_id): the largest table, written in bulk by every
-- survey import and never read by team alone (a team's figures come by survey).

CREATE INDEX board_action_done ON board_action(done_session_id);
CREATE INDEX board_action_goal ON board_action(goal_id);
CREATE INDEX board_action_who_person ON board_action_who(person_id);
CREATE INDEX board_checkin_person ON board_checkin(person_id);
CREATE INDEX board_item_goal ON board_item(goal_id);
CREATE INDEX board_item_person ON board_item(person_id);
CREATE INDEX board_item_session ON board_item(session_id);
CREATE INDEX board_session_leader ON board_session(leader_id);
CREATE INDEX goal_candidate_ref ON goal(candidate_id);
CREATE INDEX goal_school ON goal(school_id);
CREATE INDEX goal_activity_goal ON goal_activity(goal_id);
CREATE INDEX goal_candidate_arena ON goal_candidate(arena_id);
CREATE INDEX goal_candidate_team ON goal_candidate(team_id);
CREATE INDEX goal_measure_session ON goal_measure(session_id);
CREATE INDEX goal_talk_goal ON goal_talk(goal_id);
CREATE INDEX survey_instrument_ref ON survey(instrument_id);
CREATE INDEX survey_leader ON survey(leader_id);
CREATE INDEX survey_team ON survey(team_id);
CREATE INDEX survey_item_scale ON survey_item(scale_id);
CREATE INDEX survey_policy_set_by ON survey_policy(set_by);
CREATE INDEX survey_text_item ON survey_text(item_id);
CREATE INDEX visit_focus_goal ON visit(focus_goal_id);
CREATE INDEX visit_framework_ref ON visit(framework_id);
CREATE INDEX visit_school ON visit(school_id, date);
