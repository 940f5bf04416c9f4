-- Part 2: a panel member may carry the scheduled end of their interview; reminders are counted from it.
ALTER TABLE panel_member ADD COLUMN scheduled_end timestamptz;
-- how many overdue reminders were emitted (each number once: the claim locks the row and raises this in the same
-- transaction as the reminder's outbox row)
ALTER TABLE panel_member ADD COLUMN reminders_sent integer NOT NULL DEFAULT 0;
-- when the next reminder is due; null when none is (no scheduled end, submitted, cancelled, or max reached)
ALTER TABLE panel_member ADD COLUMN next_reminder_at timestamptz;
CREATE INDEX panel_member_next_reminder ON panel_member (next_reminder_at) WHERE next_reminder_at IS NOT NULL;

-- GET /api/loops?interviewer=: an interviewer's loops, newest first
CREATE INDEX panel_member_interviewer ON panel_member (interviewer_id, loop_id);
CREATE INDEX hiring_loop_opened_at ON hiring_loop (opened_at DESC, loop_id);
