-- Orders (issue 10): one customer_order per checkout, one seller_order per store, their lines. The aggregate
-- (io.haat.order.order.Order) decides every status; these constraints refuse what the code must never write.
-- The timeline, the payment facts (one per payment id) and the coupons are small documents owned by the order
-- row, so a transition is ONE conditional UPDATE of that row (plus its seller orders' statuses).
CREATE TABLE customer_order (
    id                     uuid PRIMARY KEY,
    customer_id            uuid        NOT NULL,
    status                 text        NOT NULL
        CHECK (status IN ('PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'CANCELLED')),
    currency               char(3)     NOT NULL,
    total                  bigint      NOT NULL CHECK (total >= 0),
    payment_provider       text        NOT NULL,
    cash_on_delivery       bigint      NOT NULL CHECK (cash_on_delivery >= 0 AND cash_on_delivery <= total),
    address                jsonb       NOT NULL,   -- snapshot taken at checkout
    coupons                jsonb       NOT NULL,
    payments               jsonb       NOT NULL,   -- one fact per payment id
    timeline               jsonb       NOT NULL,
    cancellation           jsonb,
    payment_deadline       timestamptz NOT NULL,   -- provisional (placed + window) until stock is reserved
    reservation_expires_at timestamptz,
    reserved_units         integer     NOT NULL CHECK (reserved_units > 0),
    version                bigint      NOT NULL,
    placed_at              timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    CHECK ((status = 'CANCELLED') = (cancellation IS NOT NULL)),
    CHECK (status NOT IN ('AWAITING_PAYMENT') OR reservation_expires_at IS NOT NULL),
    CHECK (reservation_expires_at IS NULL OR payment_deadline < reservation_expires_at)
);
CREATE INDEX customer_order_mine ON customer_order (customer_id, placed_at DESC);
CREATE INDEX customer_order_unpaid ON customer_order (customer_id) WHERE status IN ('PENDING', 'AWAITING_PAYMENT');
CREATE INDEX customer_order_due ON customer_order (payment_deadline) WHERE status = 'AWAITING_PAYMENT';

CREATE TABLE seller_order (
    id                   uuid PRIMARY KEY,
    order_id             uuid        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    position             integer     NOT NULL,
    store_id             text        NOT NULL,
    seller_id            text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'SHIPPED',
        'OUT_FOR_DELIVERY', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURN_APPROVED',
        'RETURN_REJECTED', 'RETURNED', 'REFUNDED')),
    merchandise          bigint      NOT NULL CHECK (merchandise >= 0),
    seller_discount      bigint      NOT NULL CHECK (seller_discount >= 0),
    platform_discount    bigint      NOT NULL CHECK (platform_discount >= 0),
    shipping             bigint      NOT NULL CHECK (shipping >= 0),
    shipping_discount    bigint      NOT NULL CHECK (shipping_discount >= 0),
    total                bigint      NOT NULL CHECK (total >= 0),
    shipping_method_id   text        NOT NULL,
    shipping_method_name text        NOT NULL,
    estimated_from       date        NOT NULL,
    estimated_to         date        NOT NULL,
    placed_at            timestamptz NOT NULL,
    confirmed_at         timestamptz,              -- the store sees it (with the address) from then on
    CHECK (total = merchandise + shipping - seller_discount - platform_discount),
    CHECK (estimated_from <= estimated_to),
    UNIQUE (order_id, store_id),
    UNIQUE (order_id, position)
);
CREATE INDEX seller_order_store ON seller_order (store_id, placed_at DESC) WHERE confirmed_at IS NOT NULL;

CREATE TABLE order_line (
    seller_order_id uuid    NOT NULL REFERENCES seller_order (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    product_id      text    NOT NULL,
    sku             text    NOT NULL,
    name            text    NOT NULL,
    quantity        integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price      bigint  NOT NULL CHECK (unit_price >= 0),
    discount        bigint  NOT NULL CHECK (discount >= 0 AND discount <= quantity * unit_price),
    PRIMARY KEY (seller_order_id, position),
    UNIQUE (seller_order_id, product_id, sku)
);
