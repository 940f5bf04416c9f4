-- Candidate erasure (issue 18): the loops whose candidate was erased (hiring.candidate.erased.v1). Personal text of
-- these loops is never kept again: a decision or final decision of one that arrives late (a replay, another topic's
-- order) is stored with its name or reason set to null, like the ones already stored when the erasure came.
CREATE TABLE erased_loop (
    loop_id      varchar(200) PRIMARY KEY,
    candidate_id varchar(200) NOT NULL,
    erased_at    timestamptz  NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now()
);
