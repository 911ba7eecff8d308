-- wrk script: rotates over the request paths in the file given after "--" (one per line), counts the
-- page cache's answers from the X-Page-Cache header (hit, miss, none), and prints one JSON line with
-- throughput, latency percentiles (ms), errors and those counts at the end.

local threads = {}
local paths = {}
local counter = 0
hits, misses, uncached = 0, 0, 0

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if line ~= "" then table.insert(paths, line) end
    end
  end
  -- Each thread starts elsewhere in the list, so the connections do not walk it in step.
  counter = id * 7
end

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  local answer = headers["X-Page-Cache"] or headers["x-page-cache"]
  if answer == "hit" then
    hits = hits + 1
  elseif answer == "miss" then
    misses = misses + 1
  else
    uncached = uncached + 1
  end
end

function done(summary, latency, requests)
  local h, m, u = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
    u = u + thread:get("uncached")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "bytes": %d, ' ..
    '"p50_ms": %.2f, "p90_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"cache": {"hit": %d, "miss": %d, "none": %d}}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.status, e.timeout, h, m, u))
end
