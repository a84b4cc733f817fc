-- Owner: invitation. The Pending Invitations worklist's stored keys (decision 0012): what its
-- list sorts, filters, searches and counts on, one row per pending invitation, so that a page, a
-- filter and the home page's counts read an index instead of grouping every pending invitation's
-- roles and looking up each one's newest link and email per request. Derived data, like
-- account.listed (decision 0006): written only by the triggers below, which sit on the invitation
-- module's own tables, on account (an invitee's email or name) and on outbound_email (emails
-- whose topic names an invitation) and only read those; no code writes it.

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
              where a.id = i.account_id) as search_text
      from invitation i
      where i.status = 'PENDING') k
where k.first_invited_at is not null and k.link_expires_at is not null;

create table pending_invitation (
    invitation_id bigint primary key references invitation (id) on delete cascade,
    first_invited_at timestamptz not null,
    link_expires_at timestamptz not null,
    delivery varchar(10) check (delivery in ('QUEUED', 'SENT', 'FAILED')),
    search_text text not null
);
comment on table pending_invitation is
    'Derived for the invitation module''s Pending Invitations list: written only by the triggers pending_invitation_keys, by no code.';

-- Newest or oldest first, soonest expiry first, and the "Email failed" filter, each in list order;
-- a search, which may match a few of many (a name no invitee has).
create index pending_invitation_invited on pending_invitation (first_invited_at, invitation_id);
create index pending_invitation_expiry on pending_invitation (link_expires_at, invitation_id);
create index pending_invitation_failed on pending_invitation (first_invited_at, invitation_id) where delivery = 'FAILED';
create index pending_invitation_search on pending_invitation using gin (search_text gin_trgm_ops);

insert into pending_invitation select * from pending_invitation_keys;

-- Recomputes one invitation's row. The invitation is locked first, so that two transactions
-- changing what its keys depend on (a reminder adding a link and an email, the outbox marking an
-- older email sent) refresh one after the other, each reading what the other committed: the
-- last to commit writes the latest keys, never a stale one.
create function refresh_pending_invitation(target bigint) returns void
    language plpgsql as $$
begin
    perform 1 from invitation where id = target for no key update;
    insert into pending_invitation
    select * from pending_invitation_keys where invitation_id = target
    on conflict (invitation_id) do update
        set first_invited_at = excluded.first_invited_at, link_expires_at = excluded.link_expires_at,
            delivery = excluded.delivery, search_text = excluded.search_text;
    if not found then
        delete from pending_invitation where invitation_id = target;
    end if;
end
$$;

create function pending_invitation_changed() returns trigger
    language plpgsql as $$
begin
    if tg_table_name = 'invitation' then
        perform refresh_pending_invitation(new.id);
    elsif tg_table_name = 'account' then
        perform refresh_pending_invitation(i.id) from invitation i where i.account_id = new.id and i.status = 'PENDING';
    elsif tg_table_name = 'outbound_email' then
        perform refresh_pending_invitation(cast(substr(new.topic, 12) as bigint));
    else
        if tg_op <> 'INSERT' then
            perform refresh_pending_invitation(old.invitation_id);
        end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.invitation_id <> old.invitation_id) then
            perform refresh_pending_invitation(new.invitation_id);
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

-- "Inviter no longer an administrator" is found as a set by the list's statements (decision 0012):
-- V11's function, called once per role, is no longer used.
drop function administers(bigint, bigint);
