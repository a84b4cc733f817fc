-- wrk script for bench/http-benchmark: "Send Reminder" POSTs, each to another pending
-- invitation (X4 allows one reminder per invitation per interval), as a signed-in System
-- Administrator. Environment: BENCH_INVITATIONS (a file with one invitation id per line,
-- each at version 0), BENCH_THREADS (wrk's -t), BENCH_COOKIE (the session cookie) and
-- BENCH_CSRF (the session's CSRF token).

local ids = {}
for line in io.lines(os.getenv("BENCH_INVITATIONS")) do
  ids[#ids + 1] = line
end
local step = tonumber(os.getenv("BENCH_THREADS"))
local started = 0

-- Thread n sends to ids n, n + step, n + 2 * step …: no two requests name one invitation.
function setup(thread)
  started = started + 1
  thread:set("position", started)
end

function request()
  local id = ids[((position - 1) % #ids) + 1]
  position = position + step
  return wrk.format("POST", "/users/invitations/" .. id .. "/reminder", {
    ["Cookie"] = os.getenv("BENCH_COOKIE"),
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "version=0&_csrf=" .. os.getenv("BENCH_CSRF"))
end
