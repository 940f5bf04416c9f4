-- W3C trace context of the record a decision or event came in (issue 17, patch N3): each webhook attempt for it is a
-- span continuing that trace and sends its traceparent, also when it is retried after a restart. NULL while tracing is
-- off and for rows stored before.
ALTER TABLE decision ADD COLUMN traceparent text, ADD COLUMN tracestate text;
ALTER TABLE event ADD COLUMN traceparent text, ADD COLUMN tracestate text;
