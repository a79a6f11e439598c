-- wrk script for make bench: every response must be 200 and contain the
-- marker given in BENCH_MARKER, so an error page cannot look fast. Each wrk
-- thread counts in its own Lua state; done() adds them up and prints one
-- line that scripts/bench.sh reads:
--   CHECK checked=N bad_status=A bad_marker=B first_bad_status=S
local threads = {}
function setup(thread) table.insert(threads, thread) end

marker = os.getenv("BENCH_MARKER") or ""
checked, bad_status, bad_marker, first_bad_status = 0, 0, 0, 0

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 then
    bad_status = bad_status + 1
    if first_bad_status == 0 then first_bad_status = status end
  elseif not string.find(body, marker, 1, true) then
    bad_marker = bad_marker + 1
  end
end

function done(summary, latency, requests)
  local c, s, m, first = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("checked")
    s = s + t:get("bad_status")
    m = m + t:get("bad_marker")
    if first == 0 then first = t:get("first_bad_status") end
  end
  io.write(string.format("CHECK checked=%d bad_status=%d bad_marker=%d first_bad_status=%d\n",
                         c, s, m, first))
end
