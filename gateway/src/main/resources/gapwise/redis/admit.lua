-- Admits one attempt against every budget window and rate limit it touches, all or nothing, in one step.
-- KEYS: per budget i: its hash (spent, reserved, r:<reservation> = amount) and its zset (reservation -> expiry ms);
--       then per limit j: its TAT (theoretical arrival time, microseconds).
-- ARGV: reservation id, ttl ms, budget count, limit count;
--       per budget: limit nano-USD, hard (1|0), amount nano-USD, window end ms (0: never);
--       per limit: period us, amount, cost.
-- Uses reclaim() from reclaim.lua.
-- Returns {'unseeded', i...} | {'over', i, spent, reserved} | {'oversized', j} | {'throttled', j, wait us, levels...}
--       | {'ok', spent1, reserved1, ..., remaining1, reset1, ...}. Numbers go back as strings (doubles stay exact).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local nowMs = math.floor(now / 1000)
local id, ttl, nb, nl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local function s(x) return string.format('%.0f', x) end

local missing = {'unseeded'}
for i = 1, nb do
  if redis.call('EXISTS', KEYS[2 * i - 1]) == 0 then missing[#missing + 1] = tostring(i) end
end
if #missing > 1 then return missing end

local spent, reserved = {}, {}
for i = 1, nb do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  reclaim(h, z, nowMs)
  spent[i] = tonumber(redis.call('HGET', h, 'spent') or '0')
  reserved[i] = tonumber(redis.call('HGET', h, 'reserved') or '0')
  local o = 5 + (i - 1) * 4
  local limit, hard, amount = tonumber(ARGV[o]), ARGV[o + 1] == '1', tonumber(ARGV[o + 2])
  if (hard and spent[i] + reserved[i] + amount > limit) or ((not hard) and spent[i] >= limit) then
    return {'over', tostring(i), s(spent[i]), s(reserved[i])}
  end
end

local lo = 5 + nb * 4
local tats, levels, worst, longest = {}, {}, 0, -1
for j = 1, nl do
  local o = lo + (j - 1) * 3
  local period, amount, cost = tonumber(ARGV[o]), tonumber(ARGV[o + 1]), tonumber(ARGV[o + 2])
  if cost > amount then return {'oversized', tostring(j)} end
  local emission = period / amount
  local tat = tonumber(redis.call('GET', KEYS[2 * nb + j]) or '0')
  if tat < now then tat = now end
  local ahead = tat - now
  levels[#levels + 1] = s(math.max(0, math.min(amount, math.floor((period - ahead + 0.5) / emission))))
  levels[#levels + 1] = s(math.ceil(ahead))
  tats[j] = tat + cost * emission
  if tats[j] - now > period + 0.5 then
    local wait = math.ceil(tats[j] - period - now)
    if wait > longest then longest, worst = wait, j end
  end
end
if worst > 0 then
  local out = {'throttled', tostring(worst), s(longest)}
  for _, v in ipairs(levels) do out[#out + 1] = v end
  return out
end

local out = {'ok'}
for i = 1, nb do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  local o = 5 + (i - 1) * 4
  local amount, ends = ARGV[o + 2], tonumber(ARGV[o + 3])
  redis.call('HINCRBY', h, 'reserved', amount)
  redis.call('HINCRBY', h, 'r:' .. id, amount)
  redis.call('ZADD', z, nowMs + ttl, id)
  if ends > 0 then
    redis.call('PEXPIREAT', h, ends + 86400000)
    redis.call('PEXPIREAT', z, ends + 86400000)
  end
  out[#out + 1] = s(spent[i])
  out[#out + 1] = s(reserved[i] + tonumber(amount))
end
for j = 1, nl do
  local o = lo + (j - 1) * 3
  local period, amount = tonumber(ARGV[o]), tonumber(ARGV[o + 1])
  local ahead = tats[j] - now
  redis.call('SET', KEYS[2 * nb + j], s(tats[j]), 'PX', math.ceil(ahead / 1000) + 1000)
  out[#out + 1] = s(math.max(0, math.min(amount, math.floor((period - ahead + 0.5) / (period / amount)))))
  out[#out + 1] = s(math.ceil(ahead))
end
return out
