-- The customer notices' outbox (docs/api.md §6.11): written in the transaction of the decision, delivered by the server's
-- sender (server/notices/sender.ts). Kept whole as jsonb like the other records; the columns are what the sender and the
-- lists select on, derived from the notice by the store.
CREATE SEQUENCE notice_seq;
CREATE TABLE notices (
    seq bigint PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    request_id text COLLATE "C" NOT NULL REFERENCES requests (id),
    channel text COLLATE "C" NOT NULL,
    state text COLLATE "C" NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    -- queued: when to try next; sending: when the sender's claim runs out.
    next_attempt_at timestamptz,
    created_at text COLLATE "C" NOT NULL,
    notice jsonb NOT NULL
);
CREATE INDEX notices_request ON notices (request_id, seq);
CREATE INDEX notices_due ON notices (next_attempt_at, seq) WHERE state IN ('queued', 'sending');
CREATE INDEX notices_failed ON notices (request_id) WHERE state = 'failed';
