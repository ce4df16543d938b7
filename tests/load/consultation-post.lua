-- wrk script: POSTs valid consultation requests, each with a fresh idempotency key, so every request is a
-- real insert (request + two outbox rows in one transaction). The antiforgery token, its cookie and the
-- protected form-start token come from one GET of the form made by consultation-post.sh; antiforgery tokens
-- are not single-use, so every connection may reuse them.
-- With a think time, each connection waits a random time (exponential, that mean) before each request, like
-- people who do not all press Send at once: the run then measures latency at that offered load, not at saturation.
--   wrk ... -s consultation-post.lua URL -- "<hidden fields, url-encoded, without IdempotencyKey>" "<Cookie header>" <max requests per thread> [mean think time, ms]
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
    think_ms = tonumber(args[4] or "0")
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

function delay()
    if think_ms <= 0 then
        return 0
    end
    return math.floor(-think_ms * math.log(1 - math.random()))
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
