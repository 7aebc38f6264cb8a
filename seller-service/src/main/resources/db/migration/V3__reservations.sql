-- The stock half of the order saga: one row per order (idempotency by order id), one line per store+SKU.
CREATE TABLE stock_reservation (
    order_id    text        PRIMARY KEY,
    customer_id text,
    status      text        NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz,
    unmet       jsonb,      -- the lines that could not be met, for a REJECTED order
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0
);

CREATE INDEX stock_reservation_expiry_idx ON stock_reservation (expires_at) WHERE status = 'RESERVED';

CREATE TABLE stock_reservation_line (
    order_id text    NOT NULL REFERENCES stock_reservation (order_id),
    store_id uuid    NOT NULL,
    sku      text    NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    state    text    NOT NULL CHECK (state IN ('RESERVED', 'COMMITTED', 'RELEASED', 'RESTOCKED')),
    PRIMARY KEY (order_id, store_id, sku),
    FOREIGN KEY (store_id, sku) REFERENCES inventory_item (store_id, sku)
);

CREATE INDEX stock_reservation_line_store_idx ON stock_reservation_line (store_id) WHERE state = 'RESERVED';

-- seller-service's own copy of each store's part of an order (a seller order), from order events:
-- open orders block a store's deletion; amounts feed the sales analytics.
CREATE TABLE store_order (
    order_id              text        NOT NULL,
    store_id              uuid        NOT NULL,
    seller_order_id       text,
    customer_id           text,
    status                text        NOT NULL,
    amount_minor          bigint      NOT NULL CHECK (amount_minor >= 0),
    currency              char(3)     NOT NULL,
    units                 integer     NOT NULL CHECK (units >= 0),
    placed_at             timestamptz NOT NULL,
    confirmed_at          timestamptz,
    cancelled_at          timestamptz,
    delivered_at          timestamptz,
    returned_minor        bigint      NOT NULL DEFAULT 0,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (order_id, store_id)
);

CREATE INDEX store_order_seller_order_idx ON store_order (seller_order_id) WHERE seller_order_id IS NOT NULL;
CREATE INDEX store_order_open_idx ON store_order (store_id)
    WHERE status NOT IN ('CANCELLED', 'COMPLETED', 'REFUNDED', 'EXPIRED');

CREATE TABLE store_order_line (
    order_id         text    NOT NULL,
    store_id         uuid    NOT NULL,
    sku              text    NOT NULL,
    product_id       text,
    quantity         integer NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint  NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, store_id, sku),
    FOREIGN KEY (order_id, store_id) REFERENCES store_order (order_id, store_id)
);
