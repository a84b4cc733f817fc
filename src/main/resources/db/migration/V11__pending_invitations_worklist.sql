-- The Pending Invitations worklist (P1-P5, decision 0009).

-- Whether an account holds administrator rights over an area now: a System Administrator,
-- or an administrator role in the area itself or in a unit above it; a disabled account
-- (or one not active) holds none, as for AdministratorScopes. "Inviter no longer an administrator" (P2) is its negation for the person
-- who invited each role.
create function administers(admin bigint, target bigint) returns boolean
    language sql stable
    return exists (select 1 from account a where a.id = admin and a.status = 'ACTIVE'
                   and (a.system_administrator
                        or exists (with recursive up(id, parent_id) as (
                                       select x.id, x.parent_id from area x where x.id = target
                                       union all
                                       select p.id, p.parent_id from area p join up on p.id = up.parent_id)
                                   select 1 from up join role_grant g on g.area_id = up.id
                                   join role_kind k on k.role = g.role and k.administrator
                                   where g.account_id = admin)));

-- The worklist reads a pending invitation's roles in scope by invitation, with their
-- inviter and time, without the table.
create index invited_role_invitation on invited_role (invitation_id) include (area_id, invited_at, invited_by, role);
