-- The double-entry ledger. Amounts are signed integer minor units: positive = debit, negative = credit.
-- Every transaction's entries sum to zero per currency (checked at commit by a deferred constraint trigger),
-- entries and transactions are append-only (triggers refuse UPDATE, DELETE and TRUNCATE): a correction is a
-- new transaction. Balances are sums of entries; no balance is stored.

CREATE TABLE ledger_account (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      text    NOT NULL CHECK (kind IN ('CUSTOMER_CLEARING', 'CUSTOMER_CREDIT', 'REFUNDS',
                                               'COMMISSION_REVENUE', 'PLATFORM_DISCOUNTS',
                                               'SELLER_PENDING', 'SELLER_AVAILABLE')),
    seller_id text,
    currency  char(3) NOT NULL,
    CONSTRAINT ledger_account_owner_ck CHECK ((kind LIKE 'SELLER\_%') = (seller_id IS NOT NULL)),
    CONSTRAINT ledger_account_uk UNIQUE NULLS NOT DISTINCT (kind, seller_id, currency)
);

CREATE TABLE ledger_transaction (
    id              uuid        PRIMARY KEY,
    idempotency_key text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('CAPTURE', 'COMPLETION', 'REFUND')),
    order_id        text        NOT NULL,
    reference       text        NOT NULL,   -- payment id, seller order id or refund id
    reason          text        NOT NULL,
    posted_at       timestamptz NOT NULL,
    CONSTRAINT ledger_transaction_key_uk UNIQUE (idempotency_key)
);

CREATE TABLE ledger_entry (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id  uuid    NOT NULL REFERENCES ledger_transaction (id),
    account_id      bigint  NOT NULL REFERENCES ledger_account (id),
    currency        char(3) NOT NULL,
    amount_minor    bigint  NOT NULL CHECK (amount_minor <> 0),
    order_id        text    NOT NULL,
    seller_order_id text
);

CREATE INDEX ledger_entry_transaction_idx ON ledger_entry (transaction_id);
CREATE INDEX ledger_entry_account_idx ON ledger_entry (account_id, id DESC);
CREATE INDEX ledger_entry_seller_order_idx ON ledger_entry (seller_order_id);

-- An entry's currency is its account's: the per-currency balance check can then read the entry alone.
CREATE FUNCTION ledger_entry_currency_matches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_account a WHERE a.id = NEW.account_id AND a.currency = NEW.currency) THEN
        RAISE EXCEPTION 'ledger entry currency % is not its account''s', NEW.currency
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER ledger_entry_currency BEFORE INSERT ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_currency_matches();

-- At commit: the transaction of each inserted entry sums to zero in every currency. Deferred, so the entries of
-- one transaction may be inserted one by one (or in one statement) within the database transaction.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced text;
BEGIN
    SELECT string_agg(currency || ' ' || total, ', ') INTO unbalanced
    FROM (SELECT currency, sum(amount_minor) AS total FROM ledger_entry
          WHERE transaction_id = NEW.transaction_id GROUP BY currency) sums
    WHERE total <> 0;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction % does not sum to zero: %', NEW.transaction_id, unbalanced
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entry_balanced AFTER INSERT ON ledger_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

-- At commit: a transaction has entries (an empty one would record a movement that moved nothing).
CREATE FUNCTION ledger_transaction_has_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_entry WHERE transaction_id = NEW.id) THEN
        RAISE EXCEPTION 'ledger transaction % has no entries', NEW.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_transaction_not_empty AFTER INSERT ON ledger_transaction
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_transaction_has_entries();

-- Append-only: what was posted stays posted.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused (post a correcting transaction instead)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;

CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transaction_append_only BEFORE UPDATE OR DELETE ON ledger_transaction
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_transaction_no_truncate BEFORE TRUNCATE ON ledger_transaction
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

-- Seller orders that completed (delivered + return window over). Recorded even when nothing was pending, so a
-- completion is applied once and a capture that lands after it is available at once. Append-only too.
CREATE TABLE seller_order_completion (
    seller_order_id text        PRIMARY KEY,
    order_id        text        NOT NULL,
    completed_at    timestamptz NOT NULL
);

CREATE TRIGGER seller_order_completion_append_only BEFORE UPDATE OR DELETE ON seller_order_completion
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- payment-service's copy of seller-service's sellers (from seller.seller events): who a SELLER token's user is.
CREATE TABLE seller_owner (
    seller_id  text        PRIMARY KEY,
    user_id    text        NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX seller_owner_user_idx ON seller_owner (user_id);
