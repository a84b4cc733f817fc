-- 10,000 signed-in sessions of four attributes (security context, CSRF token, saved request,
-- flash banners) of 600 bytes each, for session-store.pgbench. Run after V9 on an empty database.
insert into spring_session
select lpad(i::text, 36, 'p'), lpad(i::text, 36, 's'), 0, 0, 1800, 9999999999999, 'user' || i
from generate_series(1, 10000) i;
insert into spring_session_attributes
select lpad(i::text, 36, 'p'), name, decode(repeat('ab', 600), 'hex')
from generate_series(1, 10000) i,
     unnest(array['SPRING_SECURITY_CONTEXT', 'csrf', 'saved-request', 'flash-maps']) name;
analyze;
