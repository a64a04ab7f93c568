-- 0015: a lesson design belongs to an improvement period. By default it is
-- the period that holds the design's first day (read, not stored: goals and
-- arenas find theirs the same way); period_id is the period given with
-- --period, which wins. That the period is of the design's own school is a
-- rule of beter check: a column added by ALTER TABLE cannot carry the
-- composite key (see 0011).

ALTER TABLE design ADD COLUMN period_id INTEGER REFERENCES period(id) ON DELETE SET NULL;
CREATE INDEX design_period ON design(period_id);
