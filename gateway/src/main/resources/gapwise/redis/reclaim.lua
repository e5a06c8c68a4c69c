-- Shared by the scripts that read budget windows (prepended to each when it is loaded): reclaims the reservations
-- of window hash h whose expiry (in zset z) is at or before nowMs, taking their amounts out of 'reserved'.
local function reclaim(h, z, nowMs)
  for _, old in ipairs(redis.call('ZRANGEBYSCORE', z, '-inf', nowMs)) do
    local amount = redis.call('HGET', h, 'r:' .. old)
    if amount then
      redis.call('HINCRBY', h, 'reserved', -tonumber(amount))
      redis.call('HDEL', h, 'r:' .. old)
    end
    redis.call('ZREM', z, old)
  end
end
