-- The hiring manager's final decision of a DECIDED loop (DOMAIN.md "Final decision"), one per loop. The row is also
-- the outbox of hiring.decision.finalized.v1: published_at stays null until the broker acknowledged the event (and the
-- calibration carrying it); a relay publishes what is still null, on start and every few seconds.
CREATE TABLE final_decision (
    loop_id          TEXT PRIMARY KEY,
    outcome          TEXT        NOT NULL,
    reason           TEXT        NOT NULL,
    decision_version INTEGER     NOT NULL,
    computed_outcome TEXT        NOT NULL,
    override         BOOLEAN     NOT NULL,
    decided_by       TEXT        NOT NULL,
    decided_at       TIMESTAMPTZ NOT NULL,
    published_at     TIMESTAMPTZ
);
CREATE INDEX final_decision_unpublished ON final_decision (decided_at) WHERE published_at IS NULL;
