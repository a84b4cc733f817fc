-- How far entries' times depart from their chain order (AC3, AC7): ids follow the order in which
-- entries were chained, as their changes committed, and their times follow it closely but not
-- strictly (a transaction chained after another may have acted before it; instances' clocks
-- differ; the history copied by V21). lag is the furthest an entry's time lies before the time of
-- any entry chained before it. An entry of a period is then found among the entries whose time
-- lies within lag of the period's newest or oldest entries, rather than among the whole period
-- (ActivityStatements). The row covers the entries up to covered_entry_id; the writer brings it up
-- to date (activity_time_order_follow, R__activity.sql, which also computes it for the entries
-- here now); while entries past it are not covered, pages read whole periods, as before.
create table activity_time_order (
    only_row boolean primary key default true check (only_row),
    covered_entry_id bigint not null,
    -- the latest time among the covered entries (null: none)
    latest_at timestamptz,
    lag interval not null check (lag >= interval '0')
);
insert into activity_time_order (covered_entry_id, latest_at, lag) values (0, null, interval '0');
