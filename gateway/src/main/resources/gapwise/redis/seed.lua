-- Creates a budget window's counter with the spend the ledger holds, unless another instance already did.
-- KEYS: the window's hash, its zset. ARGV: spent nano-USD, window end ms (0: never). Returns the spend in force.
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'spent', ARGV[1], 'reserved', '0')
  local ends = tonumber(ARGV[2])
  if ends > 0 then redis.call('PEXPIREAT', KEYS[1], ends + 86400000) end
end
return redis.call('HGET', KEYS[1], 'spent')
