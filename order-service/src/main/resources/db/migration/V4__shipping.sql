-- Shipping (issue 10): the weight of each variant on the catalog copy, so a parcel can be weighed without asking
-- catalog-service (null: the seller gave none; quotes then count haat.order.shipping.default-weight-grams).
ALTER TABLE catalog_variant ADD COLUMN weight_grams integer CHECK (weight_grams >= 0);

-- A store's shipping methods. The type decides which rates are set (the last CHECK); a "deleted" method is only
-- deactivated, so a method id an order or a cart once named keeps meaning the same thing.
CREATE TABLE shipping_method (
    id          uuid PRIMARY KEY,
    store_id    text        NOT NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    type        text        NOT NULL CHECK (type IN ('FLAT', 'BY_WEIGHT', 'FREE_OVER')),
    currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    flat_rate   bigint      CHECK (flat_rate >= 0),      -- FLAT; FREE_OVER below the threshold
    base_rate   bigint      CHECK (base_rate >= 0),      -- BY_WEIGHT
    per_kg_rate bigint      CHECK (per_kg_rate >= 0),    -- BY_WEIGHT, per started kg
    free_over   bigint      CHECK (free_over > 0),       -- FREE_OVER: free from this merchandise subtotal on
    min_days    integer     NOT NULL,
    max_days    integer     NOT NULL,
    everywhere  boolean     NOT NULL,
    active      boolean     NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 0),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK (min_days >= 0 AND min_days <= max_days AND max_days <= 60),
    CHECK ((type = 'FLAT' AND flat_rate IS NOT NULL AND base_rate IS NULL AND per_kg_rate IS NULL
                AND free_over IS NULL)
        OR (type = 'BY_WEIGHT' AND flat_rate IS NULL AND base_rate IS NOT NULL AND per_kg_rate IS NOT NULL
                AND free_over IS NULL)
        OR (type = 'FREE_OVER' AND flat_rate IS NOT NULL AND base_rate IS NULL AND per_kg_rate IS NULL
                AND free_over IS NOT NULL))
);
CREATE INDEX shipping_method_store ON shipping_method (store_id, created_at, id);

-- Where a method delivers when it is not "everywhere": a country, and optionally only some of its provinces
-- (empty: the whole country). Compared case-insensitively with the delivery address.
CREATE TABLE shipping_region (
    method_id uuid    NOT NULL REFERENCES shipping_method (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    country   char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    provinces text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (method_id, position),
    UNIQUE (method_id, country)
);
