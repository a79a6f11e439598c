-- wrk script for make bench: attendance writes. Each request replaces the
-- attendance of one held activity (POST /api/activities/ID/attendance with
-- the API token given by -H), cycling through BENCH_ACTIVITIES so that
-- writes are spread as in real use; BENCH_BODY is the JSON list. Every
-- response is checked like check.lua does (status 200, "quorum" in it).
local threads = {}
function setup(thread) table.insert(threads, thread) end

local ids = {}
for id in string.gmatch(os.getenv("BENCH_ACTIVITIES") or "", "%d+") do
  table.insert(ids, id)
end
local body = os.getenv("BENCH_BODY") or "[]"
local n = 0
local headers = {}
checked, bad = 0, 0

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

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, '"quorum"', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local c, b = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("checked")
    b = b + t:get("bad")
  end
  io.write(string.format("CHECK checked=%d bad=%d\n", c, b))
end
