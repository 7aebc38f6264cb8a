-- Order-service part 2 (issue 12): cash collected on delivery, refund requests of returns and disputes, refunds a
-- provider settles later.

-- One row per delivery whose cash was collected (CashCollected), applied once per delivery id: that part of the
-- order's cash-on-delivery payment is captured in the ledger (cod:<deliveryId>). A seller order cancelled before its
-- cash was collected gets a waived row (delivery_id 'cancelled:<sellerOrderId>', nothing captured): its cash will never
-- come. The payment stays COD_ACCEPTED (partially collected) until its rows add up to its amount, then it is CAPTURED
-- for what was collected (or FAILED COD_NOT_COLLECTED if all of it was waived).
CREATE TABLE cod_collection (
    delivery_id     text        PRIMARY KEY,
    payment_id      uuid        NOT NULL REFERENCES payment (id),
    order_id        text        NOT NULL,
    seller_order_id text        NOT NULL,
    currency        char(3)     NOT NULL,
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    waived          boolean     NOT NULL DEFAULT false,
    collected_at    timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL
);

CREATE INDEX cod_collection_payment_idx ON cod_collection (payment_id, seller_order_id);

-- RefundRequested (a received return, a dispute resolved for the customer), once per request id. ACCEPTED: its
-- refunds are recorded in payment_refund (request_id); FAILED: it could not be covered (more than the seller orders
-- hold or the payments can give back) and nothing was refunded — admins see it (GET /admin/refund-requests).
CREATE TABLE refund_request (
    request_id    text        PRIMARY KEY,
    order_id      text        NOT NULL,
    customer_id   text,
    currency      char(3)     NOT NULL,
    amount_minor  bigint      NOT NULL CHECK (amount_minor > 0),
    reason        text        NOT NULL,
    seller_orders jsonb       NOT NULL,
    status        text        NOT NULL CHECK (status IN ('ACCEPTED', 'FAILED')),
    failure       text,
    requested_at  timestamptz NOT NULL,
    recorded_at   timestamptz NOT NULL,
    CONSTRAINT refund_request_failure_ck CHECK ((status = 'FAILED') = (failure IS NOT NULL))
);

CREATE INDEX refund_request_status_idx ON refund_request (status, recorded_at);

ALTER TABLE payment_refund ADD COLUMN request_id text REFERENCES refund_request (request_id);
CREATE INDEX payment_refund_request_idx ON payment_refund (request_id) WHERE request_id IS NOT NULL;

-- PENDING: the provider accepted the refund and settles it later. It holds the money back from further refunds
-- like REQUESTED, but is neither published (PaymentRefunded) nor posted to the ledger until the provider reports it
-- settled (the payments job asks it, by the provider's refund id); a provider failure then ends it FAILED.
ALTER TABLE payment_refund DROP CONSTRAINT payment_refund_status_check;
ALTER TABLE payment_refund ADD CONSTRAINT payment_refund_status_check
    CHECK (status IN ('REQUESTED', 'PENDING', 'REFUNDED', 'MANUAL', 'REFUSED', 'FAILED'));
DROP INDEX payment_refund_requested_idx;
CREATE INDEX payment_refund_requested_idx ON payment_refund (next_attempt_at) WHERE status IN ('REQUESTED', 'PENDING');
