-- Second factors (requirements SI1, SI2, SI8). An account has at most one authenticator app:
-- its secret encrypted by the application (AES-GCM, app.sign-in.secret-key), never stored
-- in clear, and the last 30-second step whose code it accepted, so that no code is accepted
-- twice, whichever instance is asked.
create table authenticator_app (
    account_id bigint primary key references account (id) on delete cascade,
    secret_encrypted text not null,
    last_used_step bigint,
    added_at timestamptz not null
);

-- Ten single-use recovery codes per account, stored as SHA-256 digests of the code (each
-- holds 80 random bits, so a digest cannot be reversed by trying codes). A new set replaces
-- the old one whole.
create table recovery_code (
    account_id bigint not null references account (id) on delete cascade,
    code_hash bytea not null check (length(code_hash) = 32),
    used_at timestamptz,
    primary key (account_id, code_hash)
);
