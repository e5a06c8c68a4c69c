-- One row per upstream attempt (retries and fallbacks included). Portable SQL: runs on SQLite and PostgreSQL.
-- Money is kept as whole billionths of a US dollar (nano-USD) so sums stay exact on both databases.
CREATE TABLE ledger (
    request_id          VARCHAR(64)  NOT NULL,
    attempt             INTEGER      NOT NULL,
    at_utc              VARCHAR(40)  NOT NULL,
    day                 VARCHAR(10)  NOT NULL,
    key_id              VARCHAR(64),
    ingress             VARCHAR(16)  NOT NULL,
    requested_model     VARCHAR(200) NOT NULL,
    served_model        VARCHAR(200) NOT NULL,
    deployment          VARCHAR(200) NOT NULL,
    provider            VARCHAR(100) NOT NULL,
    tier                VARCHAR(50)  NOT NULL,
    reason              VARCHAR(500) NOT NULL,
    status              INTEGER      NOT NULL,
    error_class         VARCHAR(50),
    input_tokens        BIGINT       NOT NULL,
    output_tokens       BIGINT       NOT NULL,
    tokens_estimated    INTEGER      NOT NULL,
    cost_nano_usd       BIGINT       NOT NULL,
    baseline_deployment VARCHAR(200),
    baseline_nano_usd   BIGINT       NOT NULL,
    latency_us          BIGINT       NOT NULL,
    ttft_us             BIGINT,
    PRIMARY KEY (request_id, attempt)
);

CREATE INDEX ledger_day ON ledger (day);
