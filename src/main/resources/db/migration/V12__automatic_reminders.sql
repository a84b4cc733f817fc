-- Owner: invitation. Automatic reminders (AR1, AR2).

-- A unit's own reminder settings; a unit without a row inherits its nearest ancestor's, and
-- a unit with none above it sends none (off by default). Waiting areas and meeting rooms
-- always inherit from their unit. Days are whole days after the invitation, ascending,
-- 1 to 365, at most 5; the window is local time in app.time-zone, Monday to Friday.
create table reminder_schedule (
    area_id bigint primary key,
    area_kind varchar(20) not null default 'ORGANISATIONAL_UNIT' check (area_kind = 'ORGANISATIONAL_UNIT'),
    enabled boolean not null,
    days integer[] not null check (cardinality(days) between 1 and 5 and 1 <= all (days) and 365 >= all (days)),
    window_start time not null,
    window_end time not null,
    changed_by bigint not null references account (id),
    changed_at timestamptz not null,
    version bigint not null default 0,
    foreign key (area_id, area_kind) references area (id, kind),
    check (window_start < window_end)
);

-- One row per automatic reminder step of an invitation, claimed in the transaction that sends
-- it: the primary key makes each step go out once, whichever instance runs the job and however
-- often (AR2, S1). An invitation's next step is the one after its highest row: when several are
-- due at once (the job was down) only the last of them is sent.
create table automatic_reminder (
    invitation_id bigint not null references invitation (id),
    step integer not null check (step >= 1),
    sent_at timestamptz not null,
    primary key (invitation_id, step)
);
