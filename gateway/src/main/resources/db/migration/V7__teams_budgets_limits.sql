-- Teams (named groups of keys; a key belongs to at most one), budgets on keys and teams (optionally on one model or
-- deployment within them) and the rate limits of single keys and teams. A running gateway reloads them every 2 s.
CREATE TABLE teams (
    name       VARCHAR(200) NOT NULL PRIMARY KEY,
    created_at VARCHAR(40)  NOT NULL
);

CREATE TABLE team_members (
    key_id VARCHAR(40)  NOT NULL PRIMARY KEY,
    team   VARCHAR(200) NOT NULL
);

-- amount in nano-USD like the ledger; period day | month | lifetime; hard = 1 refuses before the provider call,
-- 0 (soft) lets the crossing request complete; target '' = all spend, else a model id or deployment id.
CREATE TABLE budgets (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    scope           VARCHAR(10)  NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    target          VARCHAR(200) NOT NULL DEFAULT '',
    period          VARCHAR(10)  NOT NULL,
    amount_nano_usd BIGINT       NOT NULL,
    hard            INTEGER      NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    created_at      VARCHAR(40)  NOT NULL,
    UNIQUE (scope, subject, target, period)
);

-- metric requests | tokens; at most amount per period_seconds.
CREATE TABLE rate_limits (
    scope          VARCHAR(10)  NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    metric         VARCHAR(10)  NOT NULL,
    period_seconds BIGINT       NOT NULL,
    amount         BIGINT       NOT NULL,
    PRIMARY KEY (scope, subject, metric, period_seconds)
);
