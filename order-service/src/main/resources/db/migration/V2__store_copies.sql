-- Local copies of seller-service's stores and sellers (from seller.store / seller.seller events): who owns a
-- store, and whether it and its seller may sell. Newer aggregate versions win; older events change nothing.
CREATE TABLE store_copy (
    store_id   text PRIMARY KEY,
    seller_id  text        NOT NULL,
    name       text        NOT NULL,
    status     text        NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX store_copy_seller ON store_copy (seller_id);

CREATE TABLE seller_copy (
    seller_id  text PRIMARY KEY,
    user_id    text        NOT NULL,
    status     text        NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX seller_copy_user ON seller_copy (user_id);
