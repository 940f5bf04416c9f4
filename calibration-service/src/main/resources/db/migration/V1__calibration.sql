-- A loop row exists as soon as any event of the loop arrives (opened = false until hiring.loop.opened.v1): it is the
-- row every event of the loop locks (SELECT ... FOR UPDATE), so two instances never interleave updates of one loop.
CREATE TABLE loop (
    loop_id            TEXT PRIMARY KEY,
    opened             BOOLEAN     NOT NULL DEFAULT FALSE,
    cancelled          BOOLEAN     NOT NULL DEFAULT FALSE,
    candidate_id       TEXT,
    candidate_name     TEXT,
    position           TEXT,
    level              TEXT,
    panel              TEXT,          -- JSON [{interviewerId, stage}]
    opened_at          TIMESTAMPTZ,
    cancelled_at       TIMESTAMPTZ,
    status             TEXT,
    outcome            TEXT,
    decision_version   INTEGER,
    decision_signature TEXT,
    calibration        TEXT,          -- the current Calibration JSON, exactly as published
    updated_at         TIMESTAMPTZ
);
CREATE INDEX loop_filters ON loop (status, level, outcome) WHERE opened;

-- The latest version of each interviewer's scorecard, also for loops not opened yet.
CREATE TABLE scorecard (
    id             TEXT PRIMARY KEY,  -- loopId + '/' + interviewerId
    loop_id        TEXT        NOT NULL,
    interviewer_id TEXT        NOT NULL,
    version        INTEGER     NOT NULL,
    scorecard_id   TEXT,
    stage          TEXT,
    scores         TEXT        NOT NULL, -- JSON {AREA: int}
    red_flags      TEXT        NOT NULL, -- JSON [flag]
    recommendation TEXT        NOT NULL,
    submitted_at   TIMESTAMPTZ,
    UNIQUE (loop_id, interviewer_id)
);

-- Every decision version ever made, with the event that made it (so a redelivery republishes exactly that one).
CREATE TABLE decision (
    id               TEXT PRIMARY KEY, -- loopId + ':' + version
    loop_id          TEXT        NOT NULL,
    version          INTEGER     NOT NULL,
    trigger_event    TEXT        NOT NULL,
    decision         TEXT        NOT NULL, -- the Decision JSON, exactly as published
    decided_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (loop_id, version)
);
CREATE INDEX decision_trigger ON decision (loop_id, trigger_event);
