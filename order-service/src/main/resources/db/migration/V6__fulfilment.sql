-- Fulfilment (issue 12): a seller order's shipment, delivery and return window. The aggregate
-- (io.haat.order.order.Order) decides every move; these constraints refuse what the code must never write.
ALTER TABLE seller_order
    ADD COLUMN carrier               text,
    ADD COLUMN tracking_number       text,
    ADD COLUMN tracking_url          text,
    ADD COLUMN shipped_at            timestamptz,
    ADD COLUMN delivered_at          timestamptz,
    ADD COLUMN return_window_ends_at timestamptz,
    ADD CONSTRAINT seller_order_shipped CHECK (status IN ('PENDING', 'CONFIRMED', 'PROCESSING', 'CANCELLED')
        OR shipped_at IS NOT NULL),
    ADD CONSTRAINT seller_order_delivered CHECK ((delivered_at IS NULL) = (return_window_ends_at IS NULL)
        AND (delivered_at IS NULL OR delivered_at >= shipped_at)),
    ADD CONSTRAINT seller_order_delivered_first CHECK (status NOT IN ('DELIVERED', 'COMPLETED', 'RETURN_REQUESTED',
        'RETURN_APPROVED', 'RETURN_REJECTED', 'RETURNED', 'REFUNDED') OR delivered_at IS NOT NULL);

-- the completion job's queue: delivered parts whose return window ended
CREATE INDEX seller_order_completion ON seller_order (return_window_ends_at)
    WHERE status IN ('DELIVERED', 'RETURN_REJECTED');

-- Delivery agents: Keycloak users with the realm role DELIVERY_AGENT (agent_id = their JWT subject). An agent is
-- registered when they first read their deliveries, when an admin assigns them, or by PUT /admin/delivery-agents/{id}
-- (regions, active). A region is a country code ("NP") or a country and a province ("NP/BAGMATI"), upper case.
CREATE TABLE delivery_agent (
    agent_id      text PRIMARY KEY,
    regions       text[]      NOT NULL DEFAULT '{}',
    active        boolean     NOT NULL DEFAULT true,
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- One delivery per shipped seller order (io.haat.order.delivery.Delivery decides its status). The steps (status,
-- time, location, note) are a small document owned by the row, so a move is ONE conditional UPDATE.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    order_id        uuid        NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
    seller_order_id uuid        NOT NULL UNIQUE REFERENCES seller_order (id) ON DELETE CASCADE,
    store_id        text        NOT NULL,
    customer_id     uuid        NOT NULL,
    agent_id        text REFERENCES delivery_agent (agent_id),
    status          text        NOT NULL CHECK (status IN ('WITH_CARRIER', 'AWAITING_AGENT', 'ASSIGNED', 'PICKED_UP',
        'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED', 'RETURNED_TO_SELLER')),
    carrier         text,
    tracking_number text,
    tracking_url    text,
    currency        char(3)     NOT NULL,
    cash_due        bigint      NOT NULL CHECK (cash_due >= 0),
    drop_off        jsonb       NOT NULL,      -- the order's address snapshot
    region_country  text        NOT NULL,
    region_province text,
    estimated_from  date        NOT NULL,
    estimated_to    date        NOT NULL,
    attempts        integer     NOT NULL CHECK (attempts >= 0),
    steps           jsonb       NOT NULL,
    version         bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK (estimated_from <= estimated_to),
    CHECK (status <> 'WITH_CARRIER' OR carrier IS NOT NULL),
    CHECK (carrier IS NULL OR agent_id IS NULL),
    CHECK (status NOT IN ('ASSIGNED', 'PICKED_UP', 'OUT_FOR_DELIVERY', 'FAILED', 'RETURNED_TO_SELLER')
        OR agent_id IS NOT NULL)
);
-- an agent's load (open deliveries) and their panel
CREATE INDEX delivery_agent_open ON delivery (agent_id) WHERE status IN ('ASSIGNED', 'PICKED_UP', 'OUT_FOR_DELIVERY',
    'FAILED');
CREATE INDEX delivery_order ON delivery (order_id);
