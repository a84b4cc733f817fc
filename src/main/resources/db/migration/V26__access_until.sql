-- Access that ends (LC1): a role offered or held until the end of a day in app.time-zone.
-- Null: no end. The date travels from the invited role to the granted one when the invitation is
-- accepted.
alter table invited_role add column access_until date;
alter table role_grant add column access_until date;

-- When the person and the area's administrators were warned that the role's access ends; set in
-- the transaction that queues the warnings (so a warning goes once, whichever instance sends it)
-- and cleared when the end date changes (a new date may warn again).
alter table role_grant add column access_warned_at timestamptz;

-- The jobs read only the rows that are due: those with an end date, and for the warnings those
-- not warned yet.
create index role_grant_access_until on role_grant (access_until, id) where access_until is not null;
create index role_grant_access_warning on role_grant (access_until, id)
    where access_until is not null and access_warned_at is null;
create index invited_role_access_until on invited_role (access_until, invitation_id)
    where access_until is not null;

-- What Undo puts back keeps the end of the role's access (undo's record of a removal).
alter table removal_undo_role add column access_until date;
