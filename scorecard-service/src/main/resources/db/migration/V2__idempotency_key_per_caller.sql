-- Idempotency keys belong to the caller (the token's sub): a stored response is replayed only to the caller whose
-- request produced it, and another caller's equal key is another key. Keys stored before this migration belong to
-- nobody (caller ''), so no one can replay them; they expire with the TTL.
ALTER TABLE idempotency_key ADD COLUMN caller text NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ALTER COLUMN caller DROP DEFAULT;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (caller, idempotency_key);
