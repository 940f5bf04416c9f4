-- The event id (ce_id) becomes text: most events keep a random UUID, but a reminder's id is derived from what it
-- reminds of ({loopId}:{interviewerId}:overdue:{n}, CONTRACT.md Part 2), so that the same reminder has the same id.
ALTER TABLE outbox_event ALTER COLUMN id TYPE text USING id::text;
