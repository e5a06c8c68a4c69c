-- admin = 1: the key may read the whole dashboard (/ui) and the admin endpoints (gapwise keys create --admin).
ALTER TABLE virtual_keys ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
