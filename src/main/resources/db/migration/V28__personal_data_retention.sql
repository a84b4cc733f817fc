-- Owner: invitation (the account column: account). Personal data kept only as long as needed
-- (LC3): app.retention.ended-invitations after an invitation ended, the invitation module's job
-- (invitation.PersonalDataRetention) removes the invitee's address, name and custom message from
-- the invitation's emails, and from the invited account when that person never set it up and has
-- nothing else pending, and marks what it did here.

-- When the job removed the invitation's personal data; null: not yet (or still pending).
alter table invitation add column personal_data_removed_at timestamptz;
alter table invitation add constraint invitation_personal_data_removed_when_ended
    check (personal_data_removed_at is null or ended_at is not null);

-- When the account's address and name were replaced by a placeholder (account.EmailAddresses
-- .removed: 'removed-<id>@removed.invalid', no name); pages say "removed" instead.
alter table account add column personal_data_removed_at timestamptz;

-- The job reads only the ended invitations not yet scrubbed, oldest end first: once scrubbed an
-- invitation leaves the index, so a daily run over 20,000+ invitations reads the few that are due
-- and stops at the first one that is not.
create index invitation_retention_due on invitation (ended_at, id)
    where ended_at is not null and personal_data_removed_at is null;

-- The emails that told administrators which invitations expired (LC2) were queued without a
-- topic; from now on they have 'invitations-expired' (InvitationMailer.EXPIRED_TOPIC), by which,
-- with their moment, the job finds the ones that name an invitation it scrubs. Those already
-- queued get it too: they are the topic-less emails with that subject (the only other topic-less
-- ones, roles granted to an active account, have another).
update outbound_email set topic = 'invitations-expired'
where topic is null and subject = 'Invitations you sent have expired';

-- No invitation is made for an account whose personal data was removed: the constraint trigger
-- invitation_not_for_removed_account (R__invitation_links.sql) checks it at commit.
