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

-- Brings activity_time_order (V31) up to the newest entry: for each entry past those it covers, in
-- chain order, how far its time lies before the latest time chained before it. The writer runs it
-- after chaining a transaction's entries, holding the chain's lock; run here too, for the entries
-- already written.
create or replace function activity_time_order_follow() returns void
    language sql as $$
    update activity_time_order o
    set covered_entry_id = g.last_id,
        latest_at = greatest(o.latest_at, g.latest),
        lag = greatest(o.lag, g.lag)
    from (select max(n.id) as last_id, max(n.occurred_at) as latest,
                 max(greatest(t.latest_at, n.before) - n.occurred_at) as lag
          from activity_time_order t,
               lateral (select e.id, e.occurred_at,
                               max(e.occurred_at) over (order by e.id rows between unbounded preceding and 1 preceding)
                                 as before
                        from activity_entry e where e.id > t.covered_entry_id) n) g
    where g.last_id is not null;
$$;
comment on function activity_time_order_follow() is
    'Owned by the activity module: brings activity_time_order up to the newest entry.';
select activity_time_order_follow();
