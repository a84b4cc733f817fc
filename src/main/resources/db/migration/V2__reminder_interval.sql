-- The reminder interval (X4) counts between reminders: the first reminder may follow the
-- invitation at once.
alter table invitation add column last_reminded_at timestamptz;
