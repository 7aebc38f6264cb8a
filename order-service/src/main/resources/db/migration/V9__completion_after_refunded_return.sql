-- A part partly returned and refunded completes when its return window ends (the seller is owed the rest): the
-- completion job's queue includes REFUNDED.
DROP INDEX seller_order_completion;
CREATE INDEX seller_order_completion ON seller_order (return_window_ends_at)
    WHERE status IN ('DELIVERED', 'RETURN_REJECTED', 'REFUNDED');
