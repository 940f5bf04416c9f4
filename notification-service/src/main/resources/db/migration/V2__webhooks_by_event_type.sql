-- Webhooks by event type (CONTRACT.md Part 2). Existing subscriptions keep their behaviour: decisions only.
ALTER TABLE subscription
    ADD COLUMN types        text[] NOT NULL DEFAULT '{hiring.decision.made}',
    ADD COLUMN interviewers text[] NOT NULL DEFAULT '{}';

-- Every other event a subscription may receive (overdue reminders, final decisions, erasures), once per CloudEvents id.
CREATE TABLE event (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ce_id          text         NOT NULL UNIQUE,
    type           text         NOT NULL,
    loop_id        varchar(200),
    interviewer_id varchar(200),
    payload        jsonb        NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    received_at    timestamptz  NOT NULL DEFAULT now()
);

-- A delivery carries either a decision or an event, and says which type and CloudEvents id it delivers.
ALTER TABLE delivery
    ALTER COLUMN decision_seq DROP NOT NULL,
    ADD COLUMN event_seq  bigint REFERENCES event (seq),
    ADD COLUMN event_type text NOT NULL DEFAULT 'hiring.decision.made',
    ADD COLUMN ce_id      text,
    ADD CONSTRAINT delivery_event_identity UNIQUE (event_seq, subscription_id),
    ADD CONSTRAINT delivery_carries_one CHECK ((decision_seq IS NULL) <> (event_seq IS NULL));
-- ce_id is written with every new delivery; the log reads a decision's from the decision where a row lacks it
UPDATE delivery d SET ce_id = dec.loop_id || ':' || dec.decision_version FROM decision dec WHERE dec.seq = d.decision_seq;
