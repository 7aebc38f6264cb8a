-- seller-service's copy of the catalog's products and their SKUs per store, from catalog.product (ProductChanged).
-- A stock row of a SKU that no listed product of its store carries is flagged (inventory's in_catalog, computed on
-- read), not refused: a seller may stock first and list the product after, and events can be late.
-- catalog_product keeps the last applied version of each product (also of deleted ones), so a redelivered or
-- reordered older snapshot never overwrites a newer one.
CREATE TABLE catalog_product (
    product_id text        PRIMARY KEY,
    store_id   uuid        NOT NULL,
    status     text        NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The SKUs of listed products only (not DELETED, not BANNED).
CREATE TABLE catalog_sku (
    product_id text NOT NULL REFERENCES catalog_product (product_id) ON DELETE CASCADE,
    sku        text NOT NULL,
    store_id   uuid NOT NULL,
    PRIMARY KEY (product_id, sku)
);
CREATE INDEX catalog_sku_store_sku_idx ON catalog_sku (store_id, sku);
