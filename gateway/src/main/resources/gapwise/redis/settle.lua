-- Ends one reservation: its amount leaves 'reserved', the actual cost joins 'spent', unused tokens go back to the
-- rate limits. Idempotent by reservation id (a retried settle after a lost reply counts once).
-- KEYS: per budget i: its hash and zset; per limit j: its TAT; last: the reservation's done-marker.
-- ARGV: reservation id, budget count, limit count; per budget: actual nano-USD; per limit: period us, amount, refund.
-- Returns {spent after per budget, or '-1' when its counter is gone}; {} when already settled.
local id, nb, nl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
if not redis.call('SET', KEYS[#KEYS], '1', 'NX', 'PX', 86400000) then return {} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local out = {}
for i = 1, nb do
  local h, z = KEYS[2 * i - 1], KEYS[2 * i]
  local amount = redis.call('HGET', h, 'r:' .. id)
  if amount then
    redis.call('HINCRBY', h, 'reserved', -tonumber(amount))
    redis.call('HDEL', h, 'r:' .. id)
  end
  redis.call('ZREM', z, id)
  if redis.call('EXISTS', h) == 1 then
    out[#out + 1] = string.format('%.0f', redis.call('HINCRBY', h, 'spent', ARGV[3 + i]))
  else
    out[#out + 1] = '-1'
  end
end
for j = 1, nl do
  local o = 4 + nb + (j - 1) * 3
  local period, amount, refund = tonumber(ARGV[o]), tonumber(ARGV[o + 1]), tonumber(ARGV[o + 2])
  local key = KEYS[2 * nb + j]
  local tat = tonumber(redis.call('GET', key) or '-1')
  if tat >= 0 and refund ~= 0 then
    local next = math.max(now, tat - refund * period / amount)
    redis.call('SET', key, string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000) + 1000)
  end
end
return out
