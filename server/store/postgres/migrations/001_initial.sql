-- The review server's schema (server/store/postgres). Records are kept whole as jsonb, as the API shows them; the columns
-- beside them are what lists filter and sort on, derived from the record by the store (rows.ts), never edited alone.
-- Text that lists sort or compare is COLLATE "C": the same order on every server, whatever locale initdb was given.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE accounts (
    id text COLLATE "C" PRIMARY KEY,
    username text NOT NULL UNIQUE,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('operator', 'supervisor')),
    -- argon2id (PHC string); null: the account cannot sign in with a password.
    password_hash text,
    -- The server's account order (GET /operators before sorting, the team rows of /stats).
    ordinal integer NOT NULL,
    disabled_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 of each token is kept: a copy of this table signs nobody in.
CREATE TABLE sessions (
    token_sha256 text PRIMARY KEY,
    user_id text NOT NULL REFERENCES accounts (id),
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE requests (
    id text COLLATE "C" PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('verification', 'cancellation')),
    status text COLLATE "C" NOT NULL,
    is_open boolean NOT NULL,
    assignee text COLLATE "C",
    claim_expires_at timestamptz,
    submitted_at timestamptz NOT NULL,
    due_at timestamptz NOT NULL,
    decided_at timestamptz,
    decided_by text COLLATE "C",
    attempt integer NOT NULL,
    previous_id text COLLATE "C",
    mobile_number text COLLATE "C" NOT NULL,
    -- fullName (verification) or holderName (cancellation): sorted by the API's locale collation, in the store.
    holder_name text NOT NULL,
    failed_checks integer NOT NULL,
    ready_to_approve boolean,
    -- src/domain/lists/requests.ts searchText(): what a search looks in; the fields it is made of never change.
    search_text text NOT NULL,
    version integer NOT NULL,
    record jsonb NOT NULL
);
-- The queue as the console opens it (open requests by due time, then id) and claim-next's choice (pending ones).
CREATE INDEX requests_open_queue ON requests (kind, due_at, id) WHERE is_open;
CREATE INDEX requests_pending_queue ON requests (kind, due_at, id) WHERE status = 'pending';
CREATE INDEX requests_held ON requests (assignee, kind, due_at, id) WHERE status = 'in_review';
CREATE INDEX requests_claim_expiry ON requests (claim_expires_at) WHERE status = 'in_review';
CREATE INDEX requests_due ON requests (kind, due_at, id);
CREATE INDEX requests_submitted ON requests (kind, submitted_at, id);
CREATE INDEX requests_decided ON requests (decided_by, decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX requests_search ON requests USING gin (search_text gin_trgm_ops);

-- Demo data only: how each seeded request's document images are drawn (mocks/documentSource.ts).
CREATE TABLE demo_documents (
    request_id text COLLATE "C" PRIMARY KEY REFERENCES requests (id),
    traits jsonb NOT NULL
);

CREATE SEQUENCE audit_seq;
CREATE TABLE audit (
    seq bigint PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    at text COLLATE "C" NOT NULL,
    actor text COLLATE "C" NOT NULL,
    action text COLLATE "C" NOT NULL,
    request_kind text NOT NULL,
    request_id text COLLATE "C" NOT NULL,
    to_status text,
    reasons jsonb NOT NULL,
    entry jsonb NOT NULL
);
CREATE INDEX audit_request ON audit (request_id, seq);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_actor ON audit (actor, seq);

-- The audit trail is append-only, whatever the client: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_no_update_or_delete BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();

CREATE SEQUENCE quality_sample_seq;
CREATE TABLE quality_samples (
    seq bigint PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    operator_id text COLLATE "C" NOT NULL,
    created_by text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    sample jsonb NOT NULL
);

CREATE SEQUENCE quality_review_seq;
CREATE TABLE quality_reviews (
    seq bigint PRIMARY KEY,
    id text COLLATE "C" NOT NULL UNIQUE,
    sample_id text COLLATE "C" NOT NULL REFERENCES quality_samples (id),
    operator_id text COLLATE "C" NOT NULL,
    -- A request is sampled once.
    request_id text COLLATE "C" NOT NULL UNIQUE REFERENCES requests (id),
    verdict text COLLATE "C",
    decided_at text COLLATE "C",
    reviewed_at text COLLATE "C",
    review jsonb NOT NULL
);

-- What the server derived and for which day (failed checks depend on the review team's day).
CREATE TABLE derived (
    name text PRIMARY KEY,
    value text NOT NULL
);
