-- the "effect" of the messaging tests' idempotent consumer: deliberately no unique constraint, so a
-- second application of the same event would show up as a second row
CREATE TABLE test_effect (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id uuid   NOT NULL,
    note     text   NOT NULL
);
