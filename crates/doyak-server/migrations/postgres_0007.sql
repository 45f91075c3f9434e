-- 0007: each center's national figure totals as last computed (see sqlite_0006.sql).
CREATE TABLE center_figures (
    center_id      TEXT COLLATE "C" PRIMARY KEY REFERENCES center (center_id),
    change_version BIGINT NOT NULL,
    today          TEXT COLLATE "C" NOT NULL,
    months         TEXT NOT NULL
);
