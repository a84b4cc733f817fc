-- Module boundaries in SQL (docs/architecture.md, "Data"): each table is written by one module;
-- another module reads it through the owner's Java API or through a view the owner publishes
-- here. The views are plain selects of their owner's tables, and no module writes through them.

-- Owner: directory. Which role is held in which kind of area, and which roles give administrator
-- rights. The database's one definition, replacing the function role_fits_area; it must equal
-- the Java enum directory.Role (RoleKindIntegrationTests checks that row by row).
create table role_kind (
    role varchar(30) primary key,
    area_kind varchar(20) not null check (area_kind in ('ORGANISATIONAL_UNIT', 'WAITING_AREA', 'MEETING_ROOM')),
    administrator boolean not null,
    unique (role, area_kind)
);
insert into role_kind (role, area_kind, administrator) values
    ('ORGANISATION_ADMINISTRATOR', 'ORGANISATIONAL_UNIT', true),
    ('ORGANISATION_COORDINATOR', 'ORGANISATIONAL_UNIT', false),
    ('ORGANISATION_REPORTER', 'ORGANISATIONAL_UNIT', false),
    ('SERVICE_ADMINISTRATOR', 'WAITING_AREA', true),
    ('SERVICE_PROVIDER', 'WAITING_AREA', false),
    ('RECEPTIONIST', 'WAITING_AREA', false),
    ('MEETING_ROOM_ADMINISTRATOR', 'MEETING_ROOM', true),
    ('MEETING_ROOM_MEMBER', 'MEETING_ROOM', false);

-- "A role fits its area's kind" becomes a foreign key to that definition.
alter table role_grant drop constraint role_grant_check;
alter table role_grant add constraint role_grant_role_kind
    foreign key (role, area_kind) references role_kind (role, area_kind);
alter table invited_role drop constraint invited_role_check;
alter table invited_role add constraint invited_role_role_kind
    foreign key (role, area_kind) references role_kind (role, area_kind);
drop function role_fits_area(varchar, varchar);

-- Owner: account. What other modules may read about an account: who it is and whether it
-- may act (never its password hash). Read by directory (the administrator scope) and
-- invitation (the names in an invitation's history).
create view account_profile as
select id, email, coalesce(full_name, email) as display_name, status, system_administrator
from account;
comment on view account_profile is 'Published by the account module; read-only for every other module.';

-- Owner: directory. The areas as other modules may read them (names in an invitation's history).
create view directory_area as
select id, kind, name, parent_id
from area;
comment on view directory_area is 'Published by the directory module; read-only for every other module.';

comment on table role_kind is 'Owned by the directory module; equals the Java enum directory.Role.';
