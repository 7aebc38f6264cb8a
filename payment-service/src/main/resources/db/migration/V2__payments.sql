-- Payments (issue 11, package io.haat.payment.payment) and the local copy of orders (io.haat.payment.order).
-- Money is integer minor units + the order's currency. The CHECK constraints hold the invariants even if the
-- code were wrong: never more refunded than captured, attempts numbered from 1 and unique per order.

-- What payment-service knows of an order, from orders.order events or order-service's payable look-up. It only
-- moves forward (PENDING -> AWAITING_PAYMENT -> CONFIRMED; CANCELLED is final). A cancellation seen before any
-- other event leaves a row without the money fields.
CREATE TABLE payment_order (
    order_id          text        PRIMARY KEY,
    customer_id       text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'CANCELLED')),
    currency          char(3),
    total_minor       bigint      CHECK (total_minor >= 0),
    seller_orders     jsonb,
    provider          text,
    cod_minor         bigint      CHECK (cod_minor >= 0 AND cod_minor <= total_minor),
    payment_deadline  timestamptz,
    placed_at         timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT payment_order_known_ck CHECK (status = 'CANCELLED'
        OR (currency IS NOT NULL AND total_minor IS NOT NULL AND seller_orders IS NOT NULL AND provider IS NOT NULL
            AND cod_minor IS NOT NULL AND payment_deadline IS NOT NULL))
);

-- One payment = one attempt at paying (part of) an order through one provider.
CREATE TABLE payment (
    id                 uuid        PRIMARY KEY,
    order_id           text        NOT NULL,
    customer_id        text        NOT NULL,
    attempt            int         NOT NULL CHECK (attempt >= 1),
    provider           text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'COD_ACCEPTED', 'CAPTURED', 'FAILED',
                                                               'PARTIALLY_REFUNDED', 'REFUNDED')),
    currency           char(3)     NOT NULL,
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    captured_minor     bigint      NOT NULL DEFAULT 0 CHECK (captured_minor >= 0),
    refunded_minor     bigint      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= captured_minor),
    provider_reference text,
    action             jsonb,
    failure_reason     text,
    failure_message    text,
    created_at         timestamptz NOT NULL,
    settle_by          timestamptz NOT NULL,   -- pending after this: the job asks the provider
    next_check_at      timestamptz NOT NULL,
    captured_at        timestamptz,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0,
    CONSTRAINT payment_attempt_uk UNIQUE (order_id, attempt),
    CONSTRAINT payment_captured_ck CHECK ((status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')) = (captured_minor > 0))
);

CREATE INDEX payment_order_idx ON payment (order_id, attempt);
CREATE UNIQUE INDEX payment_reference_uk ON payment (provider, provider_reference) WHERE provider_reference IS NOT NULL;
CREATE INDEX payment_pending_idx ON payment (next_check_at) WHERE status = 'PENDING';

-- Refunds: requested (in this table) before the provider is called, completed once. The id is the refund id
-- of PaymentRefunded: a UUID for an admin's refund, deterministic for automatic ones (cancel:, late:, over:).
CREATE TABLE payment_refund (
    id                 text        PRIMARY KEY,
    payment_id         uuid        NOT NULL REFERENCES payment (id),
    order_id           text        NOT NULL,
    currency           char(3)     NOT NULL,
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    reason             text        NOT NULL,
    seller_order_id    text,                  -- a seller order's cancellation: taken from it alone
    note               text,
    status             text        NOT NULL CHECK (status IN ('REQUESTED', 'REFUNDED', 'MANUAL', 'REFUSED')),
    provider_refund_id text,
    failure            text,
    attempts           int         NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    created_at         timestamptz NOT NULL,
    completed_at       timestamptz
);

CREATE INDEX payment_refund_payment_idx ON payment_refund (payment_id);
CREATE INDEX payment_refund_requested_idx ON payment_refund (next_attempt_at) WHERE status = 'REQUESTED';

-- Verified webhook notifications, stored before they are answered and settled by a worker afterwards.
CREATE TABLE webhook_inbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider        text        NOT NULL,
    event_id        text,
    event_type      text        NOT NULL,
    reference       text        NOT NULL,
    received_at     timestamptz NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    processed_at    timestamptz,
    outcome         text
);

CREATE UNIQUE INDEX webhook_inbox_event_uk ON webhook_inbox (provider, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX webhook_inbox_due_idx ON webhook_inbox (next_attempt_at) WHERE processed_at IS NULL;
