-- Signed-in pages at national scale (issue 22): the installation's auth
-- version, which lets each server keep what it learnt about a session or
-- an API token, the councils and who belongs to them in memory
-- (src/store/accounts/auth_cache.c) and still refuse a signed-out or
-- disabled user on the very next request, whichever server or command made
-- the change.
--
-- auth_version.n grows with every committed write that can change who may
-- do what: a session ended or moved to another council, a token revoked,
-- an account changed (role, password, name, disabled), a councillor's
-- office (the account stops working when they leave it: ACCOUNTS_USABLE_SQL
-- in store/accounts/accounts.h), a membership of a council, a council
-- itself. Bumped by triggers in the same transaction as the write, so that
-- every writer counts (other servers, the command line, SQL by hand); a
-- server reads it once per signed-in request.
--
-- Left out on purpose, because they move on their own and change nobody's
-- rights: a session's last_seen_at and expires_at (touched every few
-- minutes; the cache keeps the expiry it read and never extends it), a
-- token's last_used_at, a new session or token (not in any cache yet), a
-- member's other columns (name, phone…).

CREATE TABLE auth_version (
  id INTEGER PRIMARY KEY CHECK (id = 1), -- one row
  n BIGINT NOT NULL                      -- bumped by every write above
);
-- It starts at a random number, so that two databases (a command or a
-- test that opens one after another in the same process) never share a
-- version and what was kept from one is never served for the other.
-- @sqlite
INSERT INTO auth_version (id, n) VALUES (1, 1 + abs(random() % 1000000000000));
-- @end
-- @postgresql
INSERT INTO auth_version (id, n) VALUES (1, 1 + floor(random() * 1000000000000)::bigint);
-- @end

-- SQLite triggers are per row and per event.
-- @sqlite
CREATE TRIGGER auth_version_sessions_u AFTER UPDATE OF user_id, token_hash, council_id ON sessions BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_sessions_d AFTER DELETE ON sessions BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_api_tokens_u AFTER UPDATE OF user_id, token_hash, revoked_at ON api_tokens BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_api_tokens_d AFTER DELETE ON api_tokens BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_users_u AFTER UPDATE ON users BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_users_d AFTER DELETE ON users BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_members_i AFTER INSERT ON members WHEN NEW.user_id IS NOT NULL BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_members_u AFTER UPDATE OF user_id, status, term_end, council_id ON members WHEN OLD.user_id IS NOT NEW.user_id OR OLD.status IS NOT NEW.status OR OLD.term_end IS NOT NEW.term_end OR OLD.council_id IS NOT NEW.council_id BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_members_d AFTER DELETE ON members WHEN OLD.user_id IS NOT NULL BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_council_members_i AFTER INSERT ON council_members BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_council_members_u AFTER UPDATE ON council_members BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_council_members_d AFTER DELETE ON council_members BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_councils_i AFTER INSERT ON councils BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_councils_u AFTER UPDATE ON councils BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER auth_version_councils_d AFTER DELETE ON councils BEGIN UPDATE auth_version SET n = n + 1 WHERE id = 1; END;
-- @end

-- PostgreSQL: deferred, once per transaction, at its commit (as
-- data_version's, migration 0010), so that the row is locked only for the
-- commit.
-- @postgresql
CREATE OR REPLACE FUNCTION cosoc_auth_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cosoc.auth_version_bumped', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('cosoc.auth_version_bumped', 'on', true);
  UPDATE auth_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER auth_version_sessions_u AFTER UPDATE OF user_id, token_hash, council_id ON sessions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_sessions_d AFTER DELETE ON sessions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE TRIGGER auth_version_sessions_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_api_tokens_u AFTER UPDATE OF user_id, token_hash, revoked_at ON api_tokens DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_api_tokens_d AFTER DELETE ON api_tokens DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE TRIGGER auth_version_api_tokens_truncate AFTER TRUNCATE ON api_tokens FOR EACH STATEMENT EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_users AFTER UPDATE OR DELETE ON users DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE TRIGGER auth_version_users_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_members_i AFTER INSERT ON members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.user_id IS NOT NULL) EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_members_u AFTER UPDATE OF user_id, status, term_end, council_id ON members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.status IS DISTINCT FROM NEW.status OR OLD.term_end IS DISTINCT FROM NEW.term_end OR OLD.council_id IS DISTINCT FROM NEW.council_id) EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_members_d AFTER DELETE ON members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.user_id IS NOT NULL) EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE TRIGGER auth_version_members_truncate AFTER TRUNCATE ON members FOR EACH STATEMENT EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_council_members AFTER INSERT OR UPDATE OR DELETE ON council_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE TRIGGER auth_version_council_members_truncate AFTER TRUNCATE ON council_members FOR EACH STATEMENT EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE CONSTRAINT TRIGGER auth_version_councils AFTER INSERT OR UPDATE OR DELETE ON councils DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_auth_version_bump();
CREATE TRIGGER auth_version_councils_truncate AFTER TRUNCATE ON councils FOR EACH STATEMENT EXECUTE FUNCTION cosoc_auth_version_bump();
-- @end
