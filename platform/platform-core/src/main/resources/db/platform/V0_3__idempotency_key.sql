-- Idempotency-Key of unsafe HTTP requests (platform-core, io.haat.platform.idempotency).
-- One row per (scope = authenticated subject, key); the first request claims it IN_PROGRESS,
-- then stores its response as COMPLETED so that retries replay it. Rows expire (default 24 h).
CREATE TABLE idempotency_key (
    scope            VARCHAR(255)  NOT NULL,
    key              VARCHAR(255)  NOT NULL,
    request_method   VARCHAR(16)   NOT NULL,
    request_path     VARCHAR(2048) NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    response_status  INTEGER,
    response_headers TEXT,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (scope, key),
    CONSTRAINT idempotency_key_status_ck CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    CONSTRAINT idempotency_key_completed_ck CHECK (status <> 'COMPLETED' OR response_status IS NOT NULL)
);

CREATE INDEX idempotency_key_expires_at_idx ON idempotency_key (expires_at);
