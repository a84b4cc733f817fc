-- Owner: invitation. The Pending Invitations worklist's stored keys (decision 0012): what its
-- list sorts, filters, searches and counts on, one row per pending invitation, so that a page, a
-- filter and the home page's counts read an index instead of grouping every pending invitation's
-- roles and looking up each one's newest link, email and inviter per request. Derived data, like
-- account.listed (decision 0006): written only by the triggers below, which sit on the invitation
-- module's own tables, on account (an invitee's email or name; an inviter's status), on role_grant
-- and area (what an inviter administers) and on outbound_email (emails whose topic names an
-- invitation), and only read those; no code writes it.

-- What the keys are, for every pending invitation that has its roles and a link.
create view pending_invitation_keys as
select k.*
from (select i.id as invitation_id,
             -- when its first role still offered was offered
             (select min(r.invited_at) from invited_role r where r.invitation_id = i.id) as first_invited_at,
             -- when its newest link expires (the only one that works)
             (select l.expires_at from invitation_link l where l.invitation_id = i.id
              order by l.created_at desc, l.id desc limit 1) as link_expires_at,
             -- the state of its newest email about an action (invitation or reminder)
             (select o.status from outbound_email o
              where o.topic = 'invitation:' || i.id and o.reference like 'invitation-event:%'
              order by o.created_at desc, o.id desc limit 1) as delivery,
             -- what a search matches: the invitee's email and name, as account.search_text (V10)
             (select lower(a.email) || E'\n' || lower(a.display_name) from account_profile a
              where a.id = i.account_id) as search_text,
             -- "Inviter no longer an administrator" (P2): the areas of its roles whose inviter is
             -- disabled or no longer administers them (V11's administers)
             array(select distinct r.area_id from invited_role r
                   where r.invitation_id = i.id and not administers(r.invited_by, r.area_id)
                   order by r.area_id) as inviter_gone_areas
      from invitation i
      where i.status = 'PENDING') k
where k.first_invited_at is not null and k.link_expires_at is not null;

create table pending_invitation (
    invitation_id bigint primary key references invitation (id) on delete cascade,
    first_invited_at timestamptz not null,
    link_expires_at timestamptz not null,
    delivery varchar(10) check (delivery in ('QUEUED', 'SENT', 'FAILED')),
    search_text text not null,
    inviter_gone_areas bigint[] not null
);
comment on table pending_invitation is
    'Derived for the invitation module''s Pending Invitations list: written only by the triggers pending_invitation_keys, by no code.';

-- Newest or oldest first, soonest expiry first, and the "Email failed" filter, each in list order;
-- a search, which may match a few of many (a name no invitee has).
create index pending_invitation_invited on pending_invitation (first_invited_at, invitation_id);
create index pending_invitation_expiry on pending_invitation (link_expires_at, invitation_id);
create index pending_invitation_failed on pending_invitation (first_invited_at, invitation_id) where delivery = 'FAILED';
create index pending_invitation_search on pending_invitation using gin (search_text gin_trgm_ops);
create index pending_invitation_inviter_gone on pending_invitation (first_invited_at, invitation_id)
    where inviter_gone_areas <> '{}';
-- The roles an administrator invited, when what they administer changes.
create index invited_role_inviter on invited_role (invited_by);

insert into pending_invitation select * from pending_invitation_keys;

-- Recomputes one invitation's row. The invitation is locked first, so that two transactions
-- changing what its keys depend on (a reminder adding a link and an email, the outbox marking an
-- older email sent) refresh one after the other, each reading what the other committed: the
-- last to commit writes the latest keys, never a stale one. Whether an inviter is gone depends only
-- on the roles and on what their inviters administer: when neither changed (a new link, an email,
-- the invitee's name), the stored answer is kept rather than asked again of administers().
create function refresh_pending_invitation(target bigint, roles_or_inviters_changed boolean) returns void
    language plpgsql as $$
begin
    perform 1 from invitation where id = target for no key update;
    insert into pending_invitation
    select v.invitation_id, v.first_invited_at, v.link_expires_at, v.delivery, v.search_text,
           case when roles_or_inviters_changed then v.inviter_gone_areas
                else coalesce((select p.inviter_gone_areas from pending_invitation p where p.invitation_id = target),
                              v.inviter_gone_areas)
           end
    from pending_invitation_keys v where v.invitation_id = target
    on conflict (invitation_id) do update
        set first_invited_at = excluded.first_invited_at, link_expires_at = excluded.link_expires_at,
            delivery = excluded.delivery, search_text = excluded.search_text,
            inviter_gone_areas = excluded.inviter_gone_areas;
    if not found then
        delete from pending_invitation where invitation_id = target;
    end if;
end
$$;

create function pending_invitation_changed() returns trigger
    language plpgsql as $$
begin
    if tg_table_name = 'invitation' then
        perform refresh_pending_invitation(new.id, true);
    elsif tg_table_name = 'account' then
        perform refresh_pending_invitation(i.id, false)
        from invitation i where i.account_id = new.id and i.status = 'PENDING';
    elsif tg_table_name = 'outbound_email' then
        perform refresh_pending_invitation(cast(substr(new.topic, 12) as bigint), false);
    else
        if tg_op <> 'INSERT' then
            perform refresh_pending_invitation(old.invitation_id, tg_table_name = 'invited_role');
        end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.invitation_id <> old.invitation_id) then
            perform refresh_pending_invitation(new.invitation_id, tg_table_name = 'invited_role');
        end if;
    end if;
    return null;
end
$$;

create trigger pending_invitation_keys after update of status on invitation
    for each row when (old.status is distinct from new.status) execute function pending_invitation_changed();
create trigger pending_invitation_keys after update of email, full_name on account
    for each row execute function pending_invitation_changed();
create trigger pending_invitation_keys after insert or delete or update of invitation_id, invited_at on invited_role
    for each row execute function pending_invitation_changed();
create trigger pending_invitation_keys after insert or delete or update of invitation_id, created_at, expires_at
    on invitation_link
    for each row execute function pending_invitation_changed();
create trigger pending_invitation_keys after insert or update of status on outbound_email
    for each row when (new.topic ~ '^invitation:[0-9]+$' and new.reference like 'invitation-event:%')
    execute function pending_invitation_changed();

-- What an inviter administers changes: a role granted or taken away, the account disabled or made
-- a System Administrator, an area moved. The pending invitations with a role they invited (or in
-- the moved area or below it) are recomputed, in id order, the order bulk actions lock in.
create function pending_invitation_inviter_changed() returns trigger
    language plpgsql as $$
declare
    inviter bigint;
begin
    if tg_table_name = 'area' then
        perform refresh_pending_invitation(x.invitation_id, true)
        from (select distinct r.invitation_id from invited_role r
              join pending_invitation k on k.invitation_id = r.invitation_id
              where r.area_id in (with recursive below(id) as (select new.id
                                                                union all
                                                                select a.id from area a join below b on a.parent_id = b.id)
                                  select id from below)
              order by r.invitation_id) x;
        return null;
    end if;
    if tg_table_name = 'account' then
        inviter := new.id;
    elsif tg_op = 'DELETE' then
        inviter := old.account_id;
    else
        inviter := new.account_id;
    end if;
    perform refresh_pending_invitation(x.invitation_id, true)
    from (select distinct r.invitation_id from invited_role r
          join pending_invitation k on k.invitation_id = r.invitation_id
          where r.invited_by = inviter
          order by r.invitation_id) x;
    return null;
end
$$;

create trigger pending_invitation_inviters after insert or delete on role_grant
    for each row execute function pending_invitation_inviter_changed();
create trigger pending_invitation_inviters after update of status, system_administrator on account
    for each row when (old.status is distinct from new.status
                       or old.system_administrator is distinct from new.system_administrator)
    execute function pending_invitation_inviter_changed();
create trigger pending_invitation_inviters after update of parent_id on area
    for each row when (old.parent_id is distinct from new.parent_id) execute function pending_invitation_inviter_changed();
