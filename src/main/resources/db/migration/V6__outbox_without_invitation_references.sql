-- The outbox belongs to the mail module and names no other module's table. The module that
-- queues an email tags it with its own names, which only it reads back: a topic (what the email
-- is about, e.g. 'invitation:42') and a reference (the action that queued it, e.g.
-- 'invitation-event:7', the history entry whose readers see the email). No foreign key ties
-- them to that module's tables.
alter table outbound_email add column topic varchar(100), add column reference varchar(100);
update outbound_email
set topic = 'invitation:' || invitation_id,
    reference = 'invitation-event:' || invitation_event_id
where invitation_id is not null;

-- The parts of an email's text that only its recipient may read (an invitation link's token),
-- named by the module that queued it. The stored copy loses them once the email has left the
-- outbox for good (sent, or given up), and the list is cleared then. Emails still queued get
-- the link tokens their text carries; sent and failed ones have lost theirs already.
alter table outbound_email add column secrets text[];
update outbound_email
set secrets = array(select m[1] from regexp_matches(text_body, '/invitation/([A-Za-z0-9_-]{20,})', 'g') as m)
where status = 'QUEUED';

alter table outbound_email drop column invitation_event_id, drop column invitation_id;
create index outbound_email_topic on outbound_email (topic, created_at) where topic is not null;
