-- Owner: worklist. The Pending Invitations list's stored keys (decision 12): the table
-- pending_invitation (V14), one row per pending invitation, holding what the list sorts, filters,
-- searches and counts on, and the view pending_invitation_keys that defines them. Derived data,
-- like account.listed (decision 6).
--
-- Repeatable migration (docs/derived-data.md): this file holds the current definition; change it
-- here, never in a new versioned migration. Flyway runs it after every versioned migration and
-- again whenever it changes, so each statement may run again on a schema that has it already, and
-- it ends by recomputing the table from the view, so the stored keys agree with the definition it
-- now holds. It runs last of the repeatables: the view reads the definitions of account
-- (account_profile), directory (administers) and invitation (links, email topics).
-- Only the triggers below write pending_invitation (no module's code does). They sit on other
-- modules' tables, because the keys are computed from them, and only read them: invitation's
-- invitation, invited_role and invitation_link (what is offered, since when, until when);
-- account's account (an invitee's email or name; an inviter's status or System Administrator
-- flag); directory's role_grant and area (what an inviter administers); mail's outbound_email
-- (the state of the emails whose topic names an invitation).

-- What the keys are, for every pending invitation that has its roles and a link.
create or replace view pending_invitation_keys as
select k.*
from (select i.id as invitation_id,
             -- when its first role still offered was offered
             (select min(r.invited_at) from invited_role r where r.invitation_id = i.id) as first_invited_at,
             -- when its newest link expires (the only one that works)
             invitation_link_expires_at(i.id) as link_expires_at,
             -- the state of its newest email about an action (invitation or reminder): one whose
             -- reference names the history entry that queued it
             (select o.status from outbound_email o
              where o.topic = invitation_topic(i.id) and reference_invitation_event(o.reference) is not null
              order by o.created_at desc, o.id desc limit 1) as delivery,
             -- what a search matches: the invitee's, as in the Users list (account.search_text, V10)
             (select a.search_text from account_profile a where a.id = i.account_id) as search_text,
             -- "Inviter no longer an administrator" (P2): the areas of its roles whose inviter is
             -- disabled or no longer administers them (directory's administers)
             array(select distinct r.area_id from invited_role r
                   where r.invitation_id = i.id and not administers(r.invited_by, r.area_id)
                   order by r.area_id) as inviter_gone_areas,
             -- when it closes unless accepted (LC2, "Closing within 7 days")
             i.closes_at
      from invitation i
      where i.status = 'PENDING') k
where k.first_invited_at is not null and k.link_expires_at is not null;
comment on view pending_invitation_keys is
    'Owned by the worklist module: the definition of pending_invitation''s rows, which its triggers write.';

comment on table pending_invitation is
    'Derived for the worklist module''s Pending Invitations list: written only by its triggers pending_invitation_keys and pending_invitation_inviters, by no code.';

-- Recomputes one invitation's row. The invitation is locked first, so that two transactions
-- changing what its keys depend on (a reminder adding a link and an email, the outbox marking an
-- older email sent) refresh one after the other, each reading what the other committed: the
-- last to commit writes the latest keys, never a stale one. Whether an inviter is gone depends only
-- on the roles and on what their inviters administer: when neither changed (a new link, an email,
-- the invitee's name), the stored answer is kept rather than asked again of administers().
-- Every table is read here by the one invitation's keys, never scanned: the function's statements
-- keep the plan they were first given for the session's life, and a plan made while a table was
-- small (a new installation's empty outbox, before autovacuum analyses it) would otherwise scan
-- it on every change as it grows (an import of 5,000 rows: 6.6 ms a refresh instead of 0.3;
-- DerivedDataPlanTests).
create or replace function refresh_pending_invitation(target bigint, roles_or_inviters_changed boolean) returns void
    language plpgsql
    set enable_seqscan = off
    as $$
begin
    perform 1 from invitation where id = target for no key update;
    insert into pending_invitation
    select v.invitation_id, v.first_invited_at, v.link_expires_at, v.delivery, v.search_text,
           case when roles_or_inviters_changed then v.inviter_gone_areas
                else coalesce((select p.inviter_gone_areas from pending_invitation p where p.invitation_id = target),
                              v.inviter_gone_areas)
           end,
           v.closes_at
    from pending_invitation_keys v where v.invitation_id = target
    on conflict (invitation_id) do update
        set first_invited_at = excluded.first_invited_at, link_expires_at = excluded.link_expires_at,
            delivery = excluded.delivery, search_text = excluded.search_text,
            inviter_gone_areas = excluded.inviter_gone_areas, closes_at = excluded.closes_at;
    if not found then
        delete from pending_invitation where invitation_id = target;
    end if;
end
$$;
comment on function refresh_pending_invitation(bigint, boolean) is
    'Owned by the worklist module: recomputes one invitation''s pending_invitation row from pending_invitation_keys; called by its triggers.';

-- An invitation, one of its roles or links, its invitee's email or name, or one of its emails
-- changed: its row is recomputed.
create or replace function pending_invitation_changed() returns trigger
    language plpgsql as $$
begin
    if tg_table_name = 'invitation' then
        perform refresh_pending_invitation(new.id, true);
    elsif tg_table_name = 'account' then
        perform refresh_pending_invitation(i.id, false)
        from invitation i where i.account_id = new.id and i.status = 'PENDING';
    elsif tg_table_name = 'outbound_email' then
        perform refresh_pending_invitation(topic_invitation(new.topic), false);
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
comment on function pending_invitation_changed() is
    'Owned by the worklist module: recomputes the pending_invitation rows a change concerns; called by its triggers pending_invitation_keys.';

create or replace trigger pending_invitation_keys after update of status, closes_at on invitation
    for each row when (old.status is distinct from new.status or old.closes_at is distinct from new.closes_at)
    execute function pending_invitation_changed();
comment on trigger pending_invitation_keys on invitation is
    'Owned by the worklist module: keeps pending_invitation (an invitation ends, is pending again or closes later).';

create or replace trigger pending_invitation_keys after update of email, full_name on account
    for each row execute function pending_invitation_changed();
comment on trigger pending_invitation_keys on account is
    'Owned by the worklist module: keeps pending_invitation (an invitee''s search text).';

create or replace trigger pending_invitation_keys after insert or delete or update of invitation_id, invited_at on invited_role
    for each row execute function pending_invitation_changed();
comment on trigger pending_invitation_keys on invited_role is
    'Owned by the worklist module: keeps pending_invitation (the roles offered and since when).';

create or replace trigger pending_invitation_keys after insert or delete or update of invitation_id, created_at, expires_at
    on invitation_link
    for each row execute function pending_invitation_changed();
comment on trigger pending_invitation_keys on invitation_link is
    'Owned by the worklist module: keeps pending_invitation (when the newest link expires).';

create or replace trigger pending_invitation_keys after insert or update of status on outbound_email
    for each row when (topic_invitation(new.topic) is not null and reference_invitation_event(new.reference) is not null)
    execute function pending_invitation_changed();
comment on trigger pending_invitation_keys on outbound_email is
    'Owned by the worklist module: keeps pending_invitation (the state of an invitation''s newest email).';

-- What an inviter administers changes: a role granted or taken away, the account disabled or made
-- a System Administrator, an area moved. The pending invitations with a role they invited (or in
-- the moved area or below it) are recomputed, in id order, the order bulk actions lock in.
create or replace function pending_invitation_inviter_changed() returns trigger
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
comment on function pending_invitation_inviter_changed() is
    'Owned by the worklist module: recomputes the pending invitations whose inviters'' rights may have changed; called by its triggers pending_invitation_inviters.';

create or replace trigger pending_invitation_inviters after insert or delete on role_grant
    for each row execute function pending_invitation_inviter_changed();
comment on trigger pending_invitation_inviters on role_grant is
    'Owned by the worklist module: keeps pending_invitation (an inviter gains or loses a role).';

create or replace trigger pending_invitation_inviters after update of status, system_administrator on account
    for each row when (old.status is distinct from new.status
                       or old.system_administrator is distinct from new.system_administrator)
    execute function pending_invitation_inviter_changed();
comment on trigger pending_invitation_inviters on account is
    'Owned by the worklist module: keeps pending_invitation (an inviter disabled, or made or no longer a System Administrator).';

create or replace trigger pending_invitation_inviters after update of parent_id on area
    for each row when (old.parent_id is distinct from new.parent_id) execute function pending_invitation_inviter_changed();
comment on trigger pending_invitation_inviters on area is
    'Owned by the worklist module: keeps pending_invitation (an area moves, and with it who administers it).';

-- The data follows the definition. The pending invitations are locked first, in id order (the
-- order bulk actions lock in), as each recompute locks its invitation: a change committed by a
-- running instance meanwhile is then read, not overwritten by keys computed before it. Rows are
-- written only where a key differs (none, when nothing changed), and rows of invitations without
-- keys any more are deleted.
do $$
begin
    perform 1 from invitation where status = 'PENDING' order by id for no key update;
end
$$;

insert into pending_invitation as p
select * from pending_invitation_keys
on conflict (invitation_id) do update
    set first_invited_at = excluded.first_invited_at, link_expires_at = excluded.link_expires_at,
        delivery = excluded.delivery, search_text = excluded.search_text,
        inviter_gone_areas = excluded.inviter_gone_areas, closes_at = excluded.closes_at
    where (p.first_invited_at, p.link_expires_at, p.delivery, p.search_text, p.inviter_gone_areas, p.closes_at)
          is distinct from (excluded.first_invited_at, excluded.link_expires_at, excluded.delivery,
                            excluded.search_text, excluded.inviter_gone_areas, excluded.closes_at);

delete from pending_invitation p
where not exists (select 1 from pending_invitation_keys k where k.invitation_id = p.invitation_id);
