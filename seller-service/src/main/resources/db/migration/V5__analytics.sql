-- Seller analytics, pre-aggregated in 15-minute buckets (UTC instants). Days, weeks and months are
-- summed from buckets in the caller's time zone: every real zone offset is a multiple of 15 minutes
-- (Asia/Kathmandu is +05:45), so a local day is always an exact set of buckets.
CREATE TABLE sales_bucket (
    store_id        uuid        NOT NULL,
    bucket_start    timestamptz NOT NULL,
    currency        char(3)     NOT NULL,
    orders          integer     NOT NULL DEFAULT 0,
    units           integer     NOT NULL DEFAULT 0,
    revenue_minor   bigint      NOT NULL DEFAULT 0,
    cancellations   integer     NOT NULL DEFAULT 0,
    cancelled_minor bigint      NOT NULL DEFAULT 0,
    deliveries      integer     NOT NULL DEFAULT 0,
    returns         integer     NOT NULL DEFAULT 0,
    returned_minor  bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (store_id, bucket_start, currency)
);

CREATE TABLE product_bucket (
    store_id     uuid        NOT NULL,
    product_id   text        NOT NULL,
    bucket_start timestamptz NOT NULL,
    views        integer     NOT NULL DEFAULT 0,
    clicks       integer     NOT NULL DEFAULT 0,
    add_to_cart  integer     NOT NULL DEFAULT 0,
    orders       integer     NOT NULL DEFAULT 0,
    units        integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (store_id, bucket_start, product_id)
);
