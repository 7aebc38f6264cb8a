-- Seller applications and their review by admins; one application per user (the JWT subject).
CREATE TABLE seller (
    id                uuid        PRIMARY KEY,
    user_id           text        NOT NULL UNIQUE,
    business_name     text        NOT NULL CHECK (length(business_name) BETWEEN 1 AND 120),
    legal_name        text        NOT NULL,
    tax_id            text        NOT NULL,
    contact_email     text        NOT NULL,
    contact_phone     text,
    address_line1     text        NOT NULL,
    address_line2     text,
    city              text        NOT NULL,
    region            text,
    postal_code       text,
    country           char(2)     NOT NULL,
    payout_reference  text,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'BANNED')),
    -- where an unban returns to
    status_before_ban text        CHECK (status_before_ban IN ('PENDING', 'APPROVED', 'REJECTED')),
    status_reason     text,       -- rejection or ban reason
    submitted_at      timestamptz NOT NULL,
    decided_at        timestamptz,
    decided_by        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT seller_ban_ck CHECK ((status = 'BANNED') = (status_before_ban IS NOT NULL))
);

CREATE INDEX seller_status_idx ON seller (status, submitted_at);

-- Stores: many per seller. A deleted store is CLOSED (kept for history); its slug becomes free.
CREATE TABLE store (
    id          uuid        PRIMARY KEY,
    seller_id   uuid        NOT NULL REFERENCES seller (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    slug        text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text,
    status      text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    closed_at   timestamptz,
    version     bigint      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX store_slug_uk ON store (slug) WHERE status <> 'CLOSED';
CREATE INDEX store_seller_idx ON store (seller_id, created_at);
