-- Reads budget windows, reclaiming expired reservations first.
-- Uses reclaim() from reclaim.lua.
-- KEYS: per window its hash and zset. Returns per window {spent, reserved}, or {'-1', '-1'} when it does not exist.
local t = redis.call('TIME')
local nowMs = math.floor((tonumber(t[1]) * 1000000 + tonumber(t[2])) / 1000)
local out = {}
for i = 1, #KEYS / 2 do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  if redis.call('EXISTS', h) == 0 then
    out[#out + 1] = '-1'
    out[#out + 1] = '-1'
  else
    reclaim(h, z, nowMs)
    out[#out + 1] = redis.call('HGET', h, 'spent') or '0'
    out[#out + 1] = redis.call('HGET', h, 'reserved') or '0'
  end
end
return out
