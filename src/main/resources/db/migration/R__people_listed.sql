-- Owner: people. account.listed, derived data of the people module's read model, the System
-- Administrator's Users list (U1; decision 6): "holds a role or is offered one by a pending
-- invitation". It lives in account's table because a partial index over listed accounts, in list
-- order, is what lets a page skip 100,000 tests (UsersListBenchmark), and an index cannot span two
-- tables. The account module never writes or reads it.
--
-- Repeatable migration (docs/derived-data.md): this file holds the current definition; change it
-- here, never in a new versioned migration. Flyway runs it after every versioned migration and
-- again whenever it changes, so each statement may run again on a schema that has it already, and
-- it ends by recomputing the column, so the data agrees with the definition it now holds.
-- Only the triggers below write account.listed (no module's code does). They sit on the tables of
-- directory (role_grant) and invitation (invitation, invited_role) and only read them, as the
-- people module's queries do; since V15 they recompute only when the value can change (an
-- invitation's status, not every update Hibernate makes to it), and write only a changed value.

comment on column account.listed is
    'Derived for the people module''s Users list; written only by its triggers people_listed and people_listed_status, by no module''s code.';

-- Recomputes account.listed for one account, writing the row only when the value changes: a
-- rewrite would touch every index of account, a trigram one among them. It reads the account's
-- rows by their keys, never a scan, even with a plan made while the tables were small (the
-- session keeps it: see refresh_pending_invitation in R__worklist_pending_invitation.sql; DerivedDataPlanTests).
create or replace function refresh_account_listed(target bigint) returns void
    language plpgsql
    set enable_seqscan = off
    as $$
begin
    update account a
    set listed = n.listed
    from (select exists (select 1 from role_grant g where g.account_id = target)
                 or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                            where i.account_id = target and i.status = 'PENDING') as listed) n
    where a.id = target and a.listed is distinct from n.listed;
end
$$;
comment on function refresh_account_listed(bigint) is
    'Owned by the people module: recomputes account.listed for one account; called by its triggers people_listed and people_listed_status.';

create or replace function people_role_grant_changed() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_listed(case when tg_op = 'DELETE' then old.account_id else new.account_id end);
    return null;
end
$$;
comment on function people_role_grant_changed() is
    'Owned by the people module: a role granted or taken away; called by its trigger people_listed on role_grant.';

create or replace function people_invited_role_changed() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_listed((select account_id from invitation
        where id = case when tg_op = 'DELETE' then old.invitation_id else new.invitation_id end));
    return null;
end
$$;
comment on function people_invited_role_changed() is
    'Owned by the people module: a role offered or withdrawn; called by its trigger people_listed on invited_role.';

create or replace function people_invitation_changed() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_listed(new.account_id);
    return null;
end
$$;
comment on function people_invitation_changed() is
    'Owned by the people module: an invitation made or its status changed; called by its triggers people_listed and people_listed_status on invitation.';

create or replace trigger people_listed after insert or delete on role_grant
    for each row execute function people_role_grant_changed();
comment on trigger people_listed on role_grant is 'Owned by the people module: keeps account.listed.';

create or replace trigger people_listed after insert or delete on invited_role
    for each row execute function people_invited_role_changed();
comment on trigger people_listed on invited_role is 'Owned by the people module: keeps account.listed.';

create or replace trigger people_listed after insert on invitation
    for each row execute function people_invitation_changed();
comment on trigger people_listed on invitation is 'Owned by the people module: keeps account.listed.';

create or replace trigger people_listed_status after update of status on invitation
    for each row when (old.status is distinct from new.status) execute function people_invitation_changed();
comment on trigger people_listed_status on invitation is 'Owned by the people module: keeps account.listed.';

-- The data follows the definition: each account is recomputed by refresh_account_listed, the one
-- spelling of the rule, which writes only the accounts whose stored value differs (none, when
-- nothing changed; 100,000 accounts take about two seconds).
do $$
begin
    perform refresh_account_listed(a.id) from account a order by a.id;
end
$$;
