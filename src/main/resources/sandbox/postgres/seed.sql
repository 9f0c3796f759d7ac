-- Seed of the sandbox database: an EDM (email marketing) schema with about 250,000 rows, so that backups,
-- verify, restore drills and database probes have real work to do. Run by `edm-console sandbox up` through
-- psql inside edm-postgres-sandbox, with -v seed_version=N.
--
-- Deterministic: every value comes from the row number (generate_series) through a fixed integer mix and a
-- fixed base time, never random() or now(), so every sandbox holds the same rows and tests can assert counts.
-- Idempotent: the marker table edm_sandbox_seed records the version. The same version → nothing is touched;
-- missing or another version → the EDM tables are dropped and made again, in one transaction (a seed cut
-- half-way leaves no marker and is redone next time). Tables the seed does not own are left alone.
--
-- Last output line: "edm-seed: present VERSION ROWS" or "edm-seed: created VERSION ROWS".

\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
\pset tuples_only on
\pset format unaligned

SELECT to_regclass('public.edm_sandbox_seed') IS NOT NULL AS has_marker \gset
\if :has_marker
SELECT coalesce(bool_or(version = :seed_version), false) AS current FROM edm_sandbox_seed \gset
\else
\set current f
\endif

\if :current
SELECT 'edm-seed: present ' || version || ' ' || total_rows FROM edm_sandbox_seed WHERE version = :seed_version;
\else
BEGIN;
-- Another sandbox up seeding at the same moment waits here rather than seeding twice.
SELECT pg_advisory_xact_lock(4242001) AS seed_lock \gset

DROP TABLE IF EXISTS events, sends, campaigns, templates, list_members, lists, contacts, users, edm_sandbox_seed CASCADE;

-- mix(n, salt): a fixed pseudo-random integer in [0, 4294967291) from a row number.
CREATE FUNCTION pg_temp.mix(n bigint, salt int) RETURNS bigint LANGUAGE sql IMMUTABLE AS
$$ SELECT ((n * 2654435761 + salt * 40503 + 12345) % 4294967291 + 4294967291) % 4294967291 $$;
-- pick(n, salt, choices): one of the choices, chosen by mix.
CREATE FUNCTION pg_temp.pick(n bigint, salt int, choices text[]) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT choices[1 + pg_temp.mix(n, salt) % array_length(choices, 1)] $$;

CREATE TABLE users (
    id            integer NOT NULL,
    email         text NOT NULL,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL,
    last_login_at timestamptz
);

