-- Owner: account. The views the account module publishes, so that no other module reads its
-- table for what it may know about an account, nor spells its rules again.
--
-- Repeatable migration (docs/derived-data.md): this file holds the current definition; change it
-- here, never in a new versioned migration. Flyway runs it after every versioned migration and
-- again whenever it changes, so each statement may run again on a schema that has it already.
-- The account module writes account; the views are plain selects of it, nobody writes through
-- them, and there are no triggers. It runs first of the repeatables: directory's and worklist's
-- definitions read these views.

-- Who an account is and whether it may act (never its password hash). Read by directory (who
-- administers what) and by invitation and worklist (names in an invitation's history and in the
-- Pending Invitations list). search_text is what a search of the account matches, account's
-- generated column of V10 (email and full name in lower case, a newline between them), so that
-- a module matching a search of people matches exactly what the Users list matches.
-- A new column goes at the end: create or replace view can only append columns.
-- personal_data_removed: the address is a placeholder and the name gone (LC3), so pages say
-- "removed" and no invitation is made for the account.
create or replace view account_profile as
select id, email, coalesce(full_name, email) as display_name, status, system_administrator, search_text,
       personal_data_removed_at is not null as personal_data_removed
from account;
comment on view account_profile is
    'Owned by the account module: what other modules may read about an account; read-only for every other module.';
