-- Owner: people. account.listed (V3, V8) is recomputed only when it can change, and written only
-- when it does. Before, every update of an invitation fired people_listed (Hibernate sets every
-- column, status included), and every recompute rewrote the account row and all its indexes, a
-- trigram one among them, even when listed stayed the same: a reminder paid for both.

create or replace function refresh_account_listed(target bigint) returns void
    language plpgsql as $$
begin
    update account a
    set listed = n.listed
    from (select exists (select 1 from role_grant g where g.account_id = target)
                 or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                            where i.account_id = target and i.status = 'PENDING') as listed) n
    where a.id = target and a.listed is distinct from n.listed;
end
$$;

drop trigger people_listed on invitation;
create trigger people_listed after insert on invitation
    for each row execute function people_invitation_changed();
create trigger people_listed_status after update of status on invitation
    for each row when (old.status is distinct from new.status) execute function people_invitation_changed();
comment on trigger people_listed on invitation is 'Owned by the people module: keeps account.listed.';
comment on trigger people_listed_status on invitation is 'Owned by the people module: keeps account.listed.';
