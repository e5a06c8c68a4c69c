-- Reads budget windows, reclaiming expired reservations first.
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
    for _, old in ipairs(redis.call('ZRANGEBYSCORE', z, '-inf', nowMs)) do
      local amount = redis.call('HGET', h, 'r:' .. old)
      if amount then
        redis.call('HINCRBY', h, 'reserved', -tonumber(amount))
        redis.call('HDEL', h, 'r:' .. old)
      end
      redis.call('ZREM', z, old)
    end
    out[#out + 1] = redis.call('HGET', h, 'spent') or '0'
    out[#out + 1] = redis.call('HGET', h, 'reserved') or '0'
  end
end
return out
