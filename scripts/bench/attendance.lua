-- wrk script for make bench: attendance writes. Each request replaces the
-- attendance of one held activity (POST /api/activities/ID/attendance with
-- the API token given by -H), cycling through BENCH_ACTIVITIES so that
-- writes are spread as in real use; BENCH_BODY is the JSON list. Responses
-- are checked by check.lua (run from the repository's root), with
-- BENCH_MARKER set to "quorum" by scripts/bench.sh.
dofile("scripts/bench/check.lua")

local ids = {}
for id in string.gmatch(os.getenv("BENCH_ACTIVITIES") or "", "%d+") do
  table.insert(ids, id)
end
local body = os.getenv("BENCH_BODY") or "[]"
local n = 0
local headers = {}

function init(args)
  -- wrk.format() replaces wrk.headers when given a table: keep the -H ones.
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  -- Threads start at different activities: fewer writers on the same row.
  n = math.random(#ids)
end

function request()
  n = n % #ids + 1
  return wrk.format("POST", "/api/activities/" .. ids[n] .. "/attendance",
                    headers, body)
end
