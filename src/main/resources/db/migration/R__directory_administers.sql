-- Owner: directory. The views and functions the directory module publishes: its areas, and "who
-- administers what", defined once here and used by every query that asks it, in SQL
-- (administers() of the worklist's keys) and in Java (AdministratorScopes, RoleGrants.anyHeldBy).
--
-- Repeatable migration (docs/derived-data.md): this file holds the current definition; change it
-- here, never in a new versioned migration. Flyway runs it after every versioned migration and
-- again whenever it changes, so each statement may run again on a schema that has it already.
-- The directory module writes area, role_kind and role_grant; nothing here writes anything and
-- there are no triggers. An account's standing is read through the account module's view
-- account_profile (R__account_views.sql, which runs before this file).

-- The areas as other modules may read them (names in an invitation's history and lists).
create or replace view directory_area as
select id, kind, name, parent_id
from area;
comment on view directory_area is
    'Owned by the directory module: the areas as other modules may read them; read-only for every other module.';

-- The rule: an account administers an area it holds an administrator role in (role_kind, equal
-- to the Java enum directory.Role) while the account is active. A disabled account, or one not
-- yet set up, administers nothing. Everything below builds on this view and on
-- administers_everything; none spells the rule again.
create or replace view administrator_grant as
select g.account_id, g.area_id
from role_grant g
join role_kind k on k.role = g.role and k.administrator
join account_profile a on a.id = g.account_id and a.status = 'ACTIVE';
comment on view administrator_grant is
    'Owned by the directory module: the administrator roles of active accounts, (account, area); the one definition of who administers what.';

-- An active System Administrator administers every area. PL/pgSQL, as the two below: it keeps its
-- statement's plan for the connection, where a SQL function that PostgreSQL cannot inline is planned
-- again for every statement that calls it (AdministratorScopes runs once per request: 0.32-0.36 ms
-- warm with PL/pgSQL, 0.55-0.65 ms with SQL functions, 0.3-0.55 ms for the statement they replace;
-- psql, prepared, synthetic organisation).
create or replace function administers_everything(admin bigint) returns boolean
    language plpgsql stable as $$
begin
    return exists (select 1 from account_profile a
                   where a.id = admin and a.status = 'ACTIVE' and a.system_administrator);
end
$$;
comment on function administers_everything(bigint) is
    'Owned by the directory module: whether the account is an active System Administrator.';

-- The areas an account administers through its roles: each area of its administrator grants and
-- every area below it (down the area tree), each once. AdministratorScopes reads it (with
-- administers_everything) for a signed-in administrator's scope. Walking down suits a whole
-- scope; for one area, administers() walks up instead. By keys only (enable_seqscan off): the
-- plan PostgreSQL keeps for the walk cannot know how few areas a step finds, and hashed each step
-- against a scan of every area, 0.6 ms for one waiting area's administrator and 1.1 ms for a
-- clinic's on every request of theirs (synthetic organisation, 3,314 areas), where the index of
-- the areas' parents takes a few blocks a step (ScopePlanIntegrationTests).
create or replace function administered_areas(admin bigint) returns setof bigint
    language plpgsql stable
    set enable_seqscan = off
    as $$
begin
    return query
        with recursive administered(id) as (
            select g.area_id from administrator_grant g where g.account_id = admin
            union
            select child.id from area child join administered parent on child.parent_id = parent.id)
        select id from administered;
end
$$;
comment on function administered_areas(bigint) is
    'Owned by the directory module: the areas the account administers through its roles, with every area below them.';

-- Whether an account administers one area now: an active System Administrator, or an
-- administrator grant on the area itself or on a unit above it. The answer of
-- administered_areas, asked for one area: the walk goes up from the area (a few rows) instead of
-- down from every grant. "Inviter no longer an administrator" (P2) is its negation, per invited
-- role, in the worklist's pending_invitation_keys, so it is called once per role when keys are
-- recomputed. PL/pgSQL rather than SQL for that: PostgreSQL 15 plans a SQL function called from
-- inside another SQL function (administers_everything here) again on every call, which made
-- 30,000 calls four times as slow (synthetic organisation); PL/pgSQL keeps both plans.
create or replace function administers(admin bigint, target bigint) returns boolean
    language plpgsql stable as $$
begin
    if administers_everything(admin) then
        return true;
    end if;
    return exists (with recursive up(id, parent_id) as (
                       select x.id, x.parent_id from area x where x.id = target
                       union all
                       select p.id, p.parent_id from area p join up on p.id = up.parent_id)
                   select 1 from up join administrator_grant g on g.area_id = up.id
                   where g.account_id = admin);
end
$$;
comment on function administers(bigint, bigint) is
    'Owned by the directory module: whether the account administers the area (or a unit above it) now.';
