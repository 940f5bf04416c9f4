-- Issue 15: since V8 a page of the list sorts one scope's rows when read (the order is no longer an index), and with
-- every scope in one heap that read scanned all four scopes' rows to sort one's: 45 of its 79 ms over 10,000
-- interviewers (bench-20261202-145316). One partition per scope: a page reads only its scope's rows (runtime partition
-- pruning of the prepared statement's scope), an interviewer's row is still found by the primary key, and a batch's
-- upsert still updates each row in place (HOT, half of each page kept free). A scope with no partition of its own (a
-- level added later) lands in the default one.
ALTER TABLE interviewer_totals RENAME TO interviewer_totals_v8;
ALTER TABLE interviewer_totals_v8 RENAME CONSTRAINT interviewer_totals_pkey TO interviewer_totals_v8_pkey;

CREATE TABLE interviewer_totals (LIKE interviewer_totals_v8 INCLUDING DEFAULTS, PRIMARY KEY (interviewer_id, scope))
    PARTITION BY LIST (scope);
CREATE TABLE interviewer_totals_all PARTITION OF interviewer_totals FOR VALUES IN ('ALL') WITH (fillfactor = 50);
CREATE TABLE interviewer_totals_junior PARTITION OF interviewer_totals FOR VALUES IN ('JUNIOR') WITH (fillfactor = 50);
CREATE TABLE interviewer_totals_mid PARTITION OF interviewer_totals FOR VALUES IN ('MID') WITH (fillfactor = 50);
CREATE TABLE interviewer_totals_senior PARTITION OF interviewer_totals FOR VALUES IN ('SENIOR') WITH (fillfactor = 50);
CREATE TABLE interviewer_totals_other PARTITION OF interviewer_totals DEFAULT WITH (fillfactor = 50);

INSERT INTO interviewer_totals SELECT * FROM interviewer_totals_v8;
DROP TABLE interviewer_totals_v8;
