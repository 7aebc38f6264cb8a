-- the observable effect of the idempotency tests' endpoint
CREATE TABLE test_order (
    id         UUID PRIMARY KEY,
    reference  VARCHAR(100) NOT NULL,
    owner      VARCHAR(100) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
