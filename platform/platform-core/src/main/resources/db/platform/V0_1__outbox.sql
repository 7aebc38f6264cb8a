-- Transactional outbox: a service writes its events here in the same transaction as the state
-- change; the relay publishes them to Kafka and marks them sent (no dual writes).
CREATE TABLE outbox (
    id                uuid        PRIMARY KEY,              -- = the envelope's eventId
    -- publication order: the relay never sends a row while an earlier row with the same key is unsent
    seq               bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
    topic             text        NOT NULL,
    message_key       text        NOT NULL,                 -- = aggregate id (per-aggregate ordering)
    event_type        text        NOT NULL,
    aggregate_id      text        NOT NULL,
    aggregate_version bigint      NOT NULL,
    payload           jsonb       NOT NULL,                 -- the full envelope JSON (the message value)
    headers           jsonb       NOT NULL DEFAULT '{}'::jsonb, -- e.g. traceparent
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_error        text
);

-- what the relay polls: unsent rows in publication order
CREATE INDEX outbox_unsent_idx ON outbox (seq) WHERE sent_at IS NULL;
-- "is an earlier row of this key still unsent?"
CREATE INDEX outbox_unsent_key_idx ON outbox (topic, message_key, seq) WHERE sent_at IS NULL;
-- retention clean-up of sent rows
CREATE INDEX outbox_sent_at_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL;
