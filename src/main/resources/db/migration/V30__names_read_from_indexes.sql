-- A page of Activity (AC7) looks up, for each of its 25 entries, the name of whoever did it and
-- the address of whom it concerns (account_profile) and the name of each of its areas
-- (directory_area). These indexes hold what those look-ups read, so that each reads the index
-- alone and not the table behind it too: the page's statement about a tenth cheaper on the
-- benchmark's data (docs/performance.md "Activity at a million entries").
create index account_names on account (id) include (full_name, email);
create index area_names on area (id) include (name);
