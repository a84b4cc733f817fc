-- Owner: invitation. Invitations close by themselves (LC2): a pending invitation not accepted
-- within app.invitations.lifetime of the last invitation or reminder an administrator sent ends
-- as EXPIRED.

-- The statuses an invitation may have. Another migration may replace the same constraint with
-- the same list, under a name of its own, before or after this one: every check on the status
-- list is dropped (V1's is invitation_status_check, PostgreSQL's name for a column's check), so
-- that whichever runs last leaves one constraint with the whole list.
do $$
declare
    status_check name;
begin
    for status_check in
        select c.conname from pg_constraint c
        where c.conrelid = 'invitation'::regclass and c.contype = 'c'
          and pg_get_constraintdef(c.oid) like '%''CANCELLED''%'
    loop
        execute format('alter table invitation drop constraint %I', status_check);
    end loop;
end
$$;
alter table invitation
    drop constraint if exists invitation_status_allowed,
    add constraint invitation_status_allowed
        check (status in ('PENDING', 'ACCEPTED', 'CANCELLED', 'DECLINED', 'EXPIRED'));

-- When the invitation closes unless accepted: the lifetime after the last invitation or reminder
-- an administrator sent (Add Users, more roles offered, Send Reminder, Resend Invitation). Kept
-- by the aggregate, which moves it only for those: an automatic reminder and a new link the
-- invitee asks for leave it, although they move last_sent_at and last_reminded_at; which is why
-- neither of those columns can stand for it.
alter table invitation add column closes_at timestamptz;

-- Existing invitations: the newest administrator's sending in the activity trail, which holds
-- every invitation's history (V21 copied the history written before it): INVITED and
-- ROLES_ADDED are always an administrator's, REMINDER_SENT is an administrator's reminder (the
-- system's are AUTOMATIC_REMINDER_SENT, the invitee's new links LINK_REQUESTED). invited_at is
-- an administrator's sending too, and the floor should the trail have lost entries. The lifetime
-- is not known here: the default, 90 days of 24 hours (the application adds calendar days in
-- app.time-zone, which can differ by the hour a daylight-saving change moves).
update invitation i
set closes_at = greatest(i.invited_at,
                         (select max(e.occurred_at) from activity_entry e
                          where e.invitation_id = i.id and e.kind in ('INVITED', 'ROLES_ADDED', 'REMINDER_SENT')))
                + interval '90 days';
-- Rows written straight into the table, as benchmarks plant them, close 90 days after they are
-- written; the application always says when.
alter table invitation alter column closes_at set not null,
    alter column closes_at set default now() + interval '90 days';

-- The job reads only the pending invitations that are due, in close order.
create index invitation_closing on invitation (closes_at, id) where status = 'PENDING';

-- The Pending Invitations list's "Closing within 7 days" (P2) reads the close moment from the
-- stored keys (R__worklist_pending_invitation.sql fills it). Those few days hold a small part of
-- the pending invitations: their own index finds them, and the page sorts only them. When many
-- close at once, the list's two orders carry the close moment in their indexes, as they carry the
-- other keys a filter reads, so that a page reads the index in list order alone.
alter table pending_invitation add column closes_at timestamptz;
update pending_invitation p set closes_at = i.closes_at from invitation i where i.id = p.invitation_id;
alter table pending_invitation alter column closes_at set not null;
create index pending_invitation_closing on pending_invitation (closes_at, invitation_id)
    include (first_invited_at, link_expires_at, delivery);
drop index pending_invitation_invited;
create index pending_invitation_invited on pending_invitation (first_invited_at, invitation_id)
    include (link_expires_at, delivery, closes_at);
drop index pending_invitation_expiry;
create index pending_invitation_expiry on pending_invitation (link_expires_at, invitation_id)
    include (first_invited_at, delivery, closes_at);
