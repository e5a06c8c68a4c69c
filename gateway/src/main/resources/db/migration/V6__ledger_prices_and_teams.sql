-- Every billed token at its own price: cache reads and writes apart from input (input_tokens is now the part at the
-- full input rate), reasoning tokens (a part of output_tokens). The key's team at the time of the request, the start
-- instant in epoch milliseconds (budget windows are summed by it; rows written before this migration have 0 and are
-- summed by at_utc), and unpriced = 1 when the deployment had no price: the cost is unknown, not zero.
ALTER TABLE ledger ADD COLUMN cache_read_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN cache_write_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN reasoning_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN team VARCHAR(200);
ALTER TABLE ledger ADD COLUMN at_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN unpriced INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ledger_key_at ON ledger (key_id, at_ms);
CREATE INDEX ledger_team_at ON ledger (team, at_ms);
