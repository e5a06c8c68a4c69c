-- Shadow calls (issue 12): after a client's answer is served, the same request sent off the request path to another
-- deployment, its own cost, and the score of the pair. Kept apart from the ledger table so shadow spend never counts
-- against a client's budget or savings. Money in nano-USD as in the ledger; unpriced = 1 when the cost is unknown
-- (such calls are not made, but a judge's reply may lack usage). candidate says which answer was scored against the
-- other: 'served' (the served deployment is the cheaper one) or 'shadow'. Content columns are filled only when
-- shadow.store_content is on and are emptied once expires_ms has passed.
CREATE TABLE shadow_call (
    request_id          VARCHAR(64)  NOT NULL,
    shadow_deployment   VARCHAR(200) NOT NULL,
    at_utc              VARCHAR(40)  NOT NULL,
    day                 VARCHAR(10)  NOT NULL,
    at_ms               BIGINT       NOT NULL,
    key_id              VARCHAR(64),
    tier                VARCHAR(50)  NOT NULL,
    task                VARCHAR(100) NOT NULL,
    sample_share        DOUBLE PRECISION NOT NULL,
    served_deployment   VARCHAR(200) NOT NULL,
    served_model        VARCHAR(200) NOT NULL,
    shadow_model        VARCHAR(200) NOT NULL,
    status              INTEGER      NOT NULL,
    error               VARCHAR(500),
    input_tokens        BIGINT       NOT NULL,
    output_tokens       BIGINT       NOT NULL,
    cost_nano_usd       BIGINT       NOT NULL,
    unpriced            INTEGER      NOT NULL,
    latency_us          BIGINT       NOT NULL,
    candidate           VARCHAR(10),
    acceptable          INTEGER,
    basis               VARCHAR(30),
    similarity          DOUBLE PRECISION,
    judge_score         INTEGER,
    detail              VARCHAR(500),
    judge_deployment    VARCHAR(200),
    judge_cost_nano_usd BIGINT       NOT NULL,
    prompt_json         TEXT,
    served_answer       TEXT,
    shadow_answer       TEXT,
    expires_ms          BIGINT,
    PRIMARY KEY (request_id, shadow_deployment)
);

CREATE INDEX shadow_call_day ON shadow_call (day);
CREATE INDEX shadow_call_task ON shadow_call (task, tier, at_ms);

-- A user's verdict on a served answer (POST /v1/gapwise/feedback): ground truth for the private lag report.
CREATE TABLE shadow_feedback (
    request_id  VARCHAR(64)  NOT NULL,
    at_utc      VARCHAR(40)  NOT NULL,
    key_id      VARCHAR(64),
    score       DOUBLE PRECISION NOT NULL,
    comment     VARCHAR(500),
    PRIMARY KEY (request_id)
);
