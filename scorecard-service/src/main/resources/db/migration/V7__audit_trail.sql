-- Issue 18, audit: who did what to a loop, and when. Scorecard versions are written in the scorecard's own
-- transaction; decisions and final decisions come from hiring-decisions (entry_key = the event's ce_id, so a record
-- delivered twice is one entry); erasure adds one ERASED entry. No personal free text is ever stored here: no candidate
-- name, note, evidence or final-decision reason, only the names of the free-text fields that changed.
CREATE TABLE audit_entry (
    entry_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loop_id           uuid        NOT NULL,
    entry_key         text        NOT NULL, -- scorecard:{interviewerId}:{version}, a decision's ce_id, erased
    action            text        NOT NULL,
    actor             text        NOT NULL, -- the JWT sub, a final decision's decidedBy, or the deciding service
    at                timestamptz NOT NULL,
    interviewer_id    text,                 -- scorecard entries
    version           integer,              -- scorecard version, or decision version
    changes           jsonb       NOT NULL, -- [{field, before, after}], non-personal values only
    free_text_changed jsonb       NOT NULL, -- ["notes", "evidence.CI_CD", "reason"]: names only
    facts             jsonb,                -- a computed decision's non-personal facts, to diff the next version
    UNIQUE (loop_id, entry_key)
);
CREATE INDEX audit_entry_loop ON audit_entry (loop_id, at, entry_id);

-- The time of each loop's last decision (computed or final), for retention (debrief.retention.erase-after), and when
-- it was last erased: a loop is due again only when a decision came after its erasure.
CREATE TABLE loop_decision (
    loop_id         uuid        PRIMARY KEY,
    last_decided_at timestamptz NOT NULL,
    erased_at       timestamptz
);
CREATE INDEX loop_decision_last_decided ON loop_decision (last_decided_at);
