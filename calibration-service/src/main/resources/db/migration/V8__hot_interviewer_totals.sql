-- Issue 15: a replay's batch adds its differences to about eight interviewer_totals rows per decided loop, and that
-- upsert was the most expensive statement of the replay: more PostgreSQL time than every other statement of the batch
-- together (pg_stat_statements, 200,000 events). Each of those updates changed the indexed, generated list_key, so none
-- could be a HOT update: every one wrote a new row version on another page and a new entry in both indexes.
--
-- Now the list's order is computed when read (InterviewerStore.LIST_KEY: the same value, a top-N sort of one scope's
-- rows, one per interviewer), no updated column is indexed, and each page keeps half its space free, so an update writes
-- its new version beside the old one and touches no index (HOT).
DROP INDEX interviewer_totals_list;
ALTER TABLE interviewer_totals DROP COLUMN list_key;
ALTER TABLE interviewer_totals SET (fillfactor = 50);
-- rewrite the rows already kept at the new fill factor (CLUSTER with a table name runs inside the migration's
-- transaction; the table is one row per interviewer and scope)
CLUSTER interviewer_totals USING interviewer_totals_pkey;
