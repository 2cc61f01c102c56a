-- The demo's billing and device system (server/billing/): account facts as that system would answer them, when set; an
-- account without a row keeps the facts its request was stored with. A deployment reads a real system instead
-- (API_ACCOUNT_FACTS_URL) and leaves this table empty.
CREATE TABLE demo_account_facts (
    account_id text COLLATE "C" PRIMARY KEY,
    facts jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The demo's number pool (server/billing/numberRelease.ts): each approved cancellation's number released, once per request.
CREATE TABLE demo_number_releases (
    request_id text COLLATE "C" PRIMARY KEY,
    mobile_number text COLLATE "C" NOT NULL,
    account_id text COLLATE "C" NOT NULL,
    released_at timestamptz NOT NULL
);
