-- Issue 15: keeping the interviewer statistics cost the replay 16 % of its events/s, two thirds of it in the updates of
-- interviewer_totals: eight rows per decided loop (each interviewer's ALL and level), and none of them a HOT update,
-- since every one changed the indexed list_key, so each also wrote an entry into both of the table's indexes.
--
-- Now the table keeps each interviewer's sums per level only: a loop has one level, so every sum adds across levels and
-- the scope ALL is their sum, added up when read (InterviewerStore). The list is ordered when read (a top-N sort over
-- one row per interviewer), so no index holds list_key and an update can rewrite its row in place on the same page
-- (fillfactor 70 leaves the room, for pages written from now on). Half the rows, and no index entries, per update.
DELETE FROM interviewer_totals WHERE scope = 'ALL';
DROP INDEX interviewer_totals_list;
ALTER TABLE interviewer_totals DROP COLUMN list_key;
ALTER TABLE interviewer_totals SET (fillfactor = 70);

-- interviewer_contribution kept five indexes; (interviewer_id, decided_at) served only one interviewer's statistics
-- since a date, which the feedback index serves as well once it holds every row (the middle feedback times are read
-- with feedback_seconds IS NOT NULL, an index condition).
DROP INDEX interviewer_contribution_interviewer;
DROP INDEX interviewer_contribution_feedback;
CREATE INDEX interviewer_contribution_feedback ON interviewer_contribution (interviewer_id, feedback_seconds);
