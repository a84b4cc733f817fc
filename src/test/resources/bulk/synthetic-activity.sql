-- The activity trail at the size of docs/requirements.md AC7: 1,000,000 entries over the last two
-- years for the synthetic organisation of synthetic-organisation.sql, which must be planted first.
-- Run it after that file, the same way:
--   psql -h 127.0.0.1 -U postgres -d <database> -c 'set search_path to video_call_admin' \
--     -f src/test/resources/bulk/synthetic-activity.sql
-- How many entries: the setting synthetic.activity_entries (default 1000000), for example
-- PGOPTIONS='-c synthetic.activity_entries=1000' (SyntheticActivityChainIntegrationTests plants 1,000).
-- Deterministic apart from the times, which end now. The mix: invitations' entries by the unit's
-- Organisation Administrator (one in twenty by the System Administrator, admin@example.org),
-- the invitee's own, automatic reminders, settings, resets and exports, and 1 % about signing in
-- (no area). Entries with roles name one or two roles in the invitee's waiting area; one in three
-- of those by the System Administrator, the invitee or the system also the invitee's meeting room.
--
-- The entries continue the chain (activity.ActivityChain): each hash is SHA-256 over the previous
-- hash and the entry's content, every field as "<length>:<text>;" or "-;" for none, in this order:
-- id, occurred_at in microseconds since 1970, kind, actor_id, person_id, invitation_id,
-- source_page, reference, detail, then for each area in id order its id and its roles joined by
-- ",". length() counts characters where Java counts UTF-16 units: the same for this ASCII text.
-- The hashes are a running aggregate over the entries in id order, so no entry is ever updated
-- (the trail is append-only).
begin;

-- The chain's lock (activity.ActivityRecorder: "activity" in ASCII): nothing else is chained
-- meanwhile, and the entries follow the newest one (or the newest checkpoint) whatever it is.
select pg_advisory_xact_lock(7017580640680375417);

create temporary table bulk_activity_start on commit drop as
select coalesce(nullif(current_setting('synthetic.activity_entries', true), ''), '1000000')::bigint as entries,
       greatest((select coalesce(max(id), 0) from activity_entry), (select last_value from activity_entry_id)) as last_id,
       coalesce((select hash from activity_entry order by id desc limit 1),
                (select last_hash from activity_checkpoint order by id desc limit 1),
                decode(repeat('00', 32), 'hex')) as last_hash,
       (select id from account where email = 'admin@example.org') as system_admin,
       now() as planted_at;

-- The invitees with the waiting area (and meeting room) of their invitation.
create temporary table bulk_activity_invitee on commit drop as
select row_number() over (order by i.id) - 1 as n, i.id as invitation_id, i.account_id,
       min(r.area_id) filter (where r.area_kind = 'WAITING_AREA') as waiting_area,
       min(r.area_id) filter (where r.area_kind = 'MEETING_ROOM') as meeting_room
from invitation i join account a on a.id = i.account_id join invited_role r on r.invitation_id = i.id
where a.email like 'invitee%@bulk.invalid'
group by i.id, i.account_id;

create temporary table bulk_activity_person on commit drop as
select row_number() over (order by id) - 1 as n, id from account where email like 'person%@bulk.invalid';

-- Each waiting area and meeting room with its unit and the unit's Organisation Administrator.
create temporary table bulk_activity_area on commit drop as
select a.id, a.name, u.id as unit_id, u.name as unit_name, g.account_id as admin_id
from area a join area u on u.id = a.parent_id
join role_grant g on g.area_id = u.id and g.role = 'ORGANISATION_ADMINISTRATOR'
where a.name like 'Bulk Waiting Area %' or a.name like 'Bulk Meeting Room %';

