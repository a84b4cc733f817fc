-- Owner: invitation. No invitation exists without a link (the aggregate issues the first one
-- when it invites): checked at commit, since an invitation and its first link are inserted one
-- after the other in one transaction. Refused with check_violation (23514).
do $$
begin
    if exists (select 1 from invitation i
               where not exists (select 1 from invitation_link l where l.invitation_id = i.id)) then
        raise exception 'Invitations without a link exist; give each one a link before this migration';
    end if;
end
$$;

create function invitation_without_link() returns trigger
    language plpgsql as $$
declare
    target bigint;
begin
    if tg_table_name = 'invitation' then
        target := new.id;
    else
        target := old.invitation_id;
    end if;
    if exists (select 1 from invitation i where i.id = target)
            and not exists (select 1 from invitation_link l where l.invitation_id = target) then
        raise exception 'Invitation % has no link', target using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger invitation_has_a_link after insert on invitation
    deferrable initially deferred
    for each row execute function invitation_without_link();

create constraint trigger invitation_keeps_a_link after delete or update of invitation_id on invitation_link
    deferrable initially deferred
    for each row execute function invitation_without_link();

-- Owner: people. account.listed is derived data of the people module's read model, the System
-- Administrator's Users list (U1): "holds a role or is offered one by a pending invitation". It
-- lives in account's table because a partial index over listed accounts, in list order, is what
-- lets a page skip 100,000 tests (UsersListBenchmark), and an index cannot span two tables. The
-- account module never writes or reads it; only the people module's triggers write it: V3's,
-- which named no owner, renamed and marked as people's below. They sit on the tables of
-- directory (role_grant) and invitation (invitation, invited_role) and only read them, as
-- people's queries do.
comment on column account.listed is
    'Derived for the people module''s Users list; written only by its triggers people_listed, by no module''s code.';

alter trigger role_grant_listed on role_grant rename to people_listed;
alter trigger invited_role_listed on invited_role rename to people_listed;
alter trigger invitation_listed on invitation rename to people_listed;
alter function role_grant_changed() rename to people_role_grant_changed;
alter function invited_role_changed() rename to people_invited_role_changed;
alter function invitation_changed() rename to people_invitation_changed;
comment on function refresh_account_listed(bigint) is
    'Owned by the people module: recomputes account.listed for one account; called by its triggers people_listed.';
comment on trigger people_listed on role_grant is 'Owned by the people module: keeps account.listed.';
comment on trigger people_listed on invited_role is 'Owned by the people module: keeps account.listed.';
comment on trigger people_listed on invitation is 'Owned by the people module: keeps account.listed.';
