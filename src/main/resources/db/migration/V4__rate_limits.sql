-- Sign-in throttles and the new-link limit count here rather than in an instance's memory,
-- so every instance behind the load balancer sees the same counts (S1). A row counts the
-- events of one key under one limit until expires_at; the application deletes expired rows.
-- Keys are SHA-256 digests: no email or client address is kept here.
create table rate_limit_counter (
    limit_name varchar(40) not null,
    key_hash bytea not null check (length(key_hash) = 32),
    hits integer not null check (hits >= 0),
    expires_at timestamptz not null,
    primary key (limit_name, key_hash)
);
create index rate_limit_counter_expiry on rate_limit_counter (expires_at);
