-- The Users list at organisation size (100,000 accounts; bench/http-benchmark, README "Benchmarks").
-- Derived columns for the people read model: PostgreSQL answers a page, a capped count and a
-- search from an index alone (an index-only scan) only when the index holds plain columns, not
-- expressions, so the list's sort key and search text are stored. Nothing writes them.
--   sort_key:   the list's sort key, the display name (full name, or email while none is known)
--                in lower case;
--   search_text: what a search matches, email and full name in lower case. The newline between
--                them keeps a match within one of the two, as "email or name contains" means:
--                a search never holds a control character (directory.SearchText).
alter table account
    add column sort_key text generated always as (lower(coalesce(full_name, email))) stored,
    add column search_text text generated always as (lower(email) || E'\n' || lower(coalesce(full_name, ''))) stored;
comment on column account.sort_key is 'Derived for the people module''s Users list (sort key); never written.';
comment on column account.search_text is 'Derived for the people module''s Users list (search); never written.';

-- A System Administrator's list in order, whole or by status: a page is a range of one index,
-- its count and its search filter read only that index.
drop index account_listed_order;
create index account_listed_by_name on account (sort_key, id) include (status, search_text) where listed;
create index account_listed_by_status on account (status, sort_key, id) include (search_text) where listed;
-- A rare search ("invitee1999") is found through its trigrams instead; one index over both fields
-- replaces the two of V1, and account_sort, which no query orders by any more.
create index account_listed_search on account using gin (search_text gin_trgm_ops) where listed;
drop index account_email_trgm;
drop index account_name_trgm;
drop index account_sort;

-- An area administrator's list starts from the roles of their areas; this index lets PostgreSQL
-- check "pending" and find the account for each invited role without reading every invitation.
create index invitation_pending on invitation (id) include (account_id) where status = 'PENDING';
