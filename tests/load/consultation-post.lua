-- wrk script: POSTs valid consultation requests, each with a fresh idempotency key, so every request is a
-- real insert (request + two outbox rows in one transaction). The antiforgery token, its cookie and the
-- protected form-start token come from one GET of the form made by consultation-post.sh; antiforgery tokens
-- are not single-use, so every connection may reuse them.
-- With a rate, each wrk thread sends at that many requests per second on average, at random moments (Poisson
-- arrivals, like people who do not all press Send at once) whatever the responses take: the run then measures
-- latency at that offered load, not at saturation, where latency is only connections / throughput.
--   wrk ... -s consultation-post.lua URL -- "<hidden fields, url-encoded, without IdempotencyKey>" "<Cookie header>" <max requests per thread> [requests per second per thread]
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } clinic_timespec;
  int clock_gettime(int clock, clinic_timespec *now);
]]
local clock_now = ffi.new("clinic_timespec")
local CLOCK_MONOTONIC = 1

local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, clock_now)
    return tonumber(clock_now.tv_sec) * 1000 + tonumber(clock_now.tv_nsec) / 1e6
end

local threads = {}
local counter = 1

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

function init(args)
    hidden = args[1]
    cookie = args[2]
    max_requests = tonumber(args[3] or "100000")
    rate = tonumber(args[4] or "0")
    next_send = nil
    sent = 0
    confirmed = 0
    other = 0
    math.randomseed(os.time() * 1000 + id)
    fields = "&FirstName=Avery&LastName=Quinn&Email=avery.quinn%40example.com&Phone=%28312%29+555-0199"
        .. "&PreferredContact=TextMessage&State=IL&HelpWith=Anxiety+that+has+not+eased+with+two+SSRIs."
        .. "&Consent=true&IsAdult=true"
end

local function uuid()
    return string.format("%08x-%04x-4%03x-%04x-%04x%08x",
        math.random(0, 0xffffffff), math.random(0, 0xffff), math.random(0, 0xfff),
        0x8000 + math.random(0, 0x3fff), math.random(0, 0xffff), math.random(0, 0xffffffff))
end

-- The time until this thread's next send: its schedule advances by an exponential gap (mean 1000 / rate ms)
-- per request; a send that is late goes at once.
function delay()
    if rate <= 0 then
        return 0
    end
    local now = now_ms()
    next_send = (next_send or now) - 1000 / rate * math.log(1 - math.random())
    return math.max(0, math.floor(next_send - now))
end

function request()
    sent = sent + 1
    local body = hidden .. "&IdempotencyKey=" .. uuid() .. fields
    return wrk.format("POST", "/consultation", {
        ["Content-Type"] = "application/x-www-form-urlencoded",
        ["Cookie"] = cookie,
    }, body)
end

-- Only a 302 to the confirmation page is a success; a 200 would be the form shown again with errors.
function response(status, headers, body)
    local location = headers["Location"] or headers["location"] or ""
    if status == 302 and string.find(location, "/consultation/received/", 1, true) == 1 then
        confirmed = confirmed + 1
    else
        other = other + 1
    end
    if confirmed + other >= max_requests then
        wrk.thread:stop()
    end
end

function done(summary, latency, requests)
    local ok, bad = 0, 0
    for _, thread in ipairs(threads) do
        ok = ok + thread:get("confirmed")
        bad = bad + thread:get("other")
    end
    io.write(string.format("Confirmations (302 to /consultation/received/): %d\n", ok))
    io.write(string.format("Other responses: %d\n", bad))
end
