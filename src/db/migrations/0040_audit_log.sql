-- The audit log (issue 21, Ley 21.719): who changed what, when and from
-- where. One row per changed row of every table (written by triggers, so
-- no write can forget it: web, API, command line and hand-made SQL alike)
-- and one per event that is not a row change (sign-in, failed sign-in,
-- token creation, role change, data export, erasure), written by
-- store/audit/audit_store.c.
--
-- The triggers themselves are not in this file: db/audit.c creates them
-- for every table after the migrations run (db_migrate), from the
-- database's own catalogue, so a table added by a later migration gets
-- them without anyone remembering to (tests/http/test_audit.py fails on
-- a table without them that is not on the short list of exclusions).
--
-- Only the NAMES of the fields changed are kept, never their values: the
-- log can be neither edited nor deleted, so a value copied into it could
-- never be erased (the right to erasure) and a sensitive value would live
-- on outside its table. Who did it is a user id (their e-mail is read from
-- users when the log is shown, so erasing a person's account anonymizes
-- the log too) or, without one, a label: «línea de comandos», «sistema»,
-- «visitante», or '' (SQL written by hand, outside cosoc).

CREATE TABLE audit_log (
  id @PK@,
  at BIGINT NOT NULL,               -- seconds since the epoch
  council_id BIGINT,                -- the row's council_id, else the request's (db_set_council)
  user_id BIGINT,                   -- who acted (no foreign key: the log outlives users)
  actor TEXT NOT NULL DEFAULT '',   -- without a user: «línea de comandos», «sistema», …
  address TEXT NOT NULL DEFAULT '', -- the client's address (web and API)
  object_kind TEXT NOT NULL,        -- member, activity, acta, agreement, plan, evidence, user, council, …
  object_id TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,             -- crear, modificar, eliminar, or an event (inicio_sesion, …)
  tbl TEXT NOT NULL DEFAULT '',     -- the table changed ('' for events)
  fields TEXT NOT NULL DEFAULT '',  -- names of the fields changed, comma-separated
  stamped INTEGER NOT NULL DEFAULT 0 -- SQLite: the connection's actor was written in
);
CREATE INDEX audit_log_object ON audit_log(object_kind, object_id, id);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(user_id, id);

-- Entries cannot be changed or deleted. On SQLite the one update allowed
-- is the stamping of a fresh entry with its connection's actor (db_sqlite.c:
-- a TEMP trigger, since triggers of the database cannot read a connection's
-- state).
-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.stamped <> 0 OR NEW.stamped <> 1 OR NEW.id IS NOT OLD.id
  OR NEW.at IS NOT OLD.at OR NEW.object_kind IS NOT OLD.object_kind
  OR NEW.object_id IS NOT OLD.object_id OR NEW.action IS NOT OLD.action
  OR NEW.tbl IS NOT OLD.tbl OR NEW.fields IS NOT OLD.fields
  OR (OLD.council_id IS NOT NULL AND NEW.council_id IS NOT OLD.council_id)
BEGIN SELECT RAISE(ABORT, 'el registro de auditoría no se puede modificar'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'el registro de auditoría no se puede borrar'); END;
-- @end
-- @postgresql
CREATE OR REPLACE FUNCTION cosoc_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'el registro de auditoría no se puede modificar ni borrar';
END $$;
CREATE TRIGGER audit_log_refuse BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION cosoc_audit_refuse();

-- One function for every table: TG_ARGV[0] is the object kind, [1] the
-- column holding the object's id, [2] the columns whose change alone is no
-- entry (bookkeeping: updated_at, version, last_used_at…). The actor comes
-- from the session settings cosoc.* that db_set_actor() sets.
CREATE OR REPLACE FUNCTION cosoc_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n jsonb;
  o jsonb;
  r jsonb;
  f text;
  act text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    n := to_jsonb(NEW); r := n; act := 'crear';
  ELSIF TG_OP = 'UPDATE' THEN
    n := to_jsonb(NEW); o := to_jsonb(OLD); r := n; act := 'modificar';
  ELSE
    o := to_jsonb(OLD); r := o; act := 'eliminar';
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT string_agg(e.key, ',' ORDER BY e.key) INTO f
      FROM jsonb_each(n) e
     WHERE NOT (e.key = ANY (string_to_array(TG_ARGV[2], ',')))
       AND (CASE WHEN TG_OP = 'UPDATE' THEN (o -> e.key) IS DISTINCT FROM e.value
                 ELSE jsonb_typeof(e.value) <> 'null' END);
    IF TG_OP = 'UPDATE' AND f IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO audit_log (at, council_id, user_id, actor, address, object_kind,
                         object_id, action, tbl, fields, stamped)
  VALUES (CAST(extract(epoch FROM clock_timestamp()) AS BIGINT),
          COALESCE(CASE WHEN jsonb_typeof(r -> 'council_id') = 'number'
                        THEN CAST(r ->> 'council_id' AS BIGINT) END,
                   CAST(NULLIF(current_setting('cosoc.council', true), '')
                        AS BIGINT)),
          CAST(NULLIF(current_setting('cosoc.actor_id', true), '') AS BIGINT),
          COALESCE(current_setting('cosoc.actor', true), ''),
          COALESCE(current_setting('cosoc.address', true), ''),
          TG_ARGV[0], COALESCE(r ->> TG_ARGV[1], ''), act, TG_TABLE_NAME,
          COALESCE(f, ''), 1);
  RETURN NULL;
END $$;
-- @end
