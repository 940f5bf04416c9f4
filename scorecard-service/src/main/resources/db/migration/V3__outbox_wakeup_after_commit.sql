-- The relays are woken after commit by the service (events.OutboxSignal: in-process for its own relay, one coalesced
-- NOTIFY outbox_event for other instances), no longer by a NOTIFY inside every write transaction: PostgreSQL
-- serializes the commits of notifying transactions, WAL flush included, which capped the write rate.
DROP TRIGGER outbox_event_notify ON outbox_event;
DROP FUNCTION outbox_event_notify();
