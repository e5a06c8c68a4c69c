-- A key's tier is a floor the request may be raised above; tier_fixed = 1 makes it final (the key's owner vouches
-- for its traffic: gapwise keys create --tier-fixed).
ALTER TABLE virtual_keys ADD COLUMN tier_fixed INTEGER NOT NULL DEFAULT 0;
