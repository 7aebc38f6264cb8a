-- Stock per store and SKU. available = quantity - reserved; the CHECKs make overselling impossible
-- even if the code were wrong.
CREATE TABLE inventory_item (
    store_id            uuid        NOT NULL REFERENCES store (id),
    sku                 text        NOT NULL,
    quantity            integer     NOT NULL CHECK (quantity >= 0),
    reserved            integer     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    low_stock_threshold integer     NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
    -- available <= threshold at the last change: an alert is raised only when this turns true
    low_stock           boolean     NOT NULL DEFAULT false,
    version             bigint      NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (store_id, sku),
    CONSTRAINT inventory_reserved_ck CHECK (reserved <= quantity)
);

-- Every change of an item: who, what, by how much, why, when.
CREATE TABLE inventory_movement (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    store_id       uuid        NOT NULL,
    sku            text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('SET', 'ADJUST', 'THRESHOLD', 'RESERVE', 'RELEASE', 'COMMIT',
                                                        'EXPIRE', 'RESTOCK')),
    quantity_delta integer     NOT NULL,
    reserved_delta integer     NOT NULL,
    quantity_after integer     NOT NULL,
    reserved_after integer     NOT NULL,
    reason         text,
    actor          text        NOT NULL,
    order_id       text,
    at             timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (store_id, sku) REFERENCES inventory_item (store_id, sku)
);

CREATE INDEX inventory_movement_item_idx ON inventory_movement (store_id, sku, id DESC);

-- One alert per downward crossing of the threshold; resolved when stock rises above it again.
CREATE TABLE low_stock_alert (
    id              uuid        PRIMARY KEY,
    store_id        uuid        NOT NULL,
    sku             text        NOT NULL,
    available       integer     NOT NULL,
    threshold       integer     NOT NULL,
    raised_at       timestamptz NOT NULL DEFAULT now(),
    resolved_at     timestamptz,
    FOREIGN KEY (store_id, sku) REFERENCES inventory_item (store_id, sku)
);

CREATE INDEX low_stock_alert_store_idx ON low_stock_alert (store_id, raised_at DESC);
CREATE UNIQUE INDEX low_stock_alert_open_uk ON low_stock_alert (store_id, sku) WHERE resolved_at IS NULL;
