-- 0007: a team's lesson visits by day.
-- The board's lesson-visit planning (board show, board export) reads the
-- visits of one team; without this index SQLite could only find them through
-- every teacher of the store.

CREATE INDEX visit_team ON visit(team_id, date);
