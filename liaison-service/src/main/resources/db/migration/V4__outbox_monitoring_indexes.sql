-- The outbox gauges (LiaisonMetrics) read only undelivered rows: these partial indexes stay as small as the
-- backlog while DELIVERED rows accumulate, so the age of the oldest pending message is one index probe.
CREATE INDEX outbox_pending_created_idx ON outbox (created_at) WHERE status = 'PENDING';
CREATE INDEX outbox_failed_created_idx ON outbox (created_at) WHERE status = 'FAILED';
