-- W3C trace context of the request that wrote the row (as Debezium's outbox router keeps it in tracingspancontext):
-- the relay's publish span continues that trace, so one trace leads from the POST to the consumers (issue 17).
-- NULL while tracing is off.
ALTER TABLE outbox_event ADD COLUMN traceparent text, ADD COLUMN tracestate text;
