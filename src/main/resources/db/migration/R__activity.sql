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

-- The block of ids an entry's id belongs to (V31): 1,000 consecutive ids.
create or replace function activity_time_block(entry_id bigint) returns int8range
    language sql immutable parallel safe
    return int8range(entry_id - entry_id % 1000, entry_id - entry_id % 1000 + 1000);
comment on function activity_time_block(bigint) is
    'Owned by the activity module: the block of ids (activity_time_block) an entry''s id belongs to.';

-- Widens the blocks of the entries with ids from first_id to last_id to their times, creating
-- blocks as needed.
create or replace function activity_time_blocks_widen(first_id bigint, last_id bigint) returns void
    language sql as $$
    insert into activity_time_block (from_id, to_id, earliest_at, latest_at)
    select lower(activity_time_block(e.id)), upper(activity_time_block(e.id)), min(e.occurred_at), max(e.occurred_at)
    from activity_entry e
    where e.id between first_id and last_id
    group by activity_time_block(e.id)
    on conflict (from_id) do update
        set earliest_at = least(activity_time_block.earliest_at, excluded.earliest_at),
            latest_at = greatest(activity_time_block.latest_at, excluded.latest_at);
$$;
comment on function activity_time_blocks_widen(bigint, bigint) is
    'Owned by the activity module: widens activity_time_block to the times of the entries with these ids.';

-- After each statement that inserts entries, the blocks of its entries (an entry of another
-- statement between them widens its block by its own time, which it holds anyway).
create or replace function activity_time_block_follow() returns trigger
    language plpgsql as $$
begin
    perform activity_time_blocks_widen(min(n.id), max(n.id)) from inserted n having count(*) > 0;
    return null;
end
$$;
comment on function activity_time_block_follow() is
    'Owned by the activity module: keeps activity_time_block as entries are inserted.';

create or replace trigger activity_time_block after insert on activity_entry
    referencing new table as inserted for each statement execute function activity_time_block_follow();

-- The blocks of the entries already here.
select activity_time_blocks_widen(min(id), max(id)) from activity_entry having count(*) > 0;
