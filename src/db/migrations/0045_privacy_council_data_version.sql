-- Per-council caches for the personal-data tables (issues 18 and 21):
-- migration 0044 made their changes bump the installation's data version
-- (every council's cached pages); they belong to one council each, so,
-- as migration 0026 did for the older tables, a change bumps only that
-- council's version. protection_groups keeps 0044's installation-wide
-- bump: a group with no council is offered to every council. The
-- PostgreSQL TRUNCATE triggers of 0044 stay (as 0026 left 0010's).

-- @sqlite
DROP TRIGGER data_version_consents_i;
DROP TRIGGER data_version_consents_u;
DROP TRIGGER data_version_consents_d;
CREATE TRIGGER data_version_consents_i AFTER INSERT ON consents BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_consents_u AFTER UPDATE ON consents BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_consents_d AFTER DELETE ON consents BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_sensitive_data_i;
DROP TRIGGER data_version_sensitive_data_u;
DROP TRIGGER data_version_sensitive_data_d;
CREATE TRIGGER data_version_sensitive_data_i AFTER INSERT ON sensitive_data BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_sensitive_data_u AFTER UPDATE ON sensitive_data BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_sensitive_data_d AFTER DELETE ON sensitive_data BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_privacy_requests_i;
DROP TRIGGER data_version_privacy_requests_u;
DROP TRIGGER data_version_privacy_requests_d;
CREATE TRIGGER data_version_privacy_requests_i AFTER INSERT ON privacy_requests BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_privacy_requests_u AFTER UPDATE ON privacy_requests BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_privacy_requests_d AFTER DELETE ON privacy_requests BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_breaches_i;
DROP TRIGGER data_version_breaches_u;
DROP TRIGGER data_version_breaches_d;
CREATE TRIGGER data_version_breaches_i AFTER INSERT ON breaches BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_breaches_u AFTER UPDATE ON breaches BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_breaches_d AFTER DELETE ON breaches BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_breach_objects_i;
DROP TRIGGER data_version_breach_objects_u;
DROP TRIGGER data_version_breach_objects_d;
CREATE TRIGGER data_version_breach_objects_i AFTER INSERT ON breach_objects BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM breaches WHERE id = NEW.breach_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_breach_objects_u AFTER UPDATE ON breach_objects BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM breaches WHERE id = NEW.breach_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_breach_objects_d AFTER DELETE ON breach_objects BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM breaches WHERE id = OLD.breach_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_evidence_people_i;
DROP TRIGGER data_version_evidence_people_u;
DROP TRIGGER data_version_evidence_people_d;
CREATE TRIGGER data_version_evidence_people_i AFTER INSERT ON evidence_people BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM evidence_items i JOIN activities a ON a.id = i.activity_id WHERE i.id = NEW.evidence_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_evidence_people_u AFTER UPDATE ON evidence_people BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM evidence_items i JOIN activities a ON a.id = i.activity_id WHERE i.id = NEW.evidence_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_evidence_people_d AFTER DELETE ON evidence_people BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM evidence_items i JOIN activities a ON a.id = i.activity_id WHERE i.id = OLD.evidence_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_protection_groups_i;
DROP TRIGGER data_version_activity_protection_groups_u;
DROP TRIGGER data_version_activity_protection_groups_d;
CREATE TRIGGER data_version_activity_protection_groups_i AFTER INSERT ON activity_protection_groups BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_protection_groups_u AFTER UPDATE ON activity_protection_groups BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_protection_groups_d AFTER DELETE ON activity_protection_groups BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
-- @end
-- @postgresql
DROP TRIGGER data_version_consents ON consents;
CREATE CONSTRAINT TRIGGER data_version_consents AFTER INSERT OR UPDATE OR DELETE ON consents DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_sensitive_data ON sensitive_data;
CREATE CONSTRAINT TRIGGER data_version_sensitive_data AFTER INSERT OR UPDATE OR DELETE ON sensitive_data DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_privacy_requests ON privacy_requests;
CREATE CONSTRAINT TRIGGER data_version_privacy_requests AFTER INSERT OR UPDATE OR DELETE ON privacy_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_breaches ON breaches;
CREATE CONSTRAINT TRIGGER data_version_breaches AFTER INSERT OR UPDATE OR DELETE ON breaches DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_breach_objects ON breach_objects;
CREATE CONSTRAINT TRIGGER data_version_breach_objects AFTER INSERT OR UPDATE OR DELETE ON breach_objects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM breaches WHERE id = ($1).breach_id)');
DROP TRIGGER data_version_evidence_people ON evidence_people;
CREATE CONSTRAINT TRIGGER data_version_evidence_people AFTER INSERT OR UPDATE OR DELETE ON evidence_people DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT a.council_id FROM evidence_items i JOIN activities a ON a.id = i.activity_id WHERE i.id = ($1).evidence_id)');
DROP TRIGGER data_version_activity_protection_groups ON activity_protection_groups;
CREATE CONSTRAINT TRIGGER data_version_activity_protection_groups AFTER INSERT OR UPDATE OR DELETE ON activity_protection_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
-- @end
