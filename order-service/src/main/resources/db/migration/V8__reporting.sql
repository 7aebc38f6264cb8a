-- Admin order list and sales reports (issue 12): indexes only, the reports read the order tables as they are.
-- GET /admin/orders without filters: newest first.
CREATE INDEX customer_order_placed ON customer_order (placed_at DESC, id);
-- GET /admin/orders?sellerId=: the orders with a part of the seller (storeId= uses UNIQUE (order_id, store_id)).
CREATE INDEX seller_order_seller ON seller_order (seller_id, order_id);
-- Sales, top products and top stores of a range: seller orders by confirmation time.
CREATE INDEX seller_order_confirmed ON seller_order (confirmed_at) WHERE confirmed_at IS NOT NULL;
