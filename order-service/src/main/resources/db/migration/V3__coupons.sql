-- Coupons: a store's (store_id set; funded by its seller) or site-wide (store_id null; funded by the platform).
-- value is the percent (PERCENTAGE, 1..100) or the amount in minor units of currency (FIXED); FREE_SHIPPING has 0.
-- currency is required for FIXED and for a minimum subtotal. used counts uses consumed at checkout (minus those
-- given back); the CHECK refuses a use past the limit even if the code were wrong.
CREATE TABLE coupon (
    id                 uuid PRIMARY KEY,
    store_id           text,
    code               text        NOT NULL CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
    type               text        NOT NULL CHECK (type IN ('PERCENTAGE', 'FIXED', 'FREE_SHIPPING')),
    value              bigint      NOT NULL CHECK (value >= 0),
    currency           char(3),
    min_subtotal_minor bigint      CHECK (min_subtotal_minor >= 0),
    usage_limit        integer     CHECK (usage_limit >= 1),
    per_customer_limit integer     CHECK (per_customer_limit >= 1),
    used               integer     NOT NULL DEFAULT 0 CHECK (used >= 0),
    starts_at          timestamptz,
    ends_at            timestamptz,
    active             boolean     NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CHECK (usage_limit IS NULL OR used <= usage_limit),
    CHECK (type <> 'PERCENTAGE' OR value BETWEEN 1 AND 100),
    CHECK (type <> 'FIXED' OR (value >= 1 AND currency IS NOT NULL)),
    CHECK (type <> 'FREE_SHIPPING' OR value = 0),
    CHECK (min_subtotal_minor IS NULL OR currency IS NOT NULL),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at)
);
-- a code is unique within its store, and among site-wide coupons
CREATE UNIQUE INDEX coupon_store_code ON coupon (store_id, code) WHERE store_id IS NOT NULL;
CREATE UNIQUE INDEX coupon_site_code ON coupon (code) WHERE store_id IS NULL;

-- Uses per customer, for per-customer limits: one conditional upsert per redemption.
CREATE TABLE coupon_customer_use (
    coupon_id   uuid    NOT NULL REFERENCES coupon (id),
    customer_id text    NOT NULL,
    used        integer NOT NULL CHECK (used >= 0),
    PRIMARY KEY (coupon_id, customer_id)
);

-- What an order consumed: one row per coupon and order; RETURNED once its use was given back (at most once).
CREATE TABLE coupon_redemption (
    id           uuid PRIMARY KEY,
    coupon_id    uuid        NOT NULL REFERENCES coupon (id),
    order_id     text        NOT NULL,
    customer_id  text        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor >= 0),
    currency     char(3)     NOT NULL,
    state        text        NOT NULL CHECK (state IN ('CONSUMED', 'RETURNED')),
    redeemed_at  timestamptz NOT NULL,
    returned_at  timestamptz,
    CHECK ((state = 'RETURNED') = (returned_at IS NOT NULL)),
    UNIQUE (order_id, coupon_id)
);
CREATE INDEX coupon_redemption_coupon ON coupon_redemption (coupon_id);

-- The codes a customer applied to their cart: at most one per store (scope = the store id) and one site-wide
-- (scope = ''); applying another code for the same scope replaces the row. Checkout redeems them.
CREATE TABLE cart_coupon (
    cart_id    uuid        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    scope      text        NOT NULL,
    code       text        NOT NULL,
    coupon_id  uuid        NOT NULL REFERENCES coupon (id),
    applied_at timestamptz NOT NULL,
    PRIMARY KEY (cart_id, scope)
);
