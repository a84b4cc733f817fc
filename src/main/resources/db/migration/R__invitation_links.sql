-- Owner: invitation. The invitation module's rules that the database keeps or that other
-- modules' SQL needs: no invitation without a link, which of its links works, and the names it
-- tags its emails with in the mail module's outbox.
--
-- Repeatable migration (docs/derived-data.md): this file holds the current definition; change it
-- here, never in a new versioned migration. Flyway runs it after every versioned migration and
-- again whenever it changes, so each statement may run again on a schema that has it already.
-- The invitation module writes invitation and invitation_link; its constraint triggers sit on
-- those two tables only. The mail module writes outbound_email and never reads a topic or a
-- reference: the invitation module sets them when it queues an email (InvitationMailer) and is the
-- only one to read them back, through the functions below.

-- No invitation exists without a link (the aggregate issues the first one when it invites):
-- checked at commit, since an invitation and its first link are inserted one after the other in
-- one transaction. Refused with check_violation (23514).
create or replace function invitation_without_link() returns trigger
    language plpgsql as $$
declare
    target bigint;
begin
    if tg_table_name = 'invitation' then
        target := new.id;
    else
        target := old.invitation_id;
    end if;
    if exists (select 1 from invitation i where i.id = target)
            and not exists (select 1 from invitation_link l where l.invitation_id = target) then
        raise exception 'Invitation % has no link', target using errcode = 'check_violation';
    end if;
    return null;
end
$$;
comment on function invitation_without_link() is
    'Owned by the invitation module: refuses an invitation left without a link; called by its triggers invitation_has_a_link and invitation_keeps_a_link.';

-- Constraint triggers have no "create or replace": each is dropped and created again.
drop trigger if exists invitation_has_a_link on invitation;
create constraint trigger invitation_has_a_link after insert on invitation
    deferrable initially deferred
    for each row execute function invitation_without_link();
comment on trigger invitation_has_a_link on invitation is
    'Owned by the invitation module: no invitation without a link, checked at commit.';

drop trigger if exists invitation_keeps_a_link on invitation_link;
create constraint trigger invitation_keeps_a_link after delete or update of invitation_id on invitation_link
    deferrable initially deferred
    for each row execute function invitation_without_link();
comment on trigger invitation_keeps_a_link on invitation_link is
    'Owned by the invitation module: an invitation keeps a link, checked at commit.';

-- No invitation is made for an account whose personal data was removed (LC3): Add Users that found
-- the account by its address just before the retention job replaced it (the job locks the
-- account, so the new invitation's insert waits for the job's commit) fails at its own commit
-- rather than invite a placeholder; done again, it finds no account and makes a new one. Checked
-- at commit, so that it reads what the job committed while the insert waited.
create or replace function invitation_for_removed_account() returns trigger
    language plpgsql as $$
begin
    if exists (select 1 from account_profile a where a.id = new.account_id and a.personal_data_removed) then
        raise exception 'Invitation % is for account %, whose personal data was removed', new.id, new.account_id
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;
comment on function invitation_for_removed_account() is
    'Owned by the invitation module: refuses an invitation for an account whose personal data was removed; called by its trigger invitation_not_for_removed_account.';

drop trigger if exists invitation_not_for_removed_account on invitation;
create constraint trigger invitation_not_for_removed_account after insert on invitation
    deferrable initially deferred
    for each row execute function invitation_for_removed_account();
comment on trigger invitation_not_for_removed_account on invitation is
    'Owned by the invitation module: no invitation for an account whose personal data was removed, checked at commit.';

-- The topic of an email about an invitation, 'invitation:<id>', and the reference of the email an
-- action queued, 'invitation-event:<history entry id>' (V6; InvitationMailer builds the same in
-- Java). Immutable plain SQL: the planner inlines them, so "o.topic = invitation_topic(x)" is
-- "o.topic = 'invitation:' || x" and reads the index outbound_email_topic. The id is cast to text
-- because text || bigint is only stable (it calls bigint's output function through anynonarray),
-- and a function whose body is less immutable than declared is not inlined.
create or replace function invitation_topic(invitation bigint) returns text
    language sql immutable parallel safe
    return 'invitation:' || invitation::text;
comment on function invitation_topic(bigint) is
    'Owned by the invitation module: the outbox topic of the emails about an invitation, ''invitation:<id>''.';

create or replace function invitation_event_reference(entry bigint) returns text
    language sql immutable parallel safe
    return 'invitation-event:' || entry::text;
comment on function invitation_event_reference(bigint) is
    'Owned by the invitation module: the outbox reference of an email queued by a history entry, ''invitation-event:<id>''.';

-- Their inverses: the invitation an email's topic names, or the history entry its reference
-- names; null for any text not of exactly that form (another module's topic, a malformed one).
-- Up to 18 digits, so the cast never overflows a bigint.
create or replace function topic_invitation(topic text) returns bigint
    language sql immutable parallel safe
    return case when topic ~ '^invitation:[0-9]{1,18}$' then cast(split_part(topic, ':', 2) as bigint) end;
comment on function topic_invitation(text) is
    'Owned by the invitation module: the invitation an outbox topic names (''invitation:<id>''), else null.';

create or replace function reference_invitation_event(reference text) returns bigint
    language sql immutable parallel safe
    return case when reference ~ '^invitation-event:[0-9]{1,18}$' then cast(split_part(reference, ':', 2) as bigint) end;
comment on function reference_invitation_event(text) is
    'Owned by the invitation module: the history entry an outbox reference names (''invitation-event:<id>''), else null.';

-- When an invitation's link expires: the expiry of its newest link, the one with the highest id.
-- The aggregate keeps an invitation's links in id order and only the last issued works
-- (Invitation, InvitationLink); two links may share a created_at, so the id decides.
create or replace function invitation_link_expires_at(invitation bigint) returns timestamptz
    language sql stable parallel safe
    return (select l.expires_at from invitation_link l where l.invitation_id = invitation
            order by l.id desc limit 1);
comment on function invitation_link_expires_at(bigint) is
    'Owned by the invitation module: when the invitation''s newest link (highest id, the only one that works) expires.';
