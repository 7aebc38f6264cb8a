-- Idempotent consumer: one row per event a consumer group has applied, inserted in the same
-- transaction as the effect, so a redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    consumer_group text        NOT NULL,
    event_id       uuid        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);
