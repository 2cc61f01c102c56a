-- Revoking an account's sessions (disabling it, resetting its password) finds them by account.
CREATE INDEX sessions_by_account ON sessions (user_id);
