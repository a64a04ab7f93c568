-- security.sql - who may read and write what in a PostgreSQL store: people
-- log in as themselves (beter person grant CODE --login NAME) and the server
-- decides, by row-level security, what they see.
--
-- Run after the schema and the migrations when a store is created and on
-- every upgrade, in the same transaction, by the store's owner (the role
-- that ran 'beter init'): every statement can run again (roles created only
-- when missing, policies dropped before they are made, functions replaced).
--
-- Group roles (NOLOGIN); a login is granted those of its person's roles:
--   beter_leraar        every person with a login
--   beter_schoolcoach   a schoolcoach (person role, or role in a team)
--   beter_schoolleider  a schoolleider
--   beter_import        imports survey answers; granted by hand
--                       (GRANT beter_import TO name), to no person's login
-- Role names are cluster-wide: every beter store in one cluster shares these
-- four roles, and a login role serves every database it may connect to.
-- What a role may do is granted per database, here, so one store's grants
-- say nothing about another's. Creating them needs CREATEROLE (or a
-- superuser) the first time; once they exist, an owner without it will do.
--
-- The policies decide by the store's data, as beter's roles are kept:
-- person.role, and team_member.role for the schoolcoach of a team. The owner
-- and superusers bypass row-level security (it is not forced).
--   leraar        reads their own visits (teacher or observer) with the
--                 scores, focus, steps and development points of those
--                 visits, writes them; reads and writes their own development
--                 points (goal.person_id) and check-ins; reads the board of
--                 their teams (board_*, goals, actions, designs, arenas).
--   schoolcoach   reads and writes everything of the teams they coach: board,
--                 goals, actions, designs, visits of the team or of its
--                 members, their development points.
--   schoolleider  reads everything of their school.
--   360-degree feedback (surveys whose instrument is of kind feedback360,
--                 with leader_id the leader it is about): only that leader.
--   survey answers (survey_response, survey_text, the view survey_answer):
--                 beter_import and the owner only; the group roles read the
--                 aggregate views beter_survey_item_mean and
--                 beter_survey_count, which leave out groups smaller than the
--                 minimum (the school's survey policy, else the instrument's:
--                 5, 3 for the 360; never below 3). Per survey only: a
--                 figure per team beside the school's would give away a
--                 small team by subtraction (beter's reports hide such
--                 teams together; SQL views cannot). The 360's answers are
--                 sealed to its leader and have no aggregates here.
--                 beter's survey commands read the views beter_survey_tally,
--                 beter_survey_scale_tally (counts: what the suppression
--                 decides by), beter_survey_score, beter_survey_value and
--                 beter_survey_comment (figures, each given only where no
--                 group below the minimum can be told from them); see
--                 below.
--   the 360's sealed rows: readable by the leader it is about (and only
--                 they hold the key that opens them) once the survey has
--                 as many responses as its minimum; beter's report hides
--                 the smaller rater categories.
--   the database: CONNECT and TEMPORARY for the group roles (and the
--                 owner), taken from PUBLIC, so other roles of the cluster
--                 cannot connect.
--   reference data (school, person, team, team_member, frameworks, rounds,
--                 instruments, phase models, calendar, periods): readable by
--                 every group role within the same school.

SET search_path = beter_compat, pg_catalog, public;

-- ---- the group roles ----

DO $$
DECLARE
	r text;