create temporary table bulk_activity_entry on commit drop as
with numbered as (
    select g.n, s.last_id + g.n as id,
           s.planted_at - make_interval(secs => (s.entries - g.n) * 63072000.0 / s.entries) as occurred_at,
           g.n % 20 = 0 as by_system_admin, s.system_admin,
           v.invitation_id, v.account_id as invitee, p.id as person, w.id as waiting_area, w.name as waiting_area_name,
           w.unit_id, w.unit_name, w.admin_id, v.meeting_room,
           case when h.kind < 20 then 'INVITED' when h.kind < 25 then 'ROLES_ADDED'
                when h.kind < 33 then 'ROLES_GRANTED' when h.kind < 53 then 'REMINDER_SENT'
                when h.kind < 68 then 'AUTOMATIC_REMINDER_SENT' when h.kind < 73 then 'ROLES_REMOVED'
                when h.kind < 77 then 'CANCELLED' when h.kind < 78 then 'UNDONE'
                when h.kind < 90 then 'ACCEPTED' when h.kind < 94 then 'LINK_REQUESTED'
                when h.kind < 95 then 'REMINDER_SETTINGS_CHANGED' when h.kind < 96 then 'SECOND_FACTOR_RESET'
                when h.kind < 99 then 'EXPORTED' when g.n % 10 < 7 then 'SIGNED_IN' when g.n % 10 < 9 then 'SIGN_IN_REFUSED'
                when g.n % 20 = 9 then 'SECOND_FACTOR_ADDED' else 'SECOND_FACTOR_REMOVED' end as kind
    from bulk_activity_start s
    cross join generate_series(1, s.entries) g(n)
    -- Kind, invitee and person drawn independently (a stable hash of the entry's number each).
    cross join lateral (select mod(hashint8(g.n) & 2147483647, 100) as kind,
                               mod(hashint8(g.n + 1000000000) & 2147483647, (select count(*) from bulk_activity_invitee)) as invitee,
                               mod(hashint8(g.n + 2000000000) & 2147483647, (select count(*) from bulk_activity_person)) as person) h
    join bulk_activity_invitee v on v.n = h.invitee
    join bulk_activity_person p on p.n = h.person
    join bulk_activity_area w on w.id = v.waiting_area
), classified as (
    select n.*,
           kind in ('INVITED', 'ROLES_ADDED', 'ROLES_GRANTED', 'REMINDER_SENT', 'ROLES_REMOVED', 'CANCELLED', 'UNDONE',
                    'REMINDER_SETTINGS_CHANGED', 'SECOND_FACTOR_RESET', 'EXPORTED') as by_administrator,
           kind in ('INVITED', 'ROLES_ADDED', 'ROLES_GRANTED', 'ROLES_REMOVED', 'CANCELLED', 'UNDONE', 'ACCEPTED') as with_roles,
           kind in ('INVITED', 'ROLES_ADDED', 'REMINDER_SENT', 'AUTOMATIC_REMINDER_SENT', 'ROLES_REMOVED', 'CANCELLED',
                    'UNDONE', 'ACCEPTED', 'LINK_REQUESTED') as about_invitation,
           kind in ('SIGNED_IN', 'SIGN_IN_REFUSED', 'SECOND_FACTOR_ADDED', 'SECOND_FACTOR_REMOVED') as about_signing_in
    from numbered n
)
select id, occurred_at, kind,
       case when by_administrator then (case when by_system_admin then system_admin else admin_id end)
            when kind in ('ACCEPTED', 'LINK_REQUESTED') then invitee
            when about_signing_in then person end as actor_id,
       case when about_invitation then invitee
            when kind in ('ROLES_GRANTED', 'SECOND_FACTOR_RESET') or about_signing_in then person end as person_id,
       case when about_invitation then invitation_id end as invitation_id,
       case when kind in ('INVITED', 'ROLES_ADDED', 'ROLES_GRANTED') then 'Add Users: ' || waiting_area_name
            when kind in ('REMINDER_SENT', 'ROLES_REMOVED', 'CANCELLED', 'UNDONE') then
                (array['Pending Invitations', 'Users: Manage Invitation', 'Manage Users: ' || waiting_area_name])[1 + n % 3]
            when kind = 'REMINDER_SETTINGS_CHANGED' then 'Invitation Reminders: ' || unit_name
            when kind = 'SECOND_FACTOR_RESET' then 'Users'
            when kind = 'EXPORTED' then 'Pending Invitations' end as source_page,
       case when kind = 'EXPORTED' then to_char(1 + n % 5000, 'FM9,999') || ' rows'
            when kind = 'SIGNED_IN' then (array['password and authenticator app', 'password and passkey', 'passkey'])[1 + n % 3]
            when kind = 'SIGN_IN_REFUSED' then 'wrong password'
            when kind in ('SECOND_FACTOR_ADDED', 'SECOND_FACTOR_REMOVED') then (array['passkey', 'authenticator app'])[1 + n % 2]
            end as detail,
       -- The first area: the waiting area (the unit, for settings, resets and administrators' exports).
       case when kind in ('REMINDER_SETTINGS_CHANGED', 'SECOND_FACTOR_RESET')
                 or (kind = 'EXPORTED' and not by_system_admin) then unit_id
            when about_invitation or kind = 'ROLES_GRANTED' then waiting_area end as first_area,
       case when not with_roles then array[]::text[] when n % 4 = 0 then array['RECEPTIONIST']
            when n % 4 = 3 then array['RECEPTIONIST', 'SERVICE_PROVIDER'] else array['SERVICE_PROVIDER'] end as first_roles,
       -- The second: the meeting room, where someone whose scope it may be outside did it.
       case when about_invitation and n % 3 = 0 and (by_system_admin or not by_administrator) then meeting_room
            end as second_area,
       case when with_roles then array['MEETING_ROOM_MEMBER'] else array[]::text[] end as second_roles
from classified;

create temporary table bulk_activity_entry_area on commit drop as
select id as entry_id, first_area as area_id, first_roles as roles from bulk_activity_entry where first_area is not null
union all
select id, second_area, second_roles from bulk_activity_entry where second_area is not null;

-- One field of an entry's content, as ActivityChain writes it.
create or replace function pg_temp.activity_field(value text) returns text language sql immutable
    as 'select case when value is null then ''-;'' else length(value) || '':'' || value || '';'' end';

create temporary table bulk_activity_content on commit drop as
select e.id,
       pg_temp.activity_field(e.id::text)
           || pg_temp.activity_field(((extract(epoch from e.occurred_at) * 1000000)::bigint)::text)
           || pg_temp.activity_field(e.kind) || pg_temp.activity_field(e.actor_id::text)
           || pg_temp.activity_field(e.person_id::text) || pg_temp.activity_field(e.invitation_id::text)
           || pg_temp.activity_field(e.source_page) || pg_temp.activity_field(null)
           || pg_temp.activity_field(e.detail) || coalesce(a.areas, '') as content
from bulk_activity_entry e
left join (select entry_id, string_agg(pg_temp.activity_field(area_id::text)
                                       || pg_temp.activity_field(array_to_string(roles, ',')), '' order by area_id) as areas
           from bulk_activity_entry_area group by entry_id) a on a.entry_id = e.id;

-- The chain as a running aggregate: each step hashes the previous hash (the start's first) with the
-- entry's content.
create or replace function pg_temp.activity_chain_step(previous bytea, content text, start bytea) returns bytea
    language sql immutable as 'select sha256(coalesce(previous, start) || convert_to(content, ''UTF8''))';
create or replace aggregate pg_temp.activity_chain(text, bytea) (sfunc = pg_temp.activity_chain_step, stype = bytea);

insert into activity_entry (id, occurred_at, kind, actor_id, person_id, invitation_id, source_page, reference, detail, hash)
select e.id, e.occurred_at, e.kind, e.actor_id, e.person_id, e.invitation_id, e.source_page, null, e.detail, c.hash
from bulk_activity_entry e
join (select id, pg_temp.activity_chain(content, (select last_hash from bulk_activity_start))
                     over (order by id rows between unbounded preceding and current row) as hash
      from bulk_activity_content) c on c.id = e.id
order by e.id;

insert into activity_entry_area (entry_id, area_id, roles)
select entry_id, area_id, roles from bulk_activity_entry_area order by entry_id, area_id;

select setval('activity_entry_id', (select max(id) from activity_entry));

commit;
-- Vacuumed as autovacuum would soon do, so that plans (and index-only scans) are those of a settled database.
vacuum analyze activity_entry;
vacuum analyze activity_entry_area;
vacuum analyze activity_time_block;
