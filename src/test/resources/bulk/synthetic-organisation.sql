-- A large synthetic organisation for benchmarks (docs/requirements.md §5): 300 units, 2,000 waiting areas,
-- 1,000 meeting rooms, 100,000 accounts of which 20,000 have a pending invitation. Run it on a
-- migrated database, e.g. psql -h 127.0.0.1 -U postgres -d postgres \
--   -c 'set search_path to video_call_admin' -f src/test/resources/bulk/synthetic-organisation.sql
-- Deterministic: the same rows every time. Accounts use the domain bulk.invalid; the password
-- of every active account is "demo-password".
begin;

-- Row triggers keep the people module's account.listed (V8); for a bulk load they are switched
-- off and it is computed once at the end (needs a superuser, as the local postgres is). That also
-- switches off, knowingly, the foreign keys and V8's check that no invitation is left without a
-- link: the rows below satisfy them all the same (each invitation gets its link), which
-- UsersListBenchmark checks after loading them.
set local session_replication_role = replica;

-- 10 top-level units with 29 units below each: 300 units.
insert into area (kind, name, parent_id)
select 'ORGANISATIONAL_UNIT', 'Bulk Health ' || n, null from generate_series(1, 10) n;
insert into area (kind, name, parent_id)
select 'ORGANISATIONAL_UNIT', 'Bulk Health ' || r || ' Clinic ' || c,
       (select id from area where name = 'Bulk Health ' || r)
from generate_series(1, 10) r, generate_series(1, 29) c;

create temporary table bulk_unit as
select row_number() over (order by id) as n, id from area where name like 'Bulk Health % Clinic %';

insert into area (kind, name, parent_id)
select 'WAITING_AREA', 'Bulk Waiting Area ' || n, (select id from bulk_unit where bulk_unit.n = 1 + (s.n % 290))
from generate_series(1, 2000) as s(n);
insert into area (kind, name, parent_id)
select 'MEETING_ROOM', 'Bulk Meeting Room ' || n, (select id from bulk_unit where bulk_unit.n = 1 + (s.n % 290))
from generate_series(1, 1000) as s(n);

create temporary table bulk_area as
select row_number() over (partition by kind order by id) as n, id, kind from area where name like 'Bulk %';

-- 80,000 active accounts, 20,000 invited ones.
insert into account (email, full_name, password_hash, status, created_at)
select 'person' || n || '@bulk.invalid',
       (array['Olivia','Jack','Amelia','Noah','Isla','Liam','Mia','Leo','Ava','Oscar'])[1 + n % 10] || ' '
           || (array['Nguyen','Smith','Patel','Brown','Wilson','Taylor','Lee','Martin','Kelly','Walker'])[1 + (n / 10) % 10]
           || ' ' || n,
       (select password_hash from account where email = 'admin@example.org'),
       'ACTIVE', now() - interval '200 days'
from generate_series(1, 80000) n;
insert into account (email, status, created_at)
select 'invitee' || n || '@bulk.invalid', 'INVITED', now() - (n % 30) * interval '1 day'
from generate_series(1, 20000) n;

-- Active people: one or two roles in waiting areas or meeting rooms; 290 unit administrators.
insert into role_grant (account_id, role, area_id, area_kind, granted_at)
select a.id, case when a.n % 5 = 0 then 'RECEPTIONIST' else 'SERVICE_PROVIDER' end, w.id, 'WAITING_AREA', now()
from (select id, row_number() over (order by id) as n from account where email like 'person%@bulk.invalid') a(id, n)
join bulk_area w on w.kind = 'WAITING_AREA' and w.n = 1 + a.n % 2000;
insert into role_grant (account_id, role, area_id, area_kind, granted_at)
select a.id, 'MEETING_ROOM_MEMBER', m.id, 'MEETING_ROOM', now()
from (select id, row_number() over (order by id) as n from account where email like 'person%@bulk.invalid') a(id, n)
join bulk_area m on m.kind = 'MEETING_ROOM' and m.n = 1 + a.n % 1000
where a.n % 3 = 0;
insert into role_grant (account_id, role, area_id, area_kind, granted_at)
select a.id, 'ORGANISATION_ADMINISTRATOR', u.id, 'ORGANISATIONAL_UNIT', now()
from (select id, row_number() over (order by id) as n from account where email like 'person%@bulk.invalid') a(id, n)
join bulk_unit u on u.n = a.n
where a.n <= 290;
-- Ten Service Administrators (people 291-300) of waiting areas 1-10 and ten Meeting Room
-- Administrators (people 301-310) of meeting rooms 1-10: every kind of administrator at this size.
insert into role_grant (account_id, role, area_id, area_kind, granted_at)
select (select id from account
        where lower(email) = 'person' || (case w.kind when 'WAITING_AREA' then 290 else 300 end + w.n) || '@bulk.invalid'),
       case w.kind when 'WAITING_AREA' then 'SERVICE_ADMINISTRATOR' else 'MEETING_ROOM_ADMINISTRATOR' end,
       w.id, w.kind, now()
from bulk_area w
where w.kind in ('WAITING_AREA', 'MEETING_ROOM') and w.n <= 10;

-- 20,000 pending invitations, each with one or two invited roles and a link.
insert into invitation (account_id, status, invited_at, invited_by, last_sent_at, closes_at)
select a.id, 'PENDING', a.created_at, (select id from account where email = 'person1@bulk.invalid'), a.created_at,
       a.created_at + interval '90 days'
from account a where a.email like 'invitee%@bulk.invalid';
insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
select i.id, 'SERVICE_PROVIDER', w.id, 'WAITING_AREA', i.invited_by, i.invited_at
from (select id, invited_by, invited_at, row_number() over (order by id) as n from invitation
      where account_id in (select id from account where email like 'invitee%@bulk.invalid')) i
join bulk_area w on w.kind = 'WAITING_AREA' and w.n = 1 + (i.n * 7) % 2000;
insert into invited_role (invitation_id, role, area_id, area_kind, invited_by, invited_at)
select i.id, 'MEETING_ROOM_MEMBER', m.id, 'MEETING_ROOM', i.invited_by, i.invited_at
from (select id, invited_by, invited_at, row_number() over (order by id) as n from invitation
      where account_id in (select id from account where email like 'invitee%@bulk.invalid')) i
join bulk_area m on m.kind = 'MEETING_ROOM' and m.n = 1 + (i.n * 3) % 1000
where i.n % 2 = 0;
insert into invitation_link (invitation_id, token_sha256, created_at, expires_at)
select i.id, sha256(convert_to('bulk-token-' || i.id, 'UTF8')), i.invited_at, i.invited_at + interval '14 days'
from invitation i join account a on a.id = i.account_id where a.email like 'invitee%@bulk.invalid';

update account a
set listed = exists (select 1 from role_grant g where g.account_id = a.id)
          or exists (select 1 from invitation i join invited_role r on r.invitation_id = i.id
                     where i.account_id = a.id and i.status = 'PENDING')
where a.email like '%@bulk.invalid';

-- The Pending Invitations list's stored keys, which its triggers would have written, from the
-- worklist's view (R__worklist_pending_invitation.sql). The tables are analysed first: the view asks
-- directory's administers() for every invited role, whose plan without statistics reads role_grant
-- whole each time (42 s here instead of 0.3 s).
analyze area, role_grant, account, invitation, invited_role, invitation_link, outbound_email;
insert into pending_invitation select * from pending_invitation_keys on conflict (invitation_id) do nothing;

commit;
-- Vacuumed as autovacuum would soon do, so that plans (and index-only scans) are those of a settled database.
vacuum analyze;