BEGIN
	FOREACH r IN ARRAY ARRAY['beter_leraar', 'beter_schoolcoach', 'beter_schoolleider', 'beter_import'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
			BEGIN
				EXECUTE format('CREATE ROLE %I NOLOGIN', r);
			EXCEPTION WHEN duplicate_object OR unique_violation THEN
				NULL; -- another store of the cluster made it meanwhile
			END;
		END IF;
	END LOOP;
END
$$;

-- ---- the logins: which person a login role is ----

CREATE TABLE IF NOT EXISTS public.beter_login (
	login name PRIMARY KEY,
	person_id bigint NOT NULL REFERENCES public.person(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS beter_login_person ON public.beter_login (person_id);

-- ---- who the current user is (beter_compat, SECURITY DEFINER) ----
--
-- Each takes the login as a last argument that defaults to current_user: the
-- caller's, as a default is evaluated in the calling query. A login other
-- than one's own gives NULL (false, no rows) unless the session's user is a
-- member of it.

CREATE OR REPLACE FUNCTION beter_compat.beter_me(who name DEFAULT current_user) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT l.person_id FROM public.beter_login l
	WHERE l.login = who AND pg_catalog.pg_has_role(session_user, who, 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION beter_compat.beter_my_school(who name DEFAULT current_user) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT p.school_id FROM public.person p WHERE p.id = beter_compat.beter_me(who)
$$;

-- the teams the user is a member of, in any role
CREATE OR REPLACE FUNCTION beter_compat.beter_my_teams(who name DEFAULT current_user) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT m.team_id FROM public.team_member m WHERE m.person_id = beter_compat.beter_me(who)
$$;

-- the teams the user coaches: schoolcoach in the team, or a schoolcoach by
-- role who is an ordinary member of it
CREATE OR REPLACE FUNCTION beter_compat.beter_coached_teams(who name DEFAULT current_user) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT m.team_id FROM public.team_member m JOIN public.person p ON p.id = m.person_id
	WHERE p.id = beter_compat.beter_me(who)
	  AND (m.role = 'schoolcoach' OR (p.role = 'schoolcoach' AND m.role IN ('lid', 'leraar')))
$$;

-- whether the user is a schoolleider of the school
CREATE OR REPLACE FUNCTION beter_compat.beter_leads(school bigint, who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT EXISTS (SELECT 1 FROM public.person p
		       WHERE p.id = beter_compat.beter_me(who) AND p.role = 'schoolleider' AND p.school_id = school)
$$;

CREATE OR REPLACE FUNCTION beter_compat.beter_coaches_team(team bigint, who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT team IN (SELECT beter_compat.beter_coached_teams(who))
$$;

-- a member of the team, its coach, or a leader of its school
CREATE OR REPLACE FUNCTION beter_compat.beter_sees_team(team bigint, who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT team IN (SELECT beter_compat.beter_my_teams(who))
	    OR beter_compat.beter_leads((SELECT t.school_id FROM public.team t WHERE t.id = team), who)
$$;

-- the person is a member of a team the user coaches
CREATE OR REPLACE FUNCTION beter_compat.beter_coaches_person(person bigint, who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT EXISTS (SELECT 1 FROM public.team_member m
		       WHERE m.person_id = person AND m.team_id IN (SELECT beter_compat.beter_coached_teams(who)))
$$;

-- the user themselves, their coach, or a leader of their school
CREATE OR REPLACE FUNCTION beter_compat.beter_sees_person(person bigint, who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT person = beter_compat.beter_me(who) OR beter_compat.beter_coaches_person(person, who)
	    OR beter_compat.beter_leads((SELECT p.school_id FROM public.person p WHERE p.id = person), who)
$$;

-- the user is the store's owner (the owner of its tables) or a superuser
CREATE OR REPLACE FUNCTION beter_compat.beter_owns(who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT pg_catalog.pg_has_role(session_user, who, 'MEMBER')
	   AND (pg_catalog.pg_has_role(who, (SELECT c.relowner FROM pg_catalog.pg_class c
					      WHERE c.oid = 'public.person'::regclass), 'MEMBER')
		OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = who AND r.rolsuper))
$$;

-- the survey is a 360-degree feedback of a school leader
CREATE OR REPLACE FUNCTION beter_compat.beter_is_360(instrument bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT EXISTS (SELECT 1 FROM public.survey_instrument i WHERE i.id = instrument AND i.kind = 'feedback360')
$$;

-- the user may see the survey's figures: the school's surveys, a 360 only
-- its leader; the owner and superusers all
CREATE OR REPLACE FUNCTION beter_compat.beter_sees_survey(survey bigint, who name DEFAULT current_user) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT beter_compat.beter_owns(who)
	    OR EXISTS (SELECT 1 FROM public.survey s WHERE s.id = survey
		       AND CASE WHEN beter_compat.beter_is_360(s.instrument_id) THEN s.leader_id = beter_compat.beter_me(who)
				ELSE s.school_id = beter_compat.beter_my_school(who) END)
$$;

-- the responses of a survey (the owner's count: the policy of
-- survey_response asks it, which cannot read the table itself)
CREATE OR REPLACE FUNCTION beter_compat.beter_survey_responses(survey bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT count(*) FROM public.survey_response r WHERE r.survey_id = survey
$$;

-- the smallest group whose survey figures may be shown: the school's policy
-- (the newest), else the instrument's (5; 3 for the 360), never below 3
CREATE OR REPLACE FUNCTION beter_compat.beter_survey_min_n(survey bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
	SELECT greatest(3, coalesce((SELECT p.min_n FROM public.survey_policy p WHERE p.school_id = s.school_id
				     ORDER BY p.id DESC LIMIT 1), i.min_n))
	FROM public.survey s JOIN public.survey_instrument i ON i.id = s.instrument_id
	WHERE s.id = survey
$$;

-- ---- row-level security ----
--
-- pg_temp.beter_policy(table, name, command, roles, using, check): one
-- policy, made again. Read policies are FOR SELECT to the three group
-- roles; write policies FOR ALL to the roles that write.

CREATE FUNCTION pg_temp.beter_policy(tbl text, pol text, cmd text, roles text, use text, chk text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', tbl);
	EXECUTE format('DROP POLICY IF EXISTS %I ON public.%I', pol, tbl);
	IF cmd = 'INSERT' THEN
		EXECUTE format('CREATE POLICY %I ON public.%I FOR INSERT TO %s WITH CHECK (%s)', pol, tbl, roles, chk);
	ELSE
		EXECUTE format('CREATE POLICY %I ON public.%I FOR %s TO %s USING (%s)%s', pol, tbl, cmd, roles, use,
			       CASE WHEN cmd = 'SELECT' OR cmd = 'DELETE' THEN ''
				    ELSE format(' WITH CHECK (%s)', coalesce(chk, use)) END);
	END IF;
END
$$;

DO $$
DECLARE
	everyone CONSTANT text := 'beter_leraar, beter_schoolcoach, beter_schoolleider';
	t text;
	-- reference data: the school of the row
	ref CONSTANT text[] := ARRAY[
		'school', 'id = beter_compat.beter_my_school()',
		'person', 'school_id = beter_compat.beter_my_school()',
		'team', 'school_id = beter_compat.beter_my_school()',
		'team_member', 'EXISTS (SELECT 1 FROM public.team t WHERE t.id = team_id)',
		'visit_framework', 'school_id = beter_compat.beter_my_school()',
		'visit_round', 'school_id = beter_compat.beter_my_school()',
		'survey_instrument', 'beter_compat.beter_me() IS NOT NULL',
		'survey_scale', 'beter_compat.beter_me() IS NOT NULL',
		'survey_item', 'beter_compat.beter_me() IS NOT NULL',
		'survey_policy', 'school_id = beter_compat.beter_my_school()',
		'phase_model', 'school_id = beter_compat.beter_my_school()',
		'calendar_day', 'school_id = beter_compat.beter_my_school()',
		'period', 'school_id = beter_compat.beter_my_school()',
		'wall_value', 'EXISTS (SELECT 1 FROM public.period p WHERE p.id = period_id)',
		'wall_note', 'EXISTS (SELECT 1 FROM public.period p WHERE p.id = period_id)',
		'period_standard', 'EXISTS (SELECT 1 FROM public.period p WHERE p.id = period_id)'];
	-- a team's work: read by who sees the team, written by its coach
	-- (team_id NULL: the whole school's, read by all of it)
	work CONSTANT text[] := ARRAY[
		'board_session', 'team_id',
		'goal_candidate', 'team_id',
		'board_item', 'team_id',
		'board_action', 'team_id',
		'design', 'team_id',
		'period_retro', 'team_id',
		'arena', 'team_id',
		'trajectory', 'team_id'];
	-- the rows of a parent: read with it (its policies), written by the
	-- coach of its team
	child CONSTANT text[] := ARRAY[
		'board_checkin', 'board_session', 'session_id',
		'board_session_visit', 'board_session', 'session_id',
		'board_agenda', 'board_session', 'session_id',
		'board_action_who', 'board_action', 'action_id',
		'board_action_missed', 'board_action', 'action_id',
		'design_day', 'design', 'design_id',
		'design_author', 'design', 'design_id',
		'design_step', 'design', 'design_id',
		'design_question', 'design', 'design_id',
		'arena_question', 'arena', 'arena_id',
		'arena_item', 'arena', 'arena_id',
		'trajectory_phase', 'trajectory', 'trajectory_id'];
	-- a goal is a team's (team_id) or a person's development point (person_id)
	goal_sees CONSTANT text := '(team_id IS NOT NULL AND beter_compat.beter_sees_team(team_id)) OR '
		'(person_id IS NOT NULL AND beter_compat.beter_sees_person(person_id))';
	goal_coach CONSTANT text := '(team_id IS NOT NULL AND beter_compat.beter_coaches_team(team_id)) OR '
		'(person_id IS NOT NULL AND beter_compat.beter_coaches_person(person_id))';
	visit_sees CONSTANT text := 'teacher_id = beter_compat.beter_me() OR observer_id = beter_compat.beter_me() '
		'OR beter_compat.beter_coaches_team(team_id) OR beter_compat.beter_coaches_person(teacher_id) '
		'OR beter_compat.beter_leads(school_id)';
	visit_own CONSTANT text := 'teacher_id = beter_compat.beter_me() OR observer_id = beter_compat.beter_me()';
	visit_coach CONSTANT text := 'beter_compat.beter_coaches_team(team_id) OR beter_compat.beter_coaches_person(teacher_id)';
BEGIN
	FOR i IN 1 .. array_length(ref, 1) BY 2 LOOP
		PERFORM pg_temp.beter_policy(ref[i], 'beter_read', 'SELECT', everyone, ref[i + 1]);
		PERFORM pg_temp.beter_policy(ref[i], 'beter_import', 'SELECT', 'beter_import', 'true');
	END LOOP;
	FOR i IN 1 .. array_length(work, 1) BY 2 LOOP
		t := work[i];
		PERFORM pg_temp.beter_policy(t, 'beter_read', 'SELECT', everyone,
			CASE WHEN t IN ('arena', 'trajectory')
			     THEN format('CASE WHEN %1$s IS NULL THEN school_id = beter_compat.beter_my_school() '
					 'ELSE beter_compat.beter_sees_team(%1$s) END', work[i + 1])
			     ELSE format('beter_compat.beter_sees_team(%s)', work[i + 1]) END);
		PERFORM pg_temp.beter_policy(t, 'beter_coach', 'ALL', 'beter_schoolcoach',
			format('beter_compat.beter_coaches_team(%s)', work[i + 1]));
	END LOOP;
	FOR i IN 1 .. array_length(child, 1) BY 3 LOOP
		PERFORM pg_temp.beter_policy(child[i], 'beter_read', 'SELECT', everyone,
			format('EXISTS (SELECT 1 FROM public.%I p WHERE p.id = %I)', child[i + 1], child[i + 2]));
		PERFORM pg_temp.beter_policy(child[i], 'beter_coach', 'ALL', 'beter_schoolcoach',
			format('EXISTS (SELECT 1 FROM public.%I p WHERE p.id = %I AND beter_compat.beter_coaches_team(p.team_id))',
			       child[i + 1], child[i + 2]));
	END LOOP;
	-- one level further down
	PERFORM pg_temp.beter_policy('arena_answer', 'beter_read', 'SELECT', everyone,
		'EXISTS (SELECT 1 FROM public.arena_item p WHERE p.id = item_id)');
	PERFORM pg_temp.beter_policy('arena_answer', 'beter_coach', 'ALL', 'beter_schoolcoach',
		'EXISTS (SELECT 1 FROM public.arena_item p JOIN public.arena a ON a.id = p.arena_id '
		'WHERE p.id = item_id AND beter_compat.beter_coaches_team(a.team_id))');
	PERFORM pg_temp.beter_policy('trajectory_item', 'beter_read', 'SELECT', everyone,
		'EXISTS (SELECT 1 FROM public.trajectory_phase p WHERE p.id = phase_id)');
	PERFORM pg_temp.beter_policy('trajectory_item', 'beter_coach', 'ALL', 'beter_schoolcoach',
		'EXISTS (SELECT 1 FROM public.trajectory_phase p JOIN public.trajectory a ON a.id = p.trajectory_id '
		'WHERE p.id = phase_id AND beter_compat.beter_coaches_team(a.team_id))');
	-- a teacher's own check-in at a session of their team
	PERFORM pg_temp.beter_policy('board_checkin', 'beter_own', 'ALL', 'beter_leraar',
		'person_id = beter_compat.beter_me() AND EXISTS (SELECT 1 FROM public.board_session p WHERE p.id = session_id)');

	-- goals: the team's, and people's development points
	PERFORM pg_temp.beter_policy('goal', 'beter_read', 'SELECT', everyone, goal_sees);
	PERFORM pg_temp.beter_policy('goal', 'beter_coach', 'ALL', 'beter_schoolcoach', goal_coach);
	PERFORM pg_temp.beter_policy('goal', 'beter_own', 'ALL', 'beter_leraar',
		'person_id = beter_compat.beter_me() AND school_id = beter_compat.beter_my_school()');
	FOREACH t IN ARRAY ARRAY['goal_measure', 'goal_activity', 'goal_talk'] LOOP
		PERFORM pg_temp.beter_policy(t, 'beter_read', 'SELECT', everyone,
			'EXISTS (SELECT 1 FROM public.goal g WHERE g.id = goal_id)');
		PERFORM pg_temp.beter_policy(t, 'beter_coach', 'ALL', 'beter_schoolcoach',
			format('EXISTS (SELECT 1 FROM public.goal g WHERE g.id = goal_id AND (%s))', goal_coach));
		PERFORM pg_temp.beter_policy(t, 'beter_own', 'ALL', 'beter_leraar',
			'EXISTS (SELECT 1 FROM public.goal g WHERE g.id = goal_id AND g.person_id = beter_compat.beter_me())');
	END LOOP;

	-- visits: the teacher's and the observer's, the coach's, the leader's
	PERFORM pg_temp.beter_policy('visit', 'beter_read', 'SELECT', everyone, visit_sees);
	PERFORM pg_temp.beter_policy('visit', 'beter_own', 'ALL', 'beter_leraar', visit_own);
	PERFORM pg_temp.beter_policy('visit', 'beter_coach', 'ALL', 'beter_schoolcoach', visit_coach);
	FOREACH t IN ARRAY ARRAY['visit_score', 'visit_devpoint', 'visit_step', 'visit_focus'] LOOP
		PERFORM pg_temp.beter_policy(t, 'beter_read', 'SELECT', everyone,
			'EXISTS (SELECT 1 FROM public.visit v WHERE v.id = visit_id)');
		PERFORM pg_temp.beter_policy(t, 'beter_own', 'ALL', 'beter_leraar',
			format('EXISTS (SELECT 1 FROM public.visit v WHERE v.id = visit_id AND (%s))', visit_own));
		PERFORM pg_temp.beter_policy(t, 'beter_coach', 'ALL', 'beter_schoolcoach',
			format('EXISTS (SELECT 1 FROM public.visit v WHERE v.id = visit_id AND (%s))', visit_coach));
	END LOOP;

	-- surveys: the school's, but a 360 only for the leader it is about
	PERFORM pg_temp.beter_policy('survey', 'beter_read', 'SELECT', everyone,
		'CASE WHEN beter_compat.beter_is_360(instrument_id) THEN leader_id = beter_compat.beter_me() '
		'ELSE school_id = beter_compat.beter_my_school() END');
	PERFORM pg_temp.beter_policy('survey', 'beter_coach', 'ALL', 'beter_schoolcoach',
		'beter_compat.beter_coaches_team(team_id) AND NOT beter_compat.beter_is_360(instrument_id)');
	PERFORM pg_temp.beter_policy('survey', 'beter_import', 'SELECT', 'beter_import', 'true');
	PERFORM pg_temp.beter_policy('survey_leader_key', 'beter_read', 'SELECT', 'beter_schoolleider',
		'person_id = beter_compat.beter_me()');
	PERFORM pg_temp.beter_policy('survey_leader_key', 'beter_import', 'SELECT', 'beter_import', 'true');
	-- the answers: the import role only; the sealed rows of a 360 also
	-- its leader (their key opens them), once there are enough of them
	-- (a row not sealed yet, before the leader's key was made, is no one's)
	PERFORM pg_temp.beter_policy('survey_response', 'beter_import', 'ALL', 'beter_import', 'true');
	PERFORM pg_temp.beter_policy('survey_response', 'beter_read', 'SELECT', 'beter_schoolleider',
		'rater IS NULL AND n_answers = 0 AND '
		'EXISTS (SELECT 1 FROM public.survey s WHERE s.id = survey_id AND beter_compat.beter_is_360(s.instrument_id) '
		'AND s.leader_id = beter_compat.beter_me() '
		'AND beter_compat.beter_survey_responses(s.id) >= beter_compat.beter_survey_min_n(s.id))');
	PERFORM pg_temp.beter_policy('survey_text', 'beter_import', 'ALL', 'beter_import', 'true');

	-- one's own logins
	PERFORM pg_temp.beter_policy('beter_login', 'beter_read', 'SELECT', everyone,
		'login = current_user');
END
$$;

DROP FUNCTION pg_temp.beter_policy(text, text, text, text, text, text);

-- ---- survey figures for the group roles: aggregates of big enough groups ----
--
-- The views read the answers with their owner's rights and keep to the
-- surveys the user may see (the school's; a 360 only its leader's; the
-- owner and superusers all). A group
-- smaller than the minimum is left out. security_barrier: the user's own
-- conditions cannot see rows before the view's filter.

CREATE OR REPLACE VIEW public.beter_survey_count WITH (security_barrier) AS
SELECT s.id AS survey_id, count(r.id) AS n
FROM public.survey s JOIN public.survey_response r ON r.survey_id = s.id
WHERE beter_compat.beter_owns() OR CASE WHEN beter_compat.beter_is_360(s.instrument_id) THEN s.leader_id = beter_compat.beter_me()
	   ELSE s.school_id = beter_compat.beter_my_school() END
GROUP BY s.id
HAVING count(r.id) >= beter_compat.beter_survey_min_n(s.id);

CREATE OR REPLACE VIEW public.beter_survey_item_mean WITH (security_barrier) AS
SELECT a.survey_id, a.item_id, count(*) AS n, avg(a.value)::double precision AS mean
FROM public.survey_answer a JOIN public.survey s ON s.id = a.survey_id
WHERE beter_compat.beter_owns() OR CASE WHEN beter_compat.beter_is_360(s.instrument_id) THEN s.leader_id = beter_compat.beter_me()
	   ELSE s.school_id = beter_compat.beter_my_school() END
GROUP BY a.survey_id, a.item_id, s.id
HAVING count(*) >= beter_compat.beter_survey_min_n(s.id);

-- ---- the figures beter's survey commands read as a login ----
--
-- beter reads the answers of each respondent as the owner or the import
-- role; as a login it reads these views, which give counts and the
-- distributions of answers and scale scores, never a respondent's row:
--   beter_survey_tally        responses per survey and team
--   beter_survey_scale_tally  respondents per survey, team and scale (with
--                             an answer on it)
-- are counts, which the suppression decision (lib/survey_supp.c) needs for
-- every team; a figure is given only where no smaller group can be told
-- from it:
--   beter_survey_value    per survey and Likert item (pos): how many gave
--                         each value, for items with at least the minimum
--   beter_survey_score    per survey and scale (by_team 0), and per team
--                         (by_team 1): how many had each scale score
--                         (ssum / scnt, reverse items turned); the survey's
--                         when its respondents on the scale reach the
--                         minimum, the teams' only when every team of the
--                         survey does (one small team beside the others
--                         would be their total minus the rest)
--   beter_survey_comment  the free texts of a survey with at least the
--                         minimum and 10 responses, in item order
-- The 360 (sealed) has none of these but the tally.

-- per response and scale: the sum and the number of its answers; read only
-- by the views below (no group role has it)
CREATE OR REPLACE VIEW public.beter_survey_part AS
SELECT a.response_id, a.survey_id, r.team_id, c.code AS scale,
       sum(CASE WHEN i.reverse <> 0 THEN i.lo + i.hi - a.value ELSE a.value END) AS ssum, count(*) AS scnt
FROM public.survey_answer a
JOIN public.survey_response r ON r.id = a.response_id
JOIN public.survey_item i ON i.id = a.item_id
JOIN public.survey_scale c ON c.id = i.scale_id
WHERE a.value <= i.hi
GROUP BY a.response_id, a.survey_id, r.team_id, c.code;

CREATE OR REPLACE VIEW public.beter_survey_tally WITH (security_barrier) AS
SELECT r.survey_id, r.team_id, count(*) AS n
FROM public.survey_response r
WHERE beter_compat.beter_sees_survey(r.survey_id)
GROUP BY r.survey_id, r.team_id;

CREATE OR REPLACE VIEW public.beter_survey_scale_tally WITH (security_barrier) AS
SELECT p.survey_id, p.team_id, p.scale, count(*) AS n
FROM public.beter_survey_part p
WHERE beter_compat.beter_sees_survey(p.survey_id)
GROUP BY p.survey_id, p.team_id, p.scale;

CREATE OR REPLACE VIEW public.beter_survey_score WITH (security_barrier) AS
WITH p AS (
	SELECT p.survey_id, p.team_id, p.scale, p.ssum, p.scnt,
	       count(*) OVER (PARTITION BY p.survey_id, p.scale) AS n_all,
	       count(*) OVER (PARTITION BY p.survey_id, p.scale, p.team_id) AS n_team,
	       beter_compat.beter_survey_min_n(p.survey_id) AS min_n
	FROM public.beter_survey_part p
	WHERE beter_compat.beter_sees_survey(p.survey_id)),
q AS (SELECT p.*, min(p.n_team) OVER (PARTITION BY p.survey_id, p.scale) AS n_least FROM p)
SELECT q.survey_id, 0 AS by_team, NULL::bigint AS team_id, q.scale, q.ssum, q.scnt, count(*) AS n
FROM q WHERE q.n_all >= q.min_n
GROUP BY q.survey_id, q.scale, q.ssum, q.scnt
UNION ALL
SELECT q.survey_id, 1, q.team_id, q.scale, q.ssum, q.scnt, count(*)
FROM q WHERE q.n_least >= q.min_n
GROUP BY q.survey_id, q.team_id, q.scale, q.ssum, q.scnt;

CREATE OR REPLACE VIEW public.beter_survey_value WITH (security_barrier) AS
SELECT v.survey_id, v.pos, v.value, v.n
FROM (SELECT a.survey_id, i.pos, a.value, count(*) AS n,
	     sum(count(*)) OVER (PARTITION BY a.survey_id, i.pos) AS n_item
      FROM public.survey_answer a JOIN public.survey_item i ON i.id = a.item_id
      WHERE a.value <= i.hi AND beter_compat.beter_sees_survey(a.survey_id)
      GROUP BY a.survey_id, i.pos, a.value) v
WHERE v.n_item >= beter_compat.beter_survey_min_n(v.survey_id);

CREATE OR REPLACE VIEW public.beter_survey_comment WITH (security_barrier) AS
SELECT r.survey_id, i.code AS item, i.seq, t.text
FROM public.survey_text t
JOIN public.survey_response r ON r.id = t.response_id
JOIN public.survey_item i ON i.id = t.item_id
WHERE beter_compat.beter_sees_survey(r.survey_id)
  AND beter_compat.beter_survey_responses(r.survey_id) >= greatest(10, beter_compat.beter_survey_min_n(r.survey_id));

-- ---- privileges ----

DO $$
DECLARE
	everyone CONSTANT text := 'beter_leraar, beter_schoolcoach, beter_schoolleider';
	t text;
	seq text;
	-- written by the coach of a team (and read by everyone)
	coach_writes CONSTANT text[] := ARRAY[
		'board_session', 'board_checkin', 'goal_candidate', 'goal', 'goal_measure', 'goal_activity',
		'goal_talk', 'board_item', 'board_action', 'board_action_who', 'board_action_missed',
		'board_session_visit', 'board_agenda', 'design', 'design_day', 'design_author', 'design_step',
		'design_question', 'period_retro', 'arena', 'arena_question', 'arena_item', 'arena_answer',
		'trajectory', 'trajectory_phase', 'trajectory_item', 'visit', 'visit_score', 'visit_devpoint',
		'visit_step', 'visit_focus', 'survey'];
	-- written by a teacher (their visits, development points, check-ins)
	own_writes CONSTANT text[] := ARRAY[
		'visit', 'visit_score', 'visit_devpoint', 'visit_step', 'visit_focus', 'goal', 'goal_measure',
		'goal_activity', 'goal_talk', 'board_checkin'];
	-- read by the import role
	import_reads CONSTANT text[] := ARRAY[
		'school', 'person', 'team', 'team_member', 'survey', 'survey_instrument', 'survey_scale',
		'survey_item', 'survey_policy', 'survey_leader_key'];
BEGIN
	-- start from nothing, so that a privilege taken out here goes
	FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
		 WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') LOOP
		EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC, %s, beter_import', t, everyone);
		-- every table but the answers and the logins is readable (policies decide the rows)
		IF t NOT IN ('survey_response', 'survey_text', 'survey_answer', 'survey_leader_key', 'beter_survey_part') THEN
			EXECUTE format('GRANT SELECT ON public.%I TO %s', t, everyone);
		END IF;
	END LOOP;
	GRANT SELECT ON public.survey_leader_key TO beter_schoolleider;
	-- the sealed rows of their own 360 (the policy); no respondent column
	GRANT SELECT (id, survey_id, team_id, rater, answers, n_answers) ON public.survey_response TO beter_schoolleider;
	FOREACH t IN ARRAY coach_writes LOOP
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON public.%I TO beter_schoolcoach', t);
	END LOOP;
	FOREACH t IN ARRAY own_writes LOOP
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON public.%I TO beter_leraar', t);
	END LOOP;
	FOREACH t IN ARRAY import_reads LOOP
		EXECUTE format('GRANT SELECT ON public.%I TO beter_import', t);
	END LOOP;
	GRANT SELECT ON public.beter_schema_version TO beter_import;
	GRANT SELECT, INSERT, UPDATE, DELETE ON public.survey_response, public.survey_text TO beter_import;
	GRANT SELECT ON public.survey_answer TO beter_import;
	-- the sequences of the identity columns they insert into
	FOR t IN SELECT DISTINCT c.relname FROM pg_catalog.pg_class c
		 JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attidentity <> ''
		 WHERE c.relnamespace = 'public'::regnamespace
		   AND (c.relname = ANY (coach_writes) OR c.relname IN ('survey_response', 'survey_text')) LOOP
		FOR seq IN SELECT pg_catalog.pg_get_serial_sequence(format('public.%I', t), a.attname)
			   FROM pg_catalog.pg_attribute a
			   WHERE a.attrelid = format('public.%I', t)::regclass AND a.attidentity <> '' LOOP
			IF t = ANY (own_writes) THEN
				EXECUTE format('GRANT USAGE ON SEQUENCE %s TO beter_leraar', seq);
			END IF;
			IF t = ANY (coach_writes) THEN
				EXECUTE format('GRANT USAGE ON SEQUENCE %s TO beter_schoolcoach', seq);
			END IF;
			IF t IN ('survey_response', 'survey_text') THEN
				EXECUTE format('GRANT USAGE ON SEQUENCE %s TO beter_import', seq);
			END IF;
		END LOOP;
	END LOOP;
END
$$;

-- the database: the group roles and the store's owner connect (and make
-- temporary tables: imports, and this file's pg_temp.beter_policy on the
-- next upgrade), no other role of the cluster (the database's owner and
-- superusers always may)
DO $$
BEGIN
	EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO beter_leraar, beter_schoolcoach, beter_schoolleider, '
		       'beter_import, %I', current_database(), current_user);
END
$$;

-- the functions beter's SQL uses, and who the user is
GRANT USAGE ON SCHEMA beter_compat TO beter_leraar, beter_schoolcoach, beter_schoolleider, beter_import;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA beter_compat TO beter_leraar, beter_schoolcoach, beter_schoolleider, beter_import;
