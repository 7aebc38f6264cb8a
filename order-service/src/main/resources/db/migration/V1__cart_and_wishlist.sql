-- Local copies of other services' facts, kept from their events (never asked for over HTTP to price a cart).
CREATE TABLE catalog_product (
    product_id  text PRIMARY KEY,
    store_id    text        NOT NULL,
    seller_id   text        NOT NULL,
    name        text        NOT NULL,
    status      text        NOT NULL,
    version     bigint      NOT NULL,            -- catalog's aggregateVersion: a newer event wins
    updated_at  timestamptz NOT NULL
);

CREATE TABLE catalog_variant (
    product_id  text   NOT NULL REFERENCES catalog_product (product_id) ON DELETE CASCADE,
    sku         text   NOT NULL,
    price_minor bigint NOT NULL CHECK (price_minor >= 0),
    currency    char(3) NOT NULL,
    PRIMARY KEY (product_id, sku)
);

CREATE TABLE stock_level (
    store_id   text        NOT NULL,
    sku        text        NOT NULL,
    available  integer     NOT NULL,
    version    bigint      NOT NULL,             -- seller-service's inventory row version: a newer event wins
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (store_id, sku)
);

-- A cart belongs to a customer or, for a guest, to the holder of a cart token (only its SHA-256 is stored).
CREATE TABLE cart (
    id          uuid PRIMARY KEY,
    customer_id uuid UNIQUE,
    token_hash  text UNIQUE,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    expires_at  timestamptz,                     -- guest carts only
    CHECK ((customer_id IS NULL) <> (token_hash IS NULL)),
    CHECK ((token_hash IS NULL) = (expires_at IS NULL))
);
CREATE INDEX cart_guest_expiry ON cart (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE cart_line (
    id                   uuid PRIMARY KEY,
    cart_id              uuid        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    position             integer     NOT NULL,
    product_id           text        NOT NULL,
    sku                  text        NOT NULL,
    quantity             integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    price_when_added     bigint      NOT NULL,
    currency_when_added  char(3)     NOT NULL,
    added_at             timestamptz NOT NULL,
    UNIQUE (cart_id, product_id, sku)
);
CREATE INDEX cart_line_cart ON cart_line (cart_id, position);

CREATE TABLE wishlist_item (
    customer_id uuid        NOT NULL,
    product_id  text        NOT NULL,
    sku         text,                            -- null: the product, whichever variant
    added_at    timestamptz NOT NULL,
    PRIMARY KEY (customer_id, product_id)
);
CREATE INDEX wishlist_item_recent ON wishlist_item (customer_id, added_at DESC);
