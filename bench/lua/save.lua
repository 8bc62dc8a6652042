-- Chained saves for bench/save-load.sh: run wrk with as many threads as connections, so each thread owns
-- one connection and one agent (an agency's issue, or a ceiling row). Each PUT carries If-Match with the
-- ETag of the previous answer. Every request sent and every 200 acknowledged is logged per agent, so that
-- bench/save_check.py can prove afterwards that each acknowledged save is stored exactly as sent.
-- Environment: BENCH_AGENTS (lines "path<TAB>authorization<TAB>etag<TAB>kind"), BENCH_LOG (a folder).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

function init(args)
  local i = 0
  for line in io.lines(os.getenv("BENCH_AGENTS")) do
    i = i + 1
    if i == index then
      path, auth, etag, kind = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
    end
  end
  log = io.open(os.getenv("BENCH_LOG") .. "/agent-" .. index .. ".log", "w")
  n, acked, refused = 0, 0, 0
end

function request()
  n = n + 1
  local checked = (n % 2 == 0) and '"1.1.B1","1.1.B2"' or '"1.1.B1"'
  if kind == "ceiling" then checked = '"c' .. (n % 2) .. '"' end
  sent = string.format('{"checked":[%s],"explanations":{"Basic":"บันทึกที่ %d ของเอเจนต์ %d"}}', checked, n, index)
  local headers = { ["Content-Type"] = "application/json", ["If-Match"] = etag }
  if auth ~= "" then headers["Authorization"] = auth end
  log:write("SENT\t", etag, "\t", sent, "\n")
  return wrk.format("PUT", path, headers, sent)
end

function response(status, headers, body)
  if status == 200 then
    etag = headers["ETag"] or headers["etag"]
    acked = acked + 1
    log:write("ACK\t", etag, "\t", sent, "\n")
  else
    refused = refused + 1
    log:write("REFUSED\t", status, "\t", sent, "\n")
  end
  log:flush()
end

function done(summary, latency, requests)
  local refusals = 0
  for _, t in ipairs(threads) do refusals = refusals + t:get("refused") end
  io.write(string.format("RESULT requests=%d duration_us=%d p50=%.2f p95=%.2f p99=%.2f non2xx=%d errors=%d refused=%d\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, refusals))
end
