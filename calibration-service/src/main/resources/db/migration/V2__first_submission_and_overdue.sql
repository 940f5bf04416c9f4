-- When each interviewer first submitted in a loop (interviewer calibration: time to feedback). Rows stored before
-- knew only their latest version's time, which is the first submission when that version is 1.
ALTER TABLE scorecard ADD COLUMN first_submitted_at TIMESTAMPTZ;
UPDATE scorecard SET first_submitted_at = submitted_at WHERE version = 1;

-- The panel interviewers whose scorecard is overdue (hiring.scorecard.overdue.v1) and not submitted yet: JSON [id]
ALTER TABLE loop ADD COLUMN overdue TEXT;
