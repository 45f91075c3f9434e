-- 0006: each center's national figure totals as last computed (docs/national.md),
-- so that an answer reads them instead of every center's records, and a restart
-- does not compute every center again. Kept with the center's change-log version
-- and the day (in Korea) they were computed for: either moving makes them stale.
-- months: JSON, per month (YYYY-MM) the totals in the catalogue's order (n, sums,
-- and the numbers a median needs); no name, no id, no free text.
CREATE TABLE center_figures (
    center_id      TEXT PRIMARY KEY REFERENCES center (center_id),
    change_version INTEGER NOT NULL,
    today          TEXT NOT NULL,
    months         TEXT NOT NULL
) STRICT;
