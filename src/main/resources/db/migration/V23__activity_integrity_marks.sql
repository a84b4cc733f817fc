-- The integrity check's results say up to where they found the chain whole (AC5): the newest
-- entry whose hash followed, and that hash. The next check finds that entry again with the same
-- hash, or reports it removed or rewritten, which the chain alone cannot show for the newest
-- entries; the retention job removes no entry beyond it, so that it never removes unchecked
-- entries or the evidence of a break. Null: nothing found whole (the trail is empty, or broke at
-- its first entry).
alter table activity_integrity_check
    add column verified_entry_id bigint,
    add column verified_hash bytea check (length(verified_hash) = 32);
