-- The W3C traceparent of the request that wrote the message: the delivery, run later by the scheduler, continues
-- that trace, so a partner submission is one trace from the gateway to the intelligence-service.
ALTER TABLE outbox ADD COLUMN trace_parent text;
