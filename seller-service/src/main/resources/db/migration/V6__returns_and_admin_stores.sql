-- Order-service part 2 (issue 12): returned goods go back in stock, refunds reduce the seller's sales, admins
-- suspend single stores.

-- A received return puts its lines back in stock (movement kind RETURN).
ALTER TABLE inventory_movement DROP CONSTRAINT inventory_movement_kind_check;
ALTER TABLE inventory_movement ADD CONSTRAINT inventory_movement_kind_check
    CHECK (kind IN ('SET', 'ADJUST', 'THRESHOLD', 'RESERVE', 'RELEASE', 'COMMIT', 'EXPIRE', 'RESTOCK', 'RETURN'));

-- Once per return: the first ReturnStatusChanged RECEIVED of a return claims its row, any later one restocks nothing.
CREATE TABLE return_restock (
    return_id    text        PRIMARY KEY,
    order_id     text        NOT NULL,
    store_id     uuid        NOT NULL,
    units        integer     NOT NULL CHECK (units >= 0),
    restocked_at timestamptz NOT NULL
);

-- What was given back for a seller order: returned_minor sums RETURNED amounts, refunded_minor REFUNDED ones; the
-- sales figures count max(returned, refunded) once, so a return and its refund are not subtracted twice.
ALTER TABLE store_order ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0);

-- Why an admin suspended the store (null: not suspended by an admin — e.g. by the seller's ban). A store an admin
-- suspended stays suspended when its seller's ban is lifted.
ALTER TABLE store ADD COLUMN suspension_reason text;

CREATE INDEX store_status_idx ON store (status, created_at);
