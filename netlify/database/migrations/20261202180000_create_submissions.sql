-- Form submissions, their e-mails (an outbox) and the counters of the abuse
-- limits. One submission is stored by one call of `pbc_submit` (one statement,
-- so one transaction): its reference, the record and its outbox rows are
-- committed together or not at all. Times are `timestamptz` (UTC inside);
-- reference years follow the Europe/Paris calendar; the counters' windows
-- are fixed UTC intervals (an hour, a day from midnight UTC).

-- Last reference number given per year (`PBC-2026-00042`): unique, not
-- necessarily gap-free (a refused or rolled-back submission may skip one).
CREATE TABLE reference_counters (
  year integer PRIMARY KEY,
  last_number integer NOT NULL
);

CREATE TABLE submissions (
  id bigserial PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  form text NOT NULL,
  -- Identity of one filling of a form (the signed token's nonce): a resubmission
  -- of the same filling gets the first reference back.
  nonce text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- The validated form output (JSON-safe: strings, numbers, booleans, arrays).
  data jsonb NOT NULL,
  -- The submitter's address as a matching key (see src/lib/forms/store/email-key.ts).
  submitter_key text NOT NULL,
  UNIQUE (form, nonce)
);
CREATE INDEX submissions_received_at ON submissions (received_at);
CREATE INDEX submissions_submitter_key ON submissions (submitter_key);

-- One row per e-mail of a submission.
--   pending: to send (by the request that stored it, or the scheduled retry);
--   sent; failed: refused for good or out of attempts, shown to the team;
--   held: not sent on purpose (a cap, or a deploy preview without test address),
--         the reason in held_reason, the team's e-mail says so.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('team', 'startup', 'confirmation')),
  recipient text NOT NULL,
  recipient_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'held')),
  held_reason text,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  -- A sender holds the row until then; another sender takes it only after.
  claimed_until timestamptz,
  claim_id uuid,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (submission_id, kind)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_recipient_key ON outbox (recipient_key);

-- Sends refused as spam (honeypot, forged token, Turnstile), kept a short
-- while for reviewing false positives; bounded by the counters below.
CREATE TABLE spam (
  id bigserial PRIMARY KEY,
  form text NOT NULL,
  reason text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- The fields as sent, each cut to a bounded length.
  fields jsonb NOT NULL,
  submitter_key text
);
CREATE INDEX spam_received_at ON spam (received_at);
CREATE INDEX spam_submitter_key ON spam (submitter_key);

-- Fixed-window counters: scope (what is counted, e.g. `client:<keyed hash of
-- the network address>`, `confirmation:<SHA-256 of the address key>`,
-- `all-submissions`) and the window's start. No address is kept in clear.
CREATE TABLE rate_counters (
  scope text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (scope, window_start)
);
CREATE INDEX rate_counters_window_start ON rate_counters (window_start);

-- The hash of an address key in counter scopes (hex SHA-256).
CREATE FUNCTION pbc_address_hash(p_key text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(p_key, 'UTF8')), 'hex')
$$;

-- Count one more event of `p_scope` in the current window of `p_window`;
-- returns the new count. The row lock of the upsert serialises concurrent callers.
CREATE FUNCTION pbc_count(p_scope text, p_window interval) RETURNS integer
LANGUAGE sql AS $$
  INSERT INTO rate_counters AS c (scope, window_start, count)
  VALUES (p_scope, date_bin(p_window, now(), timestamptz '2000-01-01 00:00:00+00'), 1)
  ON CONFLICT (scope, window_start) DO UPDATE SET count = c.count + 1
  RETURNING count
$$;

