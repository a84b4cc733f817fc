-- The activity trail (AC1-AC7), owned by the activity module: one entry for everything
-- administrators, invitees and the system did, each chained to the one before by a SHA-256
-- (V22 computes the hashes of the entries copied here; R__activity.sql makes the tables
-- append-only).
-- It replaces the invitation module's history (invitation_event and the tables that hang off
-- it): the Manage Invitation dialog reads an invitation's entries from here (AC4).

-- Entries in chain order: an entry's id is taken from activity_entry_id while the writer holds
-- the chain's lock, so ids grow in the order entries are chained (there may be gaps).
create sequence activity_entry_id;

create table activity_entry (
    id bigint primary key,
    occurred_at timestamptz not null,
    -- the Java enum activity.ActivityKind
    kind varchar(40) not null,
    -- who did it: an administrator, the invitee or the person signing in; null: the system ("Automatic")
    actor_id bigint,
    -- the account the entry is about (the invitee, the person signing in); null: none
    person_id bigint,
    invitation_id bigint,
    -- the page the action came from
    source_page varchar(200),
    -- the acting module's id for what happened, by which it finds the entry again: an email an
    -- invitation's change queued names it (the outbox reference 'invitation-event:<reference>')
    reference bigint unique,
    -- what else the kind needs said, short and free of personal data (a sign-in's method, an
    -- export's row count)
    detail varchar(200),
    -- SHA-256 over the previous entry's hash and this entry's content, areas included
    -- (activity.ActivityChain)
    hash bytea check (length(hash) = 32)
);
-- Filters on one column, newest first (AC3)
create index activity_entry_kind on activity_entry (kind, id);
create index activity_entry_actor on activity_entry (actor_id, id);
create index activity_entry_person on activity_entry (person_id, id);
create index activity_entry_invitation on activity_entry (invitation_id, id);
create index activity_entry_occurred on activity_entry (occurred_at, id);

-- The areas an entry concerns, with the roles it concerns in each (none: done for the area,
-- such as a reminder). An administrator reads an entry when one of its areas is in their scope,
-- and only those areas (AC2, X1, X3).
create table activity_entry_area (
    entry_id bigint not null references activity_entry (id),
    area_id bigint not null,
    roles varchar(30)[] not null default '{}',
    primary key (entry_id, area_id)
);
create index activity_entry_area_newest on activity_entry_area (area_id, entry_id);

-- The invitation history so far, one entry each, in the order it was written (ids kept, so the
-- emails that name an entry by 'invitation-event:<id>' still do). Automatic reminders were
-- reminders without an actor; a new link was the invitee's own request.
insert into activity_entry (id, occurred_at, kind, actor_id, person_id, invitation_id, source_page, reference)
select e.id, e.occurred_at,
       case when e.type = 'REMINDER_SENT' and e.actor_id is null then 'AUTOMATIC_REMINDER_SENT' else e.type end,
       case when e.type = 'LINK_REQUESTED' then i.account_id else e.actor_id end,
       i.account_id, e.invitation_id, e.source_page, e.id
from invitation_event e join invitation i on i.id = e.invitation_id;

insert into activity_entry_area (entry_id, area_id, roles)
select r.event_id, r.area_id, array_agg(r.role order by r.role)
from invitation_event_role r
group by r.event_id, r.area_id;

insert into activity_entry_area (entry_id, area_id)
select x.event_id, x.area_id
from invitation_event_area x
on conflict do nothing;

-- Entries that named no area (an automatic reminder, a new link the invitee asked for) concern
-- the areas of the roles the invitation had offered by then, so that those areas'
-- administrators find them in Activity, as they found them in the invitation's history.
insert into activity_entry_area (entry_id, area_id)
select distinct e.id, r.area_id
from activity_entry e
join invitation_event earlier on earlier.invitation_id = e.invitation_id and earlier.id <= e.id
join invitation_event_role r on r.event_id = earlier.id
where not exists (select 1 from activity_entry_area x where x.entry_id = e.id);

select setval('activity_entry_id', coalesce((select max(id) from activity_entry), 0) + 1, false);

drop table invitation_event_area;
drop table invitation_event_role;
drop table invitation_event;

-- Where the retention job has removed entries up to (AC5): the chain continues from the hash
-- of the last entry removed.
create table activity_checkpoint (
    id bigint generated always as identity primary key,
    created_at timestamptz not null,
    last_entry_id bigint not null,
    last_hash bytea not null check (length(last_hash) = 32),
    removed integer not null check (removed >= 0)
);

-- The scheduled integrity check's results (AC5): the newest is shown to System Administrators.
create table activity_integrity_check (
    id bigint generated always as identity primary key,
    checked_at timestamptz not null,
    entries_checked bigint not null,
    -- null: no entry changed; else the first entry whose hash does not follow
    broken_at_entry bigint,
    problem varchar(200)
);
