-- Responses API turns kept for previous_response_id, GET and DELETE /v1/responses/{id}: one row per stored
-- response, owned by the virtual key that created it ('' when keys are off), removed after its retention.
-- input_items is this turn's input (a JSON array of items with ids), response the response object as sent.
CREATE TABLE stored_responses (
    id            VARCHAR(64) NOT NULL PRIMARY KEY,
    key_id        VARCHAR(40) NOT NULL,
    previous_id   VARCHAR(64),
    created_at_ms BIGINT      NOT NULL,
    expires_at_ms BIGINT      NOT NULL,
    input_items   TEXT        NOT NULL,
    response      TEXT        NOT NULL
);

CREATE INDEX stored_responses_expiry ON stored_responses (expires_at_ms);
