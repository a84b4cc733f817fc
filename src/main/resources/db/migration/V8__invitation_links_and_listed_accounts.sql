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

-- Owner: people. The read model of the System Administrator's Users list (U1): the accounts
-- that hold a role or are offered one by a pending invitation, with what that list sorts and
-- filters by, so that a page and its count read this table's index in list order instead of
-- testing every account (UsersListBenchmark, 100,000 accounts). It replaces the column
-- account.listed of V3, which triggers on other modules' tables wrote into account's table.
-- Only the people module's triggers below write it; they read the tables of directory
-- (role_grant), invitation (invitation, invited_role) and account, as people's queries do.
create table listed_account (
    account_id bigint primary key references account (id),
    sort_key text not null,
    status varchar(10) not null
);
create index listed_account_order on listed_account (sort_key, account_id) include (status);
comment on table listed_account is
    'Read model of the people module, written only by its triggers (people_*); nobody else writes it.';

create function people_refresh_listed(target bigint) returns void
    language plpgsql as $$
begin
    if exists (select 1 from role_grant g where g.account_id = target)
            or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                       where i.account_id = target and i.status = 'PENDING') then
        insert into listed_account (account_id, sort_key, status)
        select id, lower(coalesce(full_name, email)), status from account where id = target
        on conflict (account_id) do nothing;
    else
        delete from listed_account where account_id = target;
    end if;
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

-- A listed account's name, email or status changed (an invitee set up their account).
create function people_account_changed() returns trigger
    language plpgsql as $$
begin
    update listed_account
    set sort_key = lower(coalesce(new.full_name, new.email)), status = new.status
    where account_id = new.id;
    return null;
end
$$;

drop trigger role_grant_listed on role_grant;
drop trigger invited_role_listed on invited_role;
drop trigger invitation_listed on invitation;
drop function role_grant_changed();
drop function invited_role_changed();
drop function invitation_changed();
drop function refresh_account_listed(bigint);

create trigger people_listed after insert or delete on role_grant
    for each row execute function people_role_grant_changed();
create trigger people_listed after insert or delete on invited_role
    for each row execute function people_invited_role_changed();
create trigger people_listed after insert or update of status on invitation
    for each row execute function people_invitation_changed();
create trigger people_listed after update of email, full_name, status on account
    for each row execute function people_account_changed();

insert into listed_account (account_id, sort_key, status)
select id, lower(coalesce(full_name, email)), status from account where listed;

drop index account_listed_order;
alter table account drop column listed;
