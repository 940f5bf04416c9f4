-- Candidate erasure (issue 18, crypto-shredding). The candidate's name and a final decision's reason arrive and are
-- kept sealed under the loop's key (enc:v1:…, held by scorecard-service); hiring.candidate.erased.v1 marks the loop
-- erased here and nulls what may still be plain (names and reasons from before encryption). Scores, checks, outcomes
-- and decisions stay. erased_at is the first erasure's time; a row may be erased before its loop opens (the erasure is
-- keyed by candidate, so it can overtake the opening on another partition), and an erased loop never takes a name again.
ALTER TABLE loop ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE final_decision ALTER COLUMN reason DROP NOT NULL;
