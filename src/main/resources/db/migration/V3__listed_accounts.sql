-- "listed": the account holds a role or is offered one by a pending invitation, that is, it is
-- in a System Administrator's Users list (U1). Triggers recompute it on every change of role
-- grants, invited roles and invitation status, so that list and its count read one partial
-- index instead of testing every account (UsersListBenchmark, 100,000 accounts).
alter table account add column listed boolean not null default false;

create function refresh_account_listed(target bigint) returns void
    language plpgsql as $$
begin
    update account a
    set listed = exists (select 1 from role_grant g where g.account_id = a.id)
              or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                         where i.account_id = a.id and i.status = 'PENDING')
    where a.id = target;
end
$$;

create function role_grant_changed() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_listed(case when tg_op = 'DELETE' then old.account_id else new.account_id end);
    return null;
end
$$;

create trigger role_grant_listed after insert or delete on role_grant
    for each row execute function role_grant_changed();

create function invited_role_changed() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_listed((select account_id from invitation
        where id = case when tg_op = 'DELETE' then old.invitation_id else new.invitation_id end));
    return null;
end
$$;

create trigger invited_role_listed after insert or delete on invited_role
    for each row execute function invited_role_changed();

create function invitation_changed() returns trigger
    language plpgsql as $$
begin
    perform refresh_account_listed(new.account_id);
    return null;
end
$$;

create trigger invitation_listed after insert or update of status on invitation
    for each row execute function invitation_changed();

update account a
set listed = exists (select 1 from role_grant g where g.account_id = a.id)
          or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                     where i.account_id = a.id and i.status = 'PENDING');

create index account_listed_order on account (lower(coalesce(full_name, email)), id) where listed;
