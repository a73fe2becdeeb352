-- wrk's script for the cone loads of bench/scs: a C load generator, where the Python clients took a share of
-- the two cores themselves. Each request is the next cone of a list of request paths (one a line, written by
-- bench/scs from benchclient.cone_centres, so the cones are those of the Python clients); thread t of T takes
-- cones t, t+T, t+2T, ... and starts its share again when it is through, until wrk's duration ends.
-- Every answer must be a 200 with a TABLE; done() prints one line of key=value figures for bench/scs.
-- Usage: wrk -t T -c C -d SECONDS -s bench/cones.lua http://host:port -- PATHS_FILE T

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local step, i = tonumber(args[2]), 0
  paths = {}
  for line in io.lines(args[1]) do
    if i % step == id then
      table.insert(paths, line)
    end
    i = i + 1
  end
  sent, answered, rows, failures, first_failure = 0, 0, 0, 0, ""
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) % #paths + 1])
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 or not body:find("<TABLE", 1, true) then
    failures = failures + 1
    if first_failure == "" then
      first_failure = status .. " " .. body:sub(1, 200):gsub("%s+", " ")
    end
  end
  local _, n = body:gsub("<TR>", "")
  rows = rows + n
end

function done(summary, latency, requests)
  local answered_all, rows_all, failures_all, first = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    answered_all = answered_all + t:get("answered")
    rows_all = rows_all + t:get("rows")
    failures_all = failures_all + t:get("failures")
    if first == "" then
      first = t:get("first_failure")
    end
  end
  local e = summary.errors
  io.write(string.format("answered=%d rows=%d failures=%d seconds=%.6f p50_us=%d p99_us=%d errors=%d first_failure=%s\n",
    answered_all, rows_all, failures_all, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout, first))
end
