-- The areas an administrator's action without roles (a reminder) was done for: the area whose
-- page it came from, or, from the Manage Invitation dialog, the areas of the invitation's roles
-- in that administrator's scope. Only administrators of these areas read who did it and from
-- which page (X1, X3).
create table invitation_event_area (
    event_id bigint not null references invitation_event (id),
    area_id bigint not null references area (id),
    primary key (event_id, area_id)
);

-- The history entry of the action that queued an email: the Manage Invitation dialog shows an
-- email to the administrators who see that entry. Earlier emails get the newest entry that
-- could have queued them (an entry and its email share one transaction, the entry's time first).
alter table outbound_email add column invitation_event_id bigint references invitation_event (id);
update outbound_email m
set invitation_event_id = (select e.id from invitation_event e
                           where e.invitation_id = m.invitation_id and e.occurred_at <= m.created_at
                             and e.type in ('INVITED', 'ROLES_ADDED', 'REMINDER_SENT', 'LINK_REQUESTED')
                           order by e.occurred_at desc, e.id desc limit 1)
where m.invitation_id is not null;
update outbound_email m
set invitation_event_id = (select min(e.id) from invitation_event e where e.invitation_id = m.invitation_id)
where m.invitation_id is not null and m.invitation_event_id is null;
create index outbound_email_event on outbound_email (invitation_event_id);

-- One Message-ID per email, chosen when it is queued and sent with every attempt, so a
-- receiving server can drop the copies that at-least-once delivery may send.
alter table outbound_email add column message_id varchar(250);
update outbound_email set message_id = '<' || gen_random_uuid() || '@outbox.videocall.invalid>';
alter table outbound_email alter column message_id set not null;
alter table outbound_email add constraint outbound_email_message_id unique (message_id);
