-- Intake (docs/api.md §6.11): each Idempotency-Key a customer app sent, the fingerprint of what it carried (fields and
-- the SHA-256 of each file), and the request it created. A retried submission finds its request here.
CREATE TABLE intake_submissions (
    idempotency_key text COLLATE "C" PRIMARY KEY,
    fingerprint text NOT NULL,
    request_kind text NOT NULL CHECK (request_kind IN ('verification', 'cancellation')),
    request_id text COLLATE "C" NOT NULL UNIQUE REFERENCES requests (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
