-- wrk script for scripts/bench-web: GET requests with a session cookie,
-- either to one fixed path or to course ids taken round-robin from a file.
--
--   wrk ... -s tests/bench/web.lua URL -- COOKIE fixed PATH
--   wrk ... -s tests/bench/web.lua URL -- COOKIE ids FILE PREFIX [SUFFIX]
--
-- FILE holds one course id per line; each thread starts at its own offset
-- so the threads do not ask for the same course at the same time.
-- done() prints one machine-readable line:
--   BENCH requests=N duration_us=N rps=N p50_us=N p90_us=N p99_us=N
--         max_us=N non2xx=N errors=N
-- non2xx is wrk's own count of responses with status >= 400. There is no
-- response() callback on purpose: with one, wrk copies every header and
-- body into Lua, which costs the load generator (sharing the machine with
-- the server) several per cent of throughput. A 3xx could only be the
-- redirect to the log-in page; scripts/bench-web checks after each run
-- that the session still gets 200, so none happened.

local next_id = 1

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

local requests = {}
local count = 0
local pos = 0

function init(args)
    local cookie, mode = args[1], args[2]
    if not cookie or (mode ~= "fixed" and mode ~= "ids") then
        error("usage: -- COOKIE fixed PATH | -- COOKIE ids FILE PREFIX [SUFFIX]")
    end
    wrk.headers["Cookie"] = cookie
    if mode == "fixed" then
        requests[1] = wrk.format("GET", args[3])
    else
        local f = assert(io.open(args[3], "r"))
        local prefix, suffix = args[4] or "", args[5] or ""
        for line in f:lines() do
            if line:match("^%d+$") then
                requests[#requests + 1] = wrk.format("GET", prefix .. line .. suffix)
            end
        end
        f:close()
    end
    count = #requests
    if count == 0 then
        error("no course ids in " .. tostring(args[3]))
    end
    -- spread the threads over the list
    pos = ((id - 1) * math.floor(count / 2 + 1)) % count
end

function request()
    pos = pos % count + 1
    return requests[pos]
end

function done(summary, latency, requests_unused)
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout
    local rps = summary.requests / (summary.duration / 1e6)
    io.write(string.format(
        "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d " ..
        "p99_us=%d max_us=%d non2xx=%d errors=%d\n",
        summary.requests, summary.duration, rps,
        latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency.max, e.status, errors))
end
