-- The times of the trail's entries by blocks of ids (AC3, AC7): for each block of 1,000
-- consecutive ids (activity_time_block, R__activity.sql), the earliest and the latest time of its
-- entries. A page of a period ("From", "To") reads, from the newest block down (or the oldest up),
-- only the blocks whose times reach into the period, and stops once it has its entries. Ids follow
-- the order in which entries were chained and their times follow it closely, but not strictly (a
-- transaction chained after another may have acted before it; instances' clocks differ; history
-- planted after newer entries): a block's times say where its entries lie, whatever their order.
-- A trigger (R__activity.sql) keeps the blocks as entries are inserted, in the inserting
-- statement; R__activity.sql also fills them for the entries already here.
create table activity_time_block (
    -- the ids from from_id up to but not including to_id
    from_id bigint not null,
    to_id bigint not null,
    earliest_at timestamptz not null,
    latest_at timestamptz not null,
    -- the times in the key's index: a page passes the blocks outside its period there alone
    primary key (from_id) include (to_id, earliest_at, latest_at)
);
