-- What happens to accounts, outside the requests' audit trail: failed logins, lockouts, and the accounts command's changes
-- (server/accounts). Append-only, like the audit trail. Never a password.
CREATE SEQUENCE account_event_seq;
CREATE TABLE account_events (
    seq bigint PRIMARY KEY DEFAULT nextval('account_event_seq'),
    at timestamptz NOT NULL,
    -- An account id, "anonymous" for a login, or "cli:<os user>" for the accounts command.
    actor text COLLATE "C" NOT NULL,
    action text COLLATE "C" NOT NULL,
    -- The account acted on, as typed at login (lower case), or as named to the command.
    username text COLLATE "C" NOT NULL,
    address text,
    detail text
);
CREATE INDEX account_events_username ON account_events (username, seq);
CREATE TRIGGER account_events_no_update_or_delete BEFORE UPDATE OR DELETE ON account_events FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER account_events_no_truncate BEFORE TRUNCATE ON account_events FOR EACH STATEMENT EXECUTE FUNCTION audit_is_append_only();

-- Failed logins within the throttling window, per key ("account:<username>", "address:<ip>"): the login throttle's
-- counters (server/accounts/loginThrottle.ts). Rows older than the window are pruned as new ones arrive.
CREATE TABLE login_failures (
    key text COLLATE "C" NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);
