-- The load test's mix (scripts/load-test.sh): 200 partners at once, each waiting a moment
-- between clicks (THINK_MS, 0 for a stress test), over the large seed. Out of 20 requests:
-- 7 deal lists, 4 searches, 4 single deals, 4 leaderboards, 1 registration.
dofile("tests/load/report.lua")

local think = tonumber(os.getenv("THINK_MS") or "1000")
local searches = { "caf", "lumi", "hotel", "group", "nord", "tech", "café", "paris" }
local boards = { "segment=all", "segment=type%3Amsp", "segment=region%3AEMEA", "period=quarter&segment=tier%3Agold" }
local references = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

-- Every partner is the demo partner, signed in by the demo mode's fixed token.
local auth = "Bearer demo-token"

local function get(path)
  return wrk.format("GET", path, { ["Accept"] = "application/json", ["Authorization"] = auth })
end

function request()
  counter = counter + 1
  local pick = math.random(20)
  if pick <= 7 then
    return get("/api/v1/deals?limit=25&sort=-updated_at")
  elseif pick <= 11 then
    local q = searches[math.random(#searches)]:gsub("é", "%%C3%%A9")
    return get("/api/v1/deals?limit=25&q=" .. q)
  elseif pick <= 15 then
    -- One of the demo partner's deals this year (the large seed numbers them from 1).
    return get(string.format("/api/v1/deals/DR-%s-%05d", os.date("!%Y"), math.random(1, 40000)))
  elseif pick <= 19 then
    return get("/api/v1/leaderboards/engagement?" .. boards[math.random(#boards)])
  else
    local body = string.format(
      '{"customer_company":"Load test %d-%d","contact":{"name":"Test Contact","email":"test@example.com"},' ..
      '"country":"FR","value":{"amount_minor":1000000,"currency":"EUR"},"expected_close_on":"%s","products":["NW-EDGE"]}',
      id, counter, os.date("!%Y-12-31"))
    return wrk.format("POST", "/api/v1/deals", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = auth,
      ["Idempotency-Key"] = string.format("load-%d-%d-%d", id, counter, os.time()),
    }, body)
  end
end

function delay()
  if think <= 0 then return 0 end
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end
