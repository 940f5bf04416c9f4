-- Webhook subscriptions. The secret must be kept in clear: it is the HMAC key of every signature.
CREATE TABLE subscription (
    id              uuid PRIMARY KEY,
    url             varchar(2000) NOT NULL,
    description     varchar(500),
    outcomes        text[]        NOT NULL DEFAULT '{}',
    levels          text[]        NOT NULL DEFAULT '{}',
    secret          text          NOT NULL,
    created_at      timestamptz   NOT NULL,
    disabled_at     timestamptz,
    disabled_reason text
);

-- Every decision received from hiring-decisions, once per (loop_id, decision_version).
-- seq is the received order: the live stream replays by it (Last-Event-ID).
CREATE TABLE decision (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loop_id          varchar(200) NOT NULL,
    decision_version integer      NOT NULL,
    outcome          text,
    level            text,
    payload          jsonb        NOT NULL,
    summary          text         NOT NULL,
    received_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT decision_identity UNIQUE (loop_id, decision_version)
);
CREATE INDEX decision_by_loop ON decision (loop_id, seq DESC);

-- The durable webhook queue: one row per (decision, subscription).
-- A PENDING row is due at next_attempt_at; a claimed row has next_attempt_at pushed to the end of its lease
-- and a claim_token, so another instance (or this one after a crash) retries only once the lease has expired.
CREATE TABLE delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       text        NOT NULL UNIQUE,
    decision_seq     bigint      NOT NULL REFERENCES decision (seq),
    subscription_id  uuid        NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    status           varchar(16) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       text,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz,
    claim_token      uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT delivery_identity UNIQUE (decision_seq, subscription_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, id DESC);
