-- The recruiter page shows each decision with its loop's final decision (GET /api/decisions): found by loop.
CREATE INDEX event_final_by_loop ON event (loop_id, seq DESC) WHERE type = 'hiring.decision.finalized';
