-- Plain GETs for bench/save-load.sh; prints the figures the script tabulates (latency in ms).
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d p50=%.2f p95=%.2f p99=%.2f non2xx=%d errors=%d refused=0\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
