-- Loops, their panels and every version of every scorecard.
CREATE TABLE hiring_loop (
    loop_id        uuid PRIMARY KEY,
    candidate_id   text        NOT NULL,
    candidate_name text        NOT NULL,
    position       text        NOT NULL,
    level          text        NOT NULL,
    status         text        NOT NULL,
    opened_at      timestamptz NOT NULL,
    cancelled_at   timestamptz
);

CREATE TABLE panel_member (
    loop_id        uuid    NOT NULL REFERENCES hiring_loop (loop_id),
    interviewer_id text    NOT NULL,
    seat           integer NOT NULL, -- order in the panel as requested
    stage          text    NOT NULL,
    scorecard_id   uuid,              -- null until the first submission
    latest_version integer NOT NULL DEFAULT 0,
    PRIMARY KEY (loop_id, interviewer_id)
);

-- History: one row per version; the panel member row points at the latest.
CREATE TABLE scorecard_version (
    loop_id        uuid        NOT NULL,
    interviewer_id text        NOT NULL,
    version        integer     NOT NULL CHECK (version >= 1),
    scorecard_id   uuid        NOT NULL,
    stage          text        NOT NULL,
    scores         jsonb       NOT NULL,
    evidence       jsonb       NOT NULL,
    red_flags      jsonb       NOT NULL,
    green_flags    jsonb       NOT NULL,
    recommendation text        NOT NULL,
    notes          text,
    submitted_at   timestamptz NOT NULL,
    PRIMARY KEY (loop_id, interviewer_id, version),
    FOREIGN KEY (loop_id, interviewer_id) REFERENCES panel_member (loop_id, interviewer_id)
);

-- Idempotency-Key: written in the same transaction as the change it protects; the primary key makes a concurrent
-- duplicate wait for the first transaction and then replay its response.
CREATE TABLE idempotency_key (
    idempotency_key   text        PRIMARY KEY,
    request_hash      text        NOT NULL,
    response_status   integer,
    response_location text,
    response_body     text,
    created_at        timestamptz NOT NULL
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

-- Transactional outbox, laid out as Debezium's outbox event router expects
-- (id, aggregatetype, aggregateid = Kafka key, type, payload, timestamp); sequence orders a loop's events.
CREATE TABLE outbox_event (
    id            uuid        PRIMARY KEY,
    sequence      bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    aggregatetype text        NOT NULL,
    aggregateid   text        NOT NULL,
    type          text        NOT NULL,
    payload       jsonb       NOT NULL,
    "timestamp"   timestamptz NOT NULL
);
CREATE INDEX outbox_event_aggregate ON outbox_event (aggregateid, sequence);

-- Wake the relay at commit: NOTIFY is delivered only when (and if) the inserting transaction commits.
CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
