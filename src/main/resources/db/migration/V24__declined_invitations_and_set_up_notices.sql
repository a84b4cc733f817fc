-- LC6 (owner: invitation): an invitation also ends as DECLINED, when the person it was sent to
-- says it is not for them. EXPIRED is allowed here already (LC2 ends invitations by themselves).
-- Every derived table and read model treats any status other than PENDING as ended.
alter table invitation drop constraint invitation_status_check;
alter table invitation add constraint invitation_status_check
    check (status in ('PENDING', 'ACCEPTED', 'CANCELLED', 'DECLINED', 'EXPIRED'));

-- LC5 (owner: account): whether the person wants an email when someone they invited sets up
-- their account ("Security" page); on unless they switch it off.
alter table account add column set_up_notices boolean not null default true;
