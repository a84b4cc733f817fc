-- "Forgot your password?" (requirement SI9). Each emailed link is a random 32-byte token
-- (base64url in the link); only its SHA-256 digest is stored, so the database alone never
-- lets anyone follow a link. A link works once (used_at is set by one conditional update,
-- so two clicks or two instances cannot both use it) until expires_at. Written by the
-- signin module only; expired rows are deleted when links are issued or used.
create table password_reset_link (
    token_sha256 bytea primary key check (length(token_sha256) = 32),
    account_id bigint not null references account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null check (expires_at > created_at),
    used_at timestamptz
);

-- A reset, and "Change password", revoke the account's other links.
create index password_reset_link_account on password_reset_link (account_id);

-- The clean-up of expired links.
create index password_reset_link_expires_at on password_reset_link (expires_at);
