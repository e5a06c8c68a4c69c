-- The routing decision behind each request: tier and its source, complexity, why deployments were eligible or
-- not, and the choice. One text per request, repeated on each of its attempts.
ALTER TABLE ledger ADD COLUMN decision VARCHAR(4000) NOT NULL DEFAULT '';
