-- Issue 15: keeping the interviewer statistics costs a replay a sixth of its events/s, nearly all of it PostgreSQL's
-- work inside each batch's transaction. Each decided loop writes four interviewer_contribution rows, and each row went
-- into five indexes, four of them at random places (by loop or by interviewer), so most inserts dirty a page of their
-- own in each. Two of those served reads that one index serves as well:
-- - (interviewer_id, decided_at) served one interviewer's statistics since a date: (interviewer_id, level,
--   feedback_seconds) over every row serves that lookup too (a few hundred rows per interviewer, filtered by date);
-- - (interviewer_id, feedback_seconds) gave the middle feedback times over all levels: InterviewerStore now merges the
--   levels' ranges of the level index in order (a Merge Append), reading as many entries as before.
DROP INDEX interviewer_contribution_interviewer;
DROP INDEX interviewer_contribution_feedback;
DROP INDEX interviewer_contribution_level_feedback;
CREATE INDEX interviewer_contribution_level_feedback ON interviewer_contribution (interviewer_id, level, feedback_seconds);