-- Store one submission (see src/lib/forms/store/store-submission.ts for the
-- meaning of each argument and of the returned JSON). Pending e-mails are
-- claimed by the calling request (`claimed_until`, `claim_id`): it sends them
-- after answering the visitor; the scheduled retry takes them only once the
-- claim has expired.
CREATE FUNCTION pbc_submit(
  p_form text,
  p_nonce text,
  p_data jsonb,
  p_submitter_key text,
  p_client_key text,
  p_messages jsonb,
  p_rate_max integer,
  p_rate_window_seconds integer,
  p_hourly_cap integer,
  p_claim_seconds integer,
  p_claim_id uuid
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_existing text;
  v_year integer;
  v_number integer;
  v_reference text;
  v_id bigint;
  v_over_hourly boolean;
  v_message jsonb;
  v_status text;
  v_reason text;
  v_rows jsonb := '[]'::jsonb;
  v_row_id bigint;
BEGIN
  SELECT reference INTO v_existing FROM submissions WHERE form = p_form AND nonce = p_nonce;
  IF FOUND THEN
    RETURN jsonb_build_object('outcome', 'duplicate', 'reference', v_existing);
  END IF;

  IF pbc_count('client:' || p_client_key, make_interval(secs => p_rate_window_seconds)) > p_rate_max THEN
    RETURN jsonb_build_object('outcome', 'rate-limited');
  END IF;

  v_year := extract(year FROM now() AT TIME ZONE 'Europe/Paris')::integer;
  INSERT INTO reference_counters AS c (year, last_number) VALUES (v_year, 1)
  ON CONFLICT (year) DO UPDATE SET last_number = c.last_number + 1
  RETURNING last_number INTO v_number;
  v_reference := format('PBC-%s-%s', v_year, CASE WHEN v_number < 100000 THEN lpad(v_number::text, 5, '0') ELSE v_number::text END);

  INSERT INTO submissions (reference, form, nonce, data, submitter_key)
  VALUES (v_reference, p_form, p_nonce, p_data, p_submitter_key)
  ON CONFLICT (form, nonce) DO NOTHING
  RETURNING id INTO v_id;
  IF v_id IS NULL THEN
    -- The same filling was stored by a concurrent call between our check and our insert.
    SELECT reference INTO v_existing FROM submissions WHERE form = p_form AND nonce = p_nonce;
    RETURN jsonb_build_object('outcome', 'duplicate', 'reference', v_existing);
  END IF;

  v_over_hourly := pbc_count('all-submissions', interval '1 hour') > p_hourly_cap;

  FOR v_message IN SELECT * FROM jsonb_array_elements(p_messages) LOOP
    v_status := 'pending';
    v_reason := NULL;
    IF v_message->>'kind' <> 'team' THEN
      IF v_over_hourly THEN
        v_status := 'held';
        v_reason := 'hourly-cap';
      ELSIF (v_message->>'daily_cap') IS NOT NULL
        AND pbc_count((v_message->>'kind') || ':' || pbc_address_hash(v_message->>'recipient_key'), interval '1 day') > (v_message->>'daily_cap')::integer THEN
        v_status := 'held';
        v_reason := 'recipient-cap';
      END IF;
    END IF;
    INSERT INTO outbox (submission_id, kind, recipient, recipient_key, status, held_reason, claimed_until, claim_id)
    VALUES (
      v_id, v_message->>'kind', v_message->>'recipient', v_message->>'recipient_key', v_status, v_reason,
      CASE WHEN v_status = 'pending' THEN now() + make_interval(secs => p_claim_seconds) END,
      CASE WHEN v_status = 'pending' THEN p_claim_id END
    )
    RETURNING id INTO v_row_id;
    v_rows := v_rows || jsonb_build_object('id', v_row_id, 'kind', v_message->>'kind', 'recipient', v_message->>'recipient', 'status', v_status, 'held_reason', v_reason);
  END LOOP;

  RETURN jsonb_build_object('outcome', 'accepted', 'reference', v_reference, 'received_at', now(), 'hourly_cap_reached', v_over_hourly, 'messages', v_rows);
END
$$;

-- Keep one send refused as spam, unless its client already had
-- `p_client_hourly_max` kept this hour or the site `p_daily_max` today: a flood
-- of spam is counted, not stored. Returns whether it was kept.
CREATE FUNCTION pbc_record_spam(
  p_form text,
  p_reason text,
  p_client_key text,
  p_fields jsonb,
  p_submitter_key text,
  p_client_hourly_max integer,
  p_daily_max integer
) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  -- Two statements: SQL does not promise the order of an OR's operands, and a
  -- client over its own limit must not use up the site's daily count.
  IF pbc_count('spam-client:' || p_client_key, interval '1 hour') > p_client_hourly_max THEN
    RETURN false;
  END IF;
  IF pbc_count('spam-all', interval '1 day') > p_daily_max THEN
    RETURN false;
  END IF;
  INSERT INTO spam (form, reason, fields, submitter_key) VALUES (p_form, p_reason, p_fields, p_submitter_key);
  RETURN true;
END
$$;
