-- Virtual keys: only a SHA-256 hash of each key is stored; the key itself is shown once, at creation.
CREATE TABLE virtual_keys (
    id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    tier       VARCHAR(50),
    key_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at VARCHAR(40)  NOT NULL,
    revoked_at VARCHAR(40)
);
