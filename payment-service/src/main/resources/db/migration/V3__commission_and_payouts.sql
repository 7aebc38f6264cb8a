-- Commission rules learnt from seller-service (seller.commission), and seller payouts with their ledger accounts.

-- Every rule ever announced, kept: a rule effective later never changes the rate of an order placed earlier.
CREATE TABLE commission_rule (
    rule_id        text        PRIMARY KEY,
    scope          text        NOT NULL CHECK (scope IN ('DEFAULT', 'SELLER', 'STORE')),
    scope_id       text,
    category_id    text,
    basis_points   integer     NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    minimum_minor  bigint      CHECK (minimum_minor >= 0),
    maximum_minor  bigint      CHECK (maximum_minor >= 0),
    currency       char(3),
    effective_from timestamptz NOT NULL,
    received       bigint      GENERATED ALWAYS AS IDENTITY,   -- ties of effective_from: the later announced wins
    CONSTRAINT commission_rule_scope_ck CHECK ((scope = 'DEFAULT') = (scope_id IS NULL))
);

CREATE INDEX commission_rule_lookup_idx ON commission_rule (scope, scope_id, effective_from DESC)
    WHERE category_id IS NULL;

-- Payouts move money out of a seller's available balance: PAYOUTS_IN_TRANSIT holds what was requested and not yet
-- paid (or rejected), PAYOUTS_PAID what left the platform. Both are platform accounts per currency; the payout id
-- is each transaction's reference.
ALTER TABLE ledger_account DROP CONSTRAINT ledger_account_kind_check;
ALTER TABLE ledger_account ADD CONSTRAINT ledger_account_kind_check
    CHECK (kind IN ('CUSTOMER_CLEARING', 'CUSTOMER_CREDIT', 'REFUNDS', 'COMMISSION_REVENUE', 'PLATFORM_DISCOUNTS',
                    'SELLER_PENDING', 'SELLER_AVAILABLE', 'PAYOUTS_IN_TRANSIT', 'PAYOUTS_PAID'));

ALTER TABLE ledger_transaction DROP CONSTRAINT ledger_transaction_kind_check;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_kind_check
    CHECK (kind IN ('CAPTURE', 'COMPLETION', 'REFUND', 'PAYOUT_REQUESTED', 'PAYOUT_REJECTED', 'PAYOUT_PAID'));

-- A payout belongs to no order: only payout transactions (and their entries) go without one.
ALTER TABLE ledger_transaction ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE ledger_transaction ADD CONSTRAINT ledger_transaction_order_ck
    CHECK (order_id IS NOT NULL OR kind LIKE 'PAYOUT\_%');
ALTER TABLE ledger_entry ALTER COLUMN order_id DROP NOT NULL;

CREATE TABLE payout (
    id           uuid        PRIMARY KEY,
    seller_id    text        NOT NULL,
    amount_minor bigint      NOT NULL CHECK (amount_minor > 0),
    currency     char(3)     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'PAID')),
    reason       text,
    reference    text,
    requested_at timestamptz NOT NULL,
    approved_at  timestamptz,
    rejected_at  timestamptz,
    paid_at      timestamptz,
    version      bigint      NOT NULL,
    CONSTRAINT payout_rejected_ck CHECK ((status = 'REJECTED') = (reason IS NOT NULL AND rejected_at IS NOT NULL)),
    CONSTRAINT payout_paid_ck CHECK ((status = 'PAID') = (reference IS NOT NULL AND paid_at IS NOT NULL))
);

-- One open (requested or approved, not yet paid or rejected) payout per seller at a time.
CREATE UNIQUE INDEX payout_one_open_uk ON payout (seller_id) WHERE status IN ('REQUESTED', 'APPROVED');
CREATE INDEX payout_seller_idx ON payout (seller_id, requested_at DESC);
CREATE INDEX payout_status_idx ON payout (status, requested_at DESC);
