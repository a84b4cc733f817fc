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
-- account module never writes or reads it; only the people module's triggers below write it. They
-- replace V3's, which named no owner: they sit on the tables of directory (role_grant) and
-- invitation (invitation, invited_role) and read them, as people's queries do.
comment on column account.listed is
    'Derived for the people module''s Users list; written only by its triggers people_*, by no module''s code.';

drop trigger role_grant_listed on role_grant;
drop trigger invited_role_listed on invited_role;
drop trigger invitation_listed on invitation;
drop function role_grant_changed();
drop function invited_role_changed();
drop function invitation_changed();
drop function refresh_account_listed(bigint);

create function people_refresh_listed(target bigint) returns void
    language plpgsql as $$
begin
    update account a
    set listed = exists (select 1 from role_grant g where g.account_id = a.id)
              or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                         where i.account_id = a.id and i.status = 'PENDING')
    where a.id = target;
end
$$;

create function people_role_grant_changed() returns trigger
    language plpgsql as $$
begin
    perform people_refresh_listed(case when tg_op = 'DELETE' then old.account_id else new.account_id end);
    return null;
end
$$;

create function people_invited_role_changed() returns trigger
    language plpgsql as $$
begin
    perform people_refresh_listed((select account_id from invitation
        where id = case when tg_op = 'DELETE' then old.invitation_id else new.invitation_id end));
    return null;
end
$$;

create function people_invitation_changed() returns trigger
    language plpgsql as $$
begin
    perform people_refresh_listed(new.account_id);
    return null;
end
$$;

create trigger people_listed after insert or delete on role_grant
    for each row execute function people_role_grant_changed();
create trigger people_listed after insert or delete on invited_role
    for each row execute function people_invited_role_changed();
create trigger people_listed after insert or update of status on invitation
    for each row execute function people_invitation_changed();
