-- the global failed-login limit counts every address's failures within a window
CREATE INDEX login_failure_time_idx ON login_failure (occurred_at);

-- every verification SMS sent, for the per-number, per-user and global daily caps (purged after a day)
CREATE TABLE sms_sent (
    id      bigserial PRIMARY KEY,
    user_id uuid        NOT NULL,
    phone   varchar(16) NOT NULL,
    sent_at timestamptz NOT NULL
);
CREATE INDEX sms_sent_phone_idx ON sms_sent (phone, sent_at);
CREATE INDEX sms_sent_user_idx ON sms_sent (user_id, sent_at);
CREATE INDEX sms_sent_time_idx ON sms_sent (sent_at);

-- anonymous social logins in flight expire: the purge job deletes the oldest first
CREATE INDEX social_login_created_idx ON social_login (created_at);
