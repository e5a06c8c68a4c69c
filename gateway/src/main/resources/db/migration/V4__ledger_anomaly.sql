-- What was implausible about an attempt's row and what was recorded instead (e.g. an upstream reporting 10^17
-- tokens, clamped); NULL when nothing was.
ALTER TABLE ledger ADD COLUMN anomaly VARCHAR(500);
