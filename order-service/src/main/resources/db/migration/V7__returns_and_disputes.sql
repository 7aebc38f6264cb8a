-- Returns and disputes (issue 12). The aggregates (io.haat.order.returns.ReturnRequest, io.haat.order.dispute.Dispute)
-- decide every status; these constraints refuse what the code must never write.

-- A store's return policy; a store without a row has the configured defaults.
CREATE TABLE store_return_policy (
    store_id        text PRIMARY KEY,
    window_days     integer     NOT NULL CHECK (window_days BETWEEN 0 AND 365),
    shipping_refund text        NOT NULL CHECK (shipping_refund IN ('NEVER', 'SELLER_FAULT', 'ALWAYS')),
    updated_at      timestamptz NOT NULL
);

CREATE TABLE return_request (
    id              uuid PRIMARY KEY,
    order_id        uuid        NOT NULL REFERENCES customer_order (id),
    seller_order_id uuid        NOT NULL REFERENCES seller_order (id),
    store_id        text        NOT NULL,
    seller_id       text        NOT NULL,
    customer_id     uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED', 'REFUNDED')),
    reason          text        NOT NULL,
    comment         text CHECK (length(comment) <= 2000),
    lines           jsonb       NOT NULL,
    currency        char(3)     NOT NULL,
    shipping        bigint      NOT NULL CHECK (shipping >= 0),
    refund          bigint      NOT NULL CHECK (refund >= 0),
    refunded        bigint      NOT NULL CHECK (refunded >= 0),
    refund_ids      jsonb       NOT NULL,
    rejection       text,
    approve_by      timestamptz NOT NULL,
    photos          integer     NOT NULL CHECK (photos BETWEEN 0 AND 5),
    requested_at    timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL,
    CHECK ((status = 'REJECTED') = (rejection IS NOT NULL))
);
-- one open return per seller order (the seller order's own status says the same)
CREATE UNIQUE INDEX return_request_open ON return_request (seller_order_id)
    WHERE status IN ('REQUESTED', 'APPROVED', 'RECEIVED');
CREATE INDEX return_request_due ON return_request (approve_by) WHERE status = 'REQUESTED';
CREATE INDEX return_request_store ON return_request (store_id, requested_at DESC);
CREATE INDEX return_request_customer ON return_request (customer_id, requested_at DESC);

-- Photos of a return, re-encoded without metadata, served only to the customer, the store's seller and admins.
CREATE TABLE return_photo (
    return_id    uuid    NOT NULL REFERENCES return_request (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position BETWEEN 0 AND 4),
    content_type text    NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    bytes        bytea   NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 5242880),
    PRIMARY KEY (return_id, position)
);

-- Refunds asked of payment-service (RefundRequested), per seller order: what is promised and not yet refunded still
-- counts against what a seller order may give back.
CREATE TABLE refund_request (
    request_id      text        NOT NULL,
    seller_order_id uuid        NOT NULL REFERENCES seller_order (id),
    order_id        uuid        NOT NULL REFERENCES customer_order (id),
    amount          bigint      NOT NULL CHECK (amount > 0),
    requested_at    timestamptz NOT NULL,
    PRIMARY KEY (request_id, seller_order_id)
);
CREATE INDEX refund_request_seller_order ON refund_request (seller_order_id);

-- Every refund payment-service reported (PaymentRefunded), per seller order, with the request it carried out if any.
CREATE TABLE seller_order_refund (
    refund_id       text   NOT NULL,
    seller_order_id uuid   NOT NULL,
    request_id      text,
    amount          bigint NOT NULL CHECK (amount > 0),
    PRIMARY KEY (refund_id, seller_order_id)
);
CREATE INDEX seller_order_refund_seller_order ON seller_order_refund (seller_order_id);
CREATE INDEX seller_order_refund_request ON seller_order_refund (request_id) WHERE request_id IS NOT NULL;

CREATE TABLE dispute (
    id              uuid PRIMARY KEY,
    order_id        uuid        NOT NULL REFERENCES customer_order (id),
    return_id       uuid REFERENCES return_request (id),
    seller_order_id uuid        NOT NULL REFERENCES seller_order (id),
    store_id        text        NOT NULL,
    seller_id       text        NOT NULL,
    customer_id     uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    outcome         text CHECK (outcome IN ('FULL_REFUND', 'PARTIAL_REFUND', 'REJECTED')),
    currency        char(3)     NOT NULL,
    refund          bigint CHECK (refund >= 0),
    refunded        bigint      NOT NULL CHECK (refunded >= 0),
    refund_ids      jsonb       NOT NULL,
    resolution_note text,
    resolved_by     text,
    opened_at       timestamptz NOT NULL,
    resolved_at     timestamptz,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL,
    CHECK ((status = 'RESOLVED') = (outcome IS NOT NULL AND resolved_at IS NOT NULL AND refund IS NOT NULL))
);
-- one open dispute per return, and per order for disputes not about a return
CREATE UNIQUE INDEX dispute_open_return ON dispute (return_id) WHERE status = 'OPEN' AND return_id IS NOT NULL;
CREATE UNIQUE INDEX dispute_open_order ON dispute (order_id) WHERE status = 'OPEN' AND return_id IS NULL;
CREATE INDEX dispute_status ON dispute (status, opened_at DESC);
CREATE INDEX dispute_seller_order ON dispute (seller_order_id) WHERE status = 'OPEN';

CREATE TABLE dispute_message (
    id          uuid PRIMARY KEY,
    dispute_id  uuid        NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    author_id   text        NOT NULL,
    author_role text        NOT NULL CHECK (author_role IN ('CUSTOMER', 'SELLER', 'ADMIN')),
    body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    at          timestamptz NOT NULL
);
CREATE INDEX dispute_message_dispute ON dispute_message (dispute_id, at);
