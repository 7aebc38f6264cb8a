-- Commission rules. Rows are never updated: a change is a new rule with a later effective_from, so
-- the rate in force at any past time can be answered. The rule in force for a scope (and category)
-- is the one with the latest effective_from <= now.
CREATE TABLE commission_rule (
    id             uuid        PRIMARY KEY,
    scope          text        NOT NULL CHECK (scope IN ('DEFAULT', 'SELLER', 'STORE')),
    scope_id       uuid,
    category_id    text,
    basis_points   integer     NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    minimum_minor  bigint      CHECK (minimum_minor >= 0),
    maximum_minor  bigint      CHECK (maximum_minor >= 0),
    currency       char(3),
    effective_from timestamptz NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL,
    CONSTRAINT commission_scope_ck CHECK ((scope = 'DEFAULT') = (scope_id IS NULL)),
    CONSTRAINT commission_bounds_ck CHECK (minimum_minor IS NULL OR maximum_minor IS NULL OR minimum_minor <= maximum_minor),
    CONSTRAINT commission_currency_ck CHECK ((minimum_minor IS NULL AND maximum_minor IS NULL) OR currency IS NOT NULL)
);

CREATE INDEX commission_rule_scope_idx ON commission_rule (scope, scope_id, category_id, effective_from DESC);
