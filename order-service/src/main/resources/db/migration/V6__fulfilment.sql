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
