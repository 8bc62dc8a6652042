-- One editor per wrk thread (run wrk with as many threads as connections) for bench/deadline-day.sh.
-- An editor types, and the page autosaves its issue every THINK_SAVE seconds (PUT with If-Match, the ETag chained from
-- each answer); now and then (PAGE_SHARE of its actions) it opens a page of its assessment instead, after a shorter
-- pause. When its coordinator has told the team to stop (a file named after the assessment in BENCH_STOP), it saves
-- no more and opens a page of it now and then (every 30-60 s with the default THINK_SAVE). Every request's wall-clock latency is logged (LuaJIT's ffi clock_gettime), because wrk's own
-- histogram mixes saves with page reads and counts an editor idle in its think time as a timeout.
-- Environment: BENCH_AGENTS (a folder of agent-<i>.in files: savePath, authorization, etag, kind, issue, cookie,
-- page paths separated by spaces, stop key; tab-separated), BENCH_LOG (a folder), THINK_SAVE ("min,max" seconds),
-- THINK_PAGE ("min,max" seconds), PAGE_SHARE (0..1), BENCH_STOP (a folder, optional), BENCH_T0 (the run's start in
-- CLOCK_MONOTONIC milliseconds, so that each logged request carries its second of the run).
local ffi = require("ffi")
ffi.cdef [[ typedef struct { long tv_sec; long tv_nsec; } deadline_timespec; int clock_gettime(int, deadline_timespec *); ]]
local clock = ffi.new("deadline_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

local function range(name, default)
  local lo, hi = (os.getenv(name) or default):match("^([%d.]+),([%d.]+)$")
  return tonumber(lo) * 1000, tonumber(hi) * 1000
end

function init(args)
  local line = io.open(os.getenv("BENCH_AGENTS") .. "/agent-" .. index .. ".in"):read("*l")
  local pages
  path, auth, etag, kind, issue, cookie, pages, stop_key = line:match(
    "^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
  page_paths = {}
  for p in pages:gmatch("%S+") do table.insert(page_paths, p) end
  save_lo, save_hi = range("THINK_SAVE", "15,30")
  page_lo, page_hi = range("THINK_PAGE", "3,8")
  page_share = tonumber(os.getenv("PAGE_SHARE") or "0.25")
  stop_dir = os.getenv("BENCH_STOP")
  log = io.open(os.getenv("BENCH_LOG") .. "/agent-" .. index .. ".log", "w")
  math.randomseed(index * 7919)
  n, acked, refused, stopped, first = 0, 0, 0, false, true
  next_is_page = false
end

local function told_to_stop()
  if stopped or not stop_dir or stop_key == "" then return stopped end
  local f = io.open(stop_dir .. "/" .. stop_key)
  if f then f:close(); stopped = true end
  return stopped
end

function delay()
  if first then -- editors start at random moments of one save interval, not all at once
    first = false
    next_is_page = false
    return math.random(0, save_hi)
  end
  if told_to_stop() then -- submitted: the editor looks at the assessment now and then, twice a save interval apart
    next_is_page = true
    return math.random(2 * save_lo, 2 * save_hi)
  end
  next_is_page = math.random() < page_share
  if next_is_page then return math.random(page_lo, page_hi) end
  return math.random(save_lo, save_hi)
end

function request()
  started = now_ms()
  if next_is_page then
    what = "page"
    local headers = {}
    if cookie ~= "" then headers["Cookie"] = cookie end
    return wrk.format("GET", page_paths[math.random(#page_paths)], headers)
  end
  what = "save"
  n = n + 1
  local checked = (n % 2 == 0) and string.format('"%s.B1","%s.B2"', issue, issue) or string.format('"%s.B1"', issue)
  if kind == "ceiling" then checked = '"c' .. (n % 2) .. '"' end
  sent = string.format('{"checked":[%s],"explanations":{"Basic":"บันทึกอัตโนมัติครั้งที่ %d ของผู้แก้ไข %d"}}', checked, n, index)
  local headers = { ["Content-Type"] = "application/json", ["If-Match"] = etag }
  if auth ~= "" then headers["Authorization"] = auth end
  log:write("SENT\t", etag, "\t", sent, "\n")
  return wrk.format("PUT", path, headers, sent)
end

function response(status, headers, body)
  local ms = now_ms() - started
  if t0 == nil then t0 = tonumber(os.getenv("BENCH_T0") or "0") end
  log:write(string.format("LAT\t%s\t%d\t%.3f\t%.0f\n", what, status, ms, (started - t0) / 1000))
  if what == "save" then
    if status == 200 then
      etag = headers["ETag"] or headers["etag"]
      acked = acked + 1
      log:write("ACK\t", etag, "\t", sent, "\n")
    else
      refused = refused + 1
      log:write("REFUSED\t", status, "\t", sent, "\n")
    end
  end
  log:flush()
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d connect_errors=%d read_errors=%d write_errors=%d status_errors=%d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status))
end
