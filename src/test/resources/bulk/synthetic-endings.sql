-- Work for the jobs of invitations and access that end (LC1-LC3), on top of the synthetic
-- organisation (synthetic-organisation.sql, which must run first), for EndingsBenchmark and
-- bench/http-benchmark. Run it on the planted database, e.g. psql -h 127.0.0.1 -U postgres -d postgres \
--   -c 'set search_path to video_call_admin' -f src/test/resources/bulk/synthetic-endings.sql
-- Deterministic: the same rows every time, relative to the moment it runs. Days are those of
-- app.time-zone: the setting synthetic.time_zone when set (the benchmark passes the application's),
-- else the default Australia/Sydney.
--
-- What it makes:
-- - a tenth of the organisation's role_grant rows time-limited (10,697 of 106,976; people's
--   roles, not administrators': an administrator's role ending would re-scope 20,000 pending
--   invitations), their last day spread over today and the next 89 days, except 2,000 whose last
--   day was yesterday (AccessEnds ends them); those ending in the next 7 days are due for a
--   warning (AccessWarnings);
-- - a tenth of the invited roles of pending invitations time-limited (3,000 of 30,000), the same
--   way, 500 of them with yesterday as last day (an invitation left with no role is cancelled);
-- - 5,000 other pending invitations that closed an hour ago, all due at once (InvitationExpiry);
-- - 5,000 invitations that ended 400 days ago (to 8 hours more; 2,000 accepted, 1,000 each
--   cancelled, declined and expired) with their emails, due for their personal data to go
--   (PersonalDataRetention): the accepted ones are people of the organisation; half of the others
--   are people invited again (pending now, they keep their address), half are 1,500 accounts never
--   set up, with nothing else (their address and name go too). The organisation then has 101,500
--   accounts.
--
-- The triggers stay on (unlike synthetic-organisation.sql): they keep the derived data
-- (account.listed, the Pending Invitations list's stored keys) right as the rows change. Changing
-- an end date fires none of them.
begin;

create temporary table endings_day on commit drop as
select (now() at time zone coalesce(nullif(current_setting('synthetic.time_zone', true), ''), 'Australia/Sydney'))::date
           as today;

-- Only the synthetic organisation's rows change (bulk.invalid), not those of a demo organisation
-- planted beside it.
create temporary table endings_grant_of_bulk on commit drop as
select g.id, g.role, row_number() over (order by g.id) as n
from role_grant g join account a on a.id = g.account_id
where a.email like '%@bulk.invalid';
create temporary table endings_pending_of_bulk on commit drop as
select i.id, row_number() over (order by i.id) as n
from invitation i join account a on a.id = i.account_id
where i.status = 'PENDING' and a.email like '%@bulk.invalid';

-- Granted roles: exactly a tenth, people's roles only, every tenth by id first.
create temporary table endings_grant on commit drop as
select row_number() over (order by c.id) as j, c.id
from (select g.id from endings_grant_of_bulk g
      where g.role in ('SERVICE_PROVIDER', 'RECEPTIONIST', 'MEETING_ROOM_MEMBER')
      order by g.n % 10 <> 0, g.n
      limit (select count(*) / 10 from endings_grant_of_bulk)) c;
update role_grant g
set access_until = case when e.j % 5 = 1 and e.j <= 9996 then d.today - 1 else d.today + (e.j % 90)::int end,
    access_warned_at = null
from endings_grant e, endings_day d
where g.id = e.id;

-- The pending invitations that closed an hour ago: every fourth, 5,000 of 20,000, a second apart.
create temporary table endings_closing on commit drop as
select n, id from endings_pending_of_bulk where n % 4 = 1;
update invitation i
set closes_at = now() - interval '1 hour' - (c.n % 3600) * interval '1 second'
from endings_closing c
where i.id = c.id;

-- Invited roles: a tenth of the invited roles of pending invitations (3,000 of 30,000), from the
-- other invitations, so that each job's work is its own.
create temporary table endings_invited on commit drop as
select row_number() over (order by c.id) as j, c.id
from (select r.id
      from (select r.id, row_number() over (order by r.id) as k
            from invited_role r join endings_pending_of_bulk i on i.id = r.invitation_id
            where i.id not in (select id from endings_closing)) r
      where r.k % 8 = 0
      order by r.k
      limit (select count(*) / 10 from invited_role r join endings_pending_of_bulk i on i.id = r.invitation_id)) c;
update invited_role r
set access_until = case when e.j % 6 = 1 then d.today - 1 else d.today + (e.j % 90)::int end
from endings_invited e, endings_day d
where r.id = e.id;

-- 5,000 invitations that ended 400 days ago, in groups of 100 that ended together (an expiry
-- round's batch, whose notice lists them all).
create temporary table endings_ended on commit drop as
select n,
       case when n <= 2000 then 'ACCEPTED' when n <= 3000 then 'CANCELLED' when n <= 4000 then 'DECLINED'
            else 'EXPIRED' end as status,
       date_trunc('second', now()) - interval '400 days' - ((n - 1) / 100) * interval '10 minutes' as ended_at,
       case when n <= 2000 then 'person' || (1000 + n) || '@bulk.invalid'
            when n % 2 = 1 then 'invitee' || (n - 2000) || '@bulk.invalid'
            else 'former' || (n - 2000) || '@bulk.invalid' end as email
from generate_series(1, 5000) n;

insert into account (email, status, created_at)
select e.email, 'INVITED', e.ended_at - interval '10 days'
from endings_ended e where e.email like 'former%';

insert into invitation (account_id, status, invited_at, invited_by, last_sent_at, ended_at, closes_at)
select a.id, e.status, e.ended_at - interval '10 days', (select id from account where email = 'person1@bulk.invalid'),
       e.ended_at - interval '10 days', e.ended_at, e.ended_at + interval '80 days'
from endings_ended e join account a on lower(a.email) = e.email;

create temporary table endings_ended_invitation on commit drop as
select i.id, i.account_id, i.invited_by, i.invited_at, e.n, e.status, e.ended_at, e.email
from endings_ended e
join account a on lower(a.email) = e.email
join invitation i on i.account_id = a.id and i.ended_at = e.ended_at;

-- Their one role each: for the accepted ones, the role the person holds.
insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
select i.id, g.role, g.area_id, g.area_kind, i.invited_by, i.invited_at
from endings_ended_invitation i
join lateral (select role, area_id, area_kind from role_grant where account_id = i.account_id order by id limit 1) g
    on i.status = 'ACCEPTED'
union all
select i.id, 'SERVICE_PROVIDER', w.id, 'WAITING_AREA', i.invited_by, i.invited_at
from endings_ended_invitation i
join (select id, row_number() over (order by id) as n from area where kind = 'WAITING_AREA') w on w.n = 1 + (i.n * 11) % 2000
where i.status <> 'ACCEPTED';

insert into invitation_link (invitation_id, token_sha256, created_at, expires_at, used_at)
select i.id, sha256(convert_to('bulk-ended-token-' || i.id, 'UTF8')), i.invited_at, i.invited_at + interval '14 days',
       case when i.status = 'ACCEPTED' then i.ended_at end
from endings_ended_invitation i;

-- Their emails, sent long ago: the invitation with its custom message to the invitee; for the
-- accepted and declined ones the notice to the administrator who invited; for the expired ones one
-- notice per group of 100, queued as they expired, naming them all.
insert into outbound_email (recipient, subject, text_body, html_body, status, attempts, next_attempt_at, created_at,
                            sent_at, message_id, topic)
select i.email, 'You are invited to Video Call',
       'Hello ' || i.email || E',\n\nYou have been invited to Video Call.\n\nMessage from your administrator: '
           || 'welcome to the clinic, see you on Monday.',
       '<p>Hello ' || i.email || ',</p><p>You have been invited to Video Call.</p>'
           || '<p>Message from your administrator: welcome to the clinic, see you on Monday.</p>',
       'SENT', 1, i.invited_at, i.invited_at, i.invited_at, '<bulk-ended-' || i.id || '@outbox.videocall.invalid>',
       'invitation:' || i.id
from endings_ended_invitation i
union all
select 'person1@bulk.invalid',
       case i.status when 'ACCEPTED' then i.email || ' has set up their account' else i.email || ' declined your invitation' end,
       i.email || case i.status when 'ACCEPTED' then ' has set up their account.' else ' declined your invitation.' end,
       '<p>' || i.email || case i.status when 'ACCEPTED' then ' has set up their account.' else ' declined your invitation.' end
           || '</p>',
       'SENT', 1, i.ended_at, i.ended_at, i.ended_at, '<bulk-ended-notice-' || i.id || '@outbox.videocall.invalid>',
       'invitation:' || i.id
from endings_ended_invitation i
where i.status in ('ACCEPTED', 'DECLINED')
union all
select 'person1@bulk.invalid', 'Invitations you sent have expired',
       E'These invitations expired:\n' || string_agg(i.email, E'\n' order by i.n),
       '<ul><li>' || string_agg(i.email, '</li><li>' order by i.n) || '</li></ul>',
       'SENT', 1, i.ended_at, i.ended_at, i.ended_at,
       '<bulk-ended-expired-' || min(i.n) || '@outbox.videocall.invalid>', 'invitations-expired'
from endings_ended_invitation i
where i.status = 'EXPIRED'
group by i.ended_at;

analyze role_grant, invited_role, invitation, invitation_link, account, outbound_email, pending_invitation;

commit;
-- Vacuumed as autovacuum would soon do, so that plans (and index-only scans) are those of a settled database.
vacuum analyze;
