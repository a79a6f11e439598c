-- wrk script for make bench: every response must be 200 and contain the
-- marker given in BENCH_MARKER, so an error page cannot look fast. Each wrk
-- thread counts in its own Lua state; done() adds them up and prints one
-- line that scripts/bench.sh reads ("CHECK checked=N bad=M").
local threads = {}
function setup(thread) table.insert(threads, thread) end

marker = os.getenv("BENCH_MARKER") or ""
checked, bad = 0, 0

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, marker, 1, true) then
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
