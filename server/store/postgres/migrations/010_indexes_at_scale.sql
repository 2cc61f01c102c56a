-- Indexes for a million requests (npm run bench, phase server-scale; tests/server/plans.test.ts): each list the console
-- offers reads its page through an index instead of scanning and sorting every match.

-- Search: trigrams of the text with every character outside ASCII doubled (sql.ts SEARCH_PAIRS), so that a two-character
-- Chinese name has trigrams of its own (a trigram index cannot look up fewer than three characters). Replaces the index
-- on the text as it is, which a name search could not use.
DROP INDEX requests_search;
CREATE INDEX requests_search_pairs ON requests USING gin ((regexp_replace(search_text, '([^\x01-\x7f])', '\1\1', 'g')) gin_trgm_ops);

-- The queue's column sorts, each ending with id as the list dialect says (due_at and submitted_at have theirs in 001).
-- Status: the open ones only (walking every approved request first to reach an open one would be a scan).
CREATE INDEX requests_mobile ON requests (kind, mobile_number, id);
CREATE INDEX requests_open_status ON requests (kind, status, id) WHERE is_open;
CREATE INDEX requests_attempt ON requests (kind, attempt, id);
CREATE INDEX requests_assignee ON requests (kind, assignee, id);
CREATE INDEX requests_failed_checks ON requests (kind, failed_checks, id);
CREATE INDEX requests_decided_at ON requests (kind, decided_at, id);

-- The audit list: by action, newest first (audit_actor covers the actor); a request id that contains the text typed.
CREATE INDEX audit_action ON audit (action, seq);
CREATE INDEX audit_request_search ON audit USING gin (lower(request_id) gin_trgm_ops);
