-- How every wrk run of scripts/load-test.sh reports: one RESULT line of JSON.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.1f,"p50_ms":%.1f,"p90_ms":%.1f,"p99_ms":%.1f,"max_ms":%.1f,"non_2xx":%d,"socket_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write, e.timeout))
end