CREATE TABLE contacts (
    id          bigint NOT NULL,
    email       text NOT NULL,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    country     char(2) NOT NULL,
    status      text NOT NULL CHECK (status IN ('subscribed', 'unsubscribed', 'bounced', 'complained')),
    source      text NOT NULL,
    attributes  jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE lists (
    id          integer NOT NULL,
    name        text NOT NULL,
    description text NOT NULL,
    owner_id    integer NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE list_members (
    list_id       integer NOT NULL,
    contact_id    bigint NOT NULL,
    status        text NOT NULL CHECK (status IN ('active', 'unsubscribed')),
    subscribed_at timestamptz NOT NULL
);

CREATE TABLE templates (
    id         integer NOT NULL,
    name       text NOT NULL,
    subject    text NOT NULL,
    html_body  text NOT NULL,
    text_body  text NOT NULL,
    created_by integer NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE campaigns (
    id           integer NOT NULL,
    name         text NOT NULL,
    subject      text NOT NULL,
    template_id  integer NOT NULL,
    list_id      integer NOT NULL,
    created_by   integer NOT NULL,
    status       text NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
    scheduled_at timestamptz,
    sent_at      timestamptz,
    created_at   timestamptz NOT NULL
);

CREATE TABLE sends (
    id           bigint NOT NULL,
    campaign_id  integer NOT NULL,
    contact_id   bigint NOT NULL,
    message_id   text NOT NULL,
    status       text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'bounced', 'failed')),
    sent_at      timestamptz NOT NULL,
    delivered_at timestamptz
);

CREATE TABLE events (
    id          bigint NOT NULL,
    send_id     bigint NOT NULL,
    type        text NOT NULL CHECK (type IN ('open', 'click', 'bounce', 'unsubscribe', 'complaint')),
    occurred_at timestamptz NOT NULL,
    url         text,
    user_agent  text,
    ip          inet
);

-- 20 users, 40,000 contacts, 30 lists, 80,000 list memberships, 24 templates, 240 campaigns,
-- 60,000 sends (200 sent campaigns x 300 contacts), 72,000 events; 252,315 rows with the marker's.
INSERT INTO users
SELECT g, 'user' || g || '@edm.example', initcap(pg_temp.pick(g, 1, ARRAY['alice','bob','carol','dave','erin','frank','grace','heidi','ivan','judy'])) || ' ' || g,
       CASE WHEN g <= 2 THEN 'admin' WHEN g <= 12 THEN 'editor' ELSE 'viewer' END,
       '$2b$10$' || md5('user' || g) || md5('salt' || g),
       timestamptz '2025-01-01 00:00:00+00' + g * interval '3 days',
       timestamptz '2026-01-01 00:00:00+00' - (pg_temp.mix(g, 2) % 86400) * interval '1 minute'
FROM generate_series(1, 20) g;

INSERT INTO contacts
SELECT g,
       pg_temp.pick(g, 3, ARRAY['li','wang','zhang','liu','chen','smith','jones','garcia','muller','rossi']) || '.' || g || '@'
           || pg_temp.pick(g, 4, ARRAY['example.com','example.net','example.org','mail.example','corp.example']),
       initcap(pg_temp.pick(g, 5, ARRAY['wei','fang','lei','min','anna','james','maria','lukas','sofia','omar','yuki','priya'])),
       initcap(pg_temp.pick(g, 6, ARRAY['li','wang','zhang','liu','chen','smith','jones','garcia','muller','rossi'])),
       pg_temp.pick(g, 7, ARRAY['CN','CN','CN','US','DE','FR','JP','GB','SG','BR']),
       CASE WHEN pg_temp.mix(g, 8) % 100 < 88 THEN 'subscribed' WHEN pg_temp.mix(g, 8) % 100 < 95 THEN 'unsubscribed'
            WHEN pg_temp.mix(g, 8) % 100 < 99 THEN 'bounced' ELSE 'complained' END,
       pg_temp.pick(g, 9, ARRAY['signup-form','import','api','landing-page','event']),
       jsonb_build_object('plan', pg_temp.pick(g, 10, ARRAY['free','pro','team']), 'lang', pg_temp.pick(g, 11, ARRAY['zh-CN','en','de','ja']),
                          'score', pg_temp.mix(g, 12) % 100, 'tags', jsonb_build_array(pg_temp.pick(g, 13, ARRAY['vip','new','churn-risk','beta'])),
                          'ref', md5('contact' || g)),
       timestamptz '2024-01-01 00:00:00+00' + (pg_temp.mix(g, 14) % 700) * interval '1 day' + (g % 86400) * interval '1 second',
       timestamptz '2025-12-01 00:00:00+00' + (pg_temp.mix(g, 15) % 30) * interval '1 day'
FROM generate_series(1, 40000) g;

INSERT INTO lists
SELECT g, 'List ' || g || ' ' || pg_temp.pick(g, 16, ARRAY['newsletter','product updates','promotions','webinar','onboarding','vip']),
       'Contacts for ' || pg_temp.pick(g, 17, ARRAY['the monthly newsletter','spring promotions','the product launch','the partner programme']),
       1 + (g % 12), timestamptz '2025-02-01 00:00:00+00' + g * interval '5 days'
FROM generate_series(1, 30) g;

-- Every contact is on two different lists: (7c + 13k) mod 30 differs for k = 0 and 1.
INSERT INTO list_members
SELECT 1 + ((c * 7 + k * 13) % 30), c,
       CASE WHEN pg_temp.mix(c * 2 + k, 18) % 100 < 93 THEN 'active' ELSE 'unsubscribed' END,
       timestamptz '2024-06-01 00:00:00+00' + (pg_temp.mix(c * 2 + k, 19) % 500) * interval '1 day'
FROM generate_series(1, 40000) c, generate_series(0, 1) k;

INSERT INTO templates
SELECT g, 'template-' || g, 'EDM {{first_name}}: ' || pg_temp.pick(g, 20, ARRAY['your monthly digest','new features','a special offer','we miss you']),
       '<html><body><table width="600">' || repeat('<tr><td style="padding:8px">{{first_name}}, ' || md5('template' || g) || ' <a href="https://edm.example/c/{{id}}">read more</a></td></tr>', 40)
           || '<tr><td><a href="https://edm.example/u/{{token}}">unsubscribe</a></td></tr></table></body></html>',
       repeat('Hello {{first_name}}, ' || md5('text' || g) || E'\n', 20),
       1 + (g % 12), timestamptz '2025-03-01 00:00:00+00' + g * interval '7 days', timestamptz '2025-09-01 00:00:00+00' + g * interval '2 days'
FROM generate_series(1, 24) g;

-- Campaigns 1-200 are sent (they have the sends), 201-240 are drafts, scheduled, sending or cancelled.
INSERT INTO campaigns
SELECT g, 'Campaign ' || g, pg_temp.pick(g, 21, ARRAY['Spring newsletter','Product launch','Black Friday','Webinar invite','Welcome series']) || ' #' || g,
       1 + (g % 24), 1 + (g % 30), 1 + (g % 12),
       CASE WHEN g <= 200 THEN 'sent' ELSE (ARRAY['draft','scheduled','sending','cancelled'])[1 + g % 4] END,
       timestamptz '2025-04-01 00:00:00+00' + g * interval '1 day',
       CASE WHEN g <= 200 THEN timestamptz '2025-04-01 00:10:00+00' + g * interval '1 day' END,
       timestamptz '2025-03-25 00:00:00+00' + g * interval '1 day'
FROM generate_series(1, 240) g;

-- Send s goes to campaign 1 + (s-1) mod 200 and contact 1 + (131k + 977c) mod 40000, k = (s-1) / 200 < 300:
-- one send per (campaign, contact), since 131 * 299 < 40000.
INSERT INTO sends
SELECT s, c, 1 + ((k * 131 + c * 977) % 40000), md5('send' || s) || '@mail.edm.example',
       CASE WHEN pg_temp.mix(s, 22) % 100 < 94 THEN 'delivered' WHEN pg_temp.mix(s, 22) % 100 < 97 THEN 'bounced'
            WHEN pg_temp.mix(s, 22) % 100 < 99 THEN 'sent' ELSE 'failed' END,
       timestamptz '2025-04-01 00:10:00+00' + c * interval '1 day' + (k * 3) * interval '1 second',
       timestamptz '2025-04-01 00:10:05+00' + c * interval '1 day' + (k * 3) * interval '1 second'
FROM (SELECT s, 1 + (s - 1) % 200 AS c, (s - 1) / 200 AS k FROM generate_series(1, 60000) s) x;

-- One event per send, then a click for the first 12,000 sends.
INSERT INTO events
SELECT e, 1 + (e - 1) % 60000, t,
       timestamptz '2025-04-01 01:00:00+00' + ((e - 1) % 60000 / 300) * interval '1 day' + (pg_temp.mix(e, 23) % 86400) * interval '1 second',
       CASE WHEN t = 'click' THEN 'https://edm.example/' || pg_temp.pick(e, 24, ARRAY['pricing','blog/spring','features','signup','docs']) || '?utm_campaign=c' || (1 + (e - 1) % 200) END,
       pg_temp.pick(e, 25, ARRAY['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36',
                                 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
                                 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15',
                                 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0)', 'GoogleImageProxy']),
       ('198.51.100.0'::inet + (pg_temp.mix(e, 26) % 250)::int)
FROM (SELECT e, CASE WHEN e > 60000 THEN 'click'
                     ELSE pg_temp.pick(e, 27, ARRAY['open','open','open','open','open','open','click','bounce','unsubscribe','complaint']) END AS t
      FROM generate_series(1, 72000) e) x;

-- Keys and foreign keys after the load, as bulk loads do: one index build and one validation per
-- constraint instead of a check per inserted row (several times faster). Names are PostgreSQL's defaults.
SET LOCAL maintenance_work_mem = '64MB';
ALTER TABLE users ADD PRIMARY KEY (id), ADD UNIQUE (email);
ALTER TABLE contacts ADD PRIMARY KEY (id), ADD UNIQUE (email);
ALTER TABLE lists ADD PRIMARY KEY (id), ADD UNIQUE (name), ADD FOREIGN KEY (owner_id) REFERENCES users (id);
ALTER TABLE list_members ADD PRIMARY KEY (list_id, contact_id),
    ADD FOREIGN KEY (list_id) REFERENCES lists (id) ON DELETE CASCADE,
    ADD FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE;
ALTER TABLE templates ADD PRIMARY KEY (id), ADD UNIQUE (name), ADD FOREIGN KEY (created_by) REFERENCES users (id);
ALTER TABLE campaigns ADD PRIMARY KEY (id), ADD FOREIGN KEY (template_id) REFERENCES templates (id),
    ADD FOREIGN KEY (list_id) REFERENCES lists (id), ADD FOREIGN KEY (created_by) REFERENCES users (id);
ALTER TABLE sends ADD PRIMARY KEY (id), ADD UNIQUE (message_id), ADD UNIQUE (campaign_id, contact_id),
    ADD FOREIGN KEY (campaign_id) REFERENCES campaigns (id), ADD FOREIGN KEY (contact_id) REFERENCES contacts (id);
ALTER TABLE events ADD PRIMARY KEY (id), ADD FOREIGN KEY (send_id) REFERENCES sends (id) ON DELETE CASCADE;

CREATE INDEX contacts_status_idx ON contacts (status);
CREATE INDEX contacts_created_at_idx ON contacts (created_at);
CREATE INDEX list_members_contact_idx ON list_members (contact_id);
CREATE INDEX campaigns_list_idx ON campaigns (list_id);
CREATE INDEX campaigns_status_idx ON campaigns (status, scheduled_at);
CREATE INDEX sends_contact_idx ON sends (contact_id);
CREATE INDEX sends_status_idx ON sends (status);
CREATE INDEX events_send_idx ON events (send_id);
CREATE INDEX events_type_time_idx ON events (type, occurred_at);

CREATE TABLE edm_sandbox_seed (
    version    integer PRIMARY KEY,
    seeded_at  timestamptz NOT NULL DEFAULT now(),
    total_rows bigint NOT NULL
);
INSERT INTO edm_sandbox_seed (version, total_rows)
SELECT :seed_version, 1 + (SELECT count(*) FROM users) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM lists)
       + (SELECT count(*) FROM list_members) + (SELECT count(*) FROM templates) + (SELECT count(*) FROM campaigns)
       + (SELECT count(*) FROM sends) + (SELECT count(*) FROM events);
COMMIT;
-- No ANALYZE here: autovacuum analyses the new tables within a minute, and up need not wait for it.
SELECT 'edm-seed: created ' || version || ' ' || total_rows FROM edm_sandbox_seed WHERE version = :seed_version;
\endif
