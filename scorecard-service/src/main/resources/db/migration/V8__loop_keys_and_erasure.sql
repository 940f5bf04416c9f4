-- Issue 18, erasure by crypto-shredding: every loop has its own AES-256 key, made when it opens. The candidate's name
-- travels in events sealed under it (platform privacy.PersonalText); calibration-service and notification-service
-- keep it sealed and ask for the key (POST /internal/loop-keys) only to show it. Erasing a loop deletes its key, so
-- every copy of the name, on every topic and in every database, stops opening at once. Loops opened before this
-- migration have no key: their events carried the name in plain text.
CREATE TABLE loop_key (
    loop_id    uuid        PRIMARY KEY REFERENCES hiring_loop (loop_id),
    key        bytea       NOT NULL CHECK (length(key) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- An erased loop keeps its ids, panel, scores, flags, recommendations and times (the statistics); its candidate name,
-- notes and evidence are gone. erased_at says when; an erased loop takes no new scorecard.
ALTER TABLE hiring_loop
    ALTER COLUMN candidate_name DROP NOT NULL,
    ADD COLUMN erased_at timestamptz;
CREATE INDEX hiring_loop_candidate ON hiring_loop (candidate_id);
