-- Retention (docs/api.md §6.12): the purge job looks for decided requests whose identity data is still there, oldest
-- decision first; once purged a request leaves this index. A rejection is under dispute when a request names it as
-- previous_id: looked up by the index below.
CREATE INDEX requests_purge_due ON requests (decided_at, id) WHERE decided_at IS NOT NULL AND (record->>'identityPurgedAt') IS NULL;
CREATE INDEX IF NOT EXISTS requests_previous ON requests (previous_id) WHERE previous_id IS NOT NULL;
