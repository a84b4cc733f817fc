-- Owner: activity. The trail's guards and what other modules may ask of it in SQL.
--
-- Repeatable migration (docs/derived-data.md): this file holds the current definition; change it
-- here, never in a new versioned migration. Flyway runs it after every versioned migration (after
-- V22 has chained the entries copied from the invitation history) and again whenever it changes,
-- so each statement may run again on a schema that has it already.

-- Append-only (AC5): entries, their areas, checkpoints and the integrity check's results are never
-- changed, and only the retention job removes rows (old entries and their areas), saying so for
-- its own transaction (set local video_call_admin.activity_retention = 'on'). That setting guards
-- against mistakes, not against someone who can run SQL as the application: the hash chain and
-- the integrity check show a change made by someone who gets past this (decision 20).
create or replace function activity_append_only() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('video_call_admin.activity_retention', true) = 'on' then
        return old;
    end if;
    raise exception 'The activity trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;
comment on function activity_append_only() is
    'Owned by the activity module: refuses UPDATE, DELETE and TRUNCATE of the trail, except the retention job''s DELETE.';

create or replace trigger activity_append_only before update or delete on activity_entry
    for each row execute function activity_append_only();
create or replace trigger activity_append_only_truncate before truncate on activity_entry
    for each statement execute function activity_append_only();
create or replace trigger activity_append_only before update or delete on activity_entry_area
    for each row execute function activity_append_only();
create or replace trigger activity_append_only_truncate before truncate on activity_entry_area
    for each statement execute function activity_append_only();
create or replace trigger activity_append_only before update or delete on activity_checkpoint
    for each row execute function activity_append_only();
create or replace trigger activity_append_only_truncate before truncate on activity_checkpoint
    for each statement execute function activity_append_only();
create or replace trigger activity_append_only before update or delete on activity_integrity_check
    for each row execute function activity_append_only();
create or replace trigger activity_append_only_truncate before truncate on activity_integrity_check
    for each statement execute function activity_append_only();

-- Whether administrators of these areas read the entry that the reference of an invitation's
-- email names (the outbox reference 'invitation-event:<reference>'): it concerns no role (a
-- reminder), or a role in one of them. The worklist shows them that email's state.
create or replace function activity_entry_shown(entry_reference bigint, areas bigint[]) returns boolean
    language sql stable parallel safe
    return not exists (select 1 from activity_entry e join activity_entry_area x on x.entry_id = e.id
                       where e.reference = entry_reference and x.roles <> '{}')
           or exists (select 1 from activity_entry e join activity_entry_area x on x.entry_id = e.id
                      where e.reference = entry_reference and x.roles <> '{}' and x.area_id = any(areas));
comment on function activity_entry_shown(bigint, bigint[]) is
    'Owned by the activity module: whether administrators of these areas read the entry an invitation''s email names (no role, or a role in one of them).';
