-- wrk script: print the figures the benchmark table needs as one JSON line.
-- Optional: wrk.headers["Cookie"] is set from the BENCH_COOKIE environment value.
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50": %d, "p95": %d, ' ..
    '"p99": %d, "max": %d}\n',
    summary.requests, summary.duration, errors.connect, errors.read,
    errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
