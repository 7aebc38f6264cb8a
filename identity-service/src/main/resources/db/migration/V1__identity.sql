-- identity-service: local profiles (Keycloak keeps credentials, roles and sessions), addresses,
-- verification state, throttles and the audit trail.

CREATE TABLE user_profile (
    id             uuid PRIMARY KEY,                 -- the Keycloak user id (token sub)
    email          varchar(254) NOT NULL,
    full_name      varchar(100) NOT NULL,
    phone          varchar(16),
    phone_verified boolean      NOT NULL DEFAULT false,
    email_verified boolean      NOT NULL DEFAULT false,
    avatar_url     varchar(2048),
    locale         varchar(35),
    roles          text[]       NOT NULL DEFAULT '{}',
    status         varchar(10)  NOT NULL DEFAULT 'ACTIVE',
    origin         varchar(10)  NOT NULL,
    ban_reason     varchar(500),
    banned_by      uuid,
    banned_at      timestamptz,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    CONSTRAINT user_profile_status_check CHECK (status IN ('ACTIVE', 'BANNED')),
    CONSTRAINT user_profile_origin_check CHECK (origin IN ('PASSWORD', 'SOCIAL', 'SEEDED')),
    CONSTRAINT user_profile_phone_verified_check CHECK (NOT phone_verified OR phone IS NOT NULL),
    CONSTRAINT user_profile_banned_check CHECK ((status = 'BANNED') = (banned_at IS NOT NULL))
);
CREATE UNIQUE INDEX user_profile_email_key ON user_profile (lower(email));
CREATE INDEX user_profile_created_idx ON user_profile (created_at DESC, id);
CREATE INDEX user_profile_roles_idx ON user_profile USING gin (roles);

CREATE TABLE address (
    id          uuid PRIMARY KEY,
    user_id     uuid         NOT NULL REFERENCES user_profile (id) ON DELETE CASCADE,
    recipient   varchar(100) NOT NULL,
    phone       varchar(16)  NOT NULL,
    line1       varchar(200) NOT NULL,
    line2       varchar(200),
    city        varchar(100) NOT NULL,
    region      varchar(100),
    postal_code varchar(20),
    country     char(2)      NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    is_default  boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);
CREATE INDEX address_user_idx ON address (user_id, created_at);
-- at most one default address per user
CREATE UNIQUE INDEX address_one_default_key ON address (user_id) WHERE is_default;

-- the pending phone one-time code of a user (hashed), one at a time
CREATE TABLE phone_challenge (
    user_id    uuid PRIMARY KEY REFERENCES user_profile (id) ON DELETE CASCADE,
    phone      varchar(16) NOT NULL,
    code_hash  varchar(64) NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    expires_at timestamptz NOT NULL,
    sent_at    timestamptz NOT NULL
);

-- "at most once per interval" for mails, codes and alerts, shared by every instance
CREATE TABLE throttle (
    purpose varchar(40)  NOT NULL,
    subject varchar(300) NOT NULL,
    last_at timestamptz  NOT NULL,
    PRIMARY KEY (purpose, subject)
);

-- failed logins per client address, for the repeated-failures alert (rows older than the window are purged)
CREATE TABLE login_failure (
    id          bigserial PRIMARY KEY,
    ip          varchar(64)  NOT NULL,
    email       varchar(254) NOT NULL,
    occurred_at timestamptz  NOT NULL
);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, occurred_at);

-- password-reset links already used through POST /auth/password/reset (single use)
CREATE TABLE used_action_token (
    token_id   varchar(100) PRIMARY KEY,
    used_at    timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

-- social logins in flight: state -> PKCE verifier (null when the client holds it) and redirect URI
CREATE TABLE social_login (
    state         varchar(100) PRIMARY KEY,
    provider      varchar(20)  NOT NULL,
    code_verifier varchar(128),
    redirect_uri  varchar(500) NOT NULL,
    created_at    timestamptz  NOT NULL
);

-- the audit trail of every service (audit.events), append-only
CREATE TABLE audit_entry (
    id             uuid PRIMARY KEY,
    actor_id       varchar(100),
    actor_role     varchar(40),
    action         varchar(100) NOT NULL,
    resource_type  varchar(60)  NOT NULL,
    resource_id    varchar(200),
    before_summary text,
    after_summary  text,
    ip             varchar(64),
    request_id     varchar(128),
    occurred_at    timestamptz  NOT NULL,
    recorded_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, occurred_at DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, occurred_at DESC);
CREATE INDEX audit_entry_resource_idx ON audit_entry (resource_type, resource_id, occurred_at DESC);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
