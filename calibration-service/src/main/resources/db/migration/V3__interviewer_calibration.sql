-- Interviewer calibration (DOMAIN.md Part 2), kept incrementally inside each batch's transaction.

-- What each DECIDED loop (its latest scorecards) contributes to each of its interviewers: replaced whenever the loop
-- is re-evaluated, removed when it is no longer decided. decided_at is the time of the loop's latest change.
CREATE TABLE interviewer_contribution (
    loop_id          TEXT        NOT NULL,
    interviewer_id   TEXT        NOT NULL,
    level            TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL,
    deviations       TEXT        NOT NULL, -- JSON {AREA: "numerator/denominator"}, exact
    agreed           BOOLEAN,              -- null: INSUFFICIENT_EVIDENCE
    feedback_seconds BIGINT,               -- first submission - scheduled end; null without a scheduled end
    PRIMARY KEY (loop_id, interviewer_id)
);
CREATE INDEX interviewer_contribution_since ON interviewer_contribution (decided_at);
CREATE INDEX interviewer_contribution_interviewer ON interviewer_contribution (interviewer_id, decided_at);

-- Each interviewer's running sums over all their contributions (scope ALL) and over each level's (scope = level), with
-- the statistics as served and |mean deviation| to list the most deviating first. Also the per-interviewer lock.
CREATE TABLE interviewer_totals (
    interviewer_id  TEXT    NOT NULL,
    scope           TEXT    NOT NULL,
    totals          TEXT,            -- JSON running sums (exact), null for a row just created
    calibration     TEXT,            -- the InterviewerCalibration JSON, exactly as served
    deviation_order NUMERIC,         -- |meanDeviation| (30 decimals), null without pairs
    PRIMARY KEY (interviewer_id, scope)
);
CREATE INDEX interviewer_totals_order ON interviewer_totals (scope, deviation_order DESC NULLS LAST, interviewer_id);
