-- The page cache (migration 0010) must see the personal-data tables that
-- pages show change: a consent refused or a person tagged in a photo
-- changes what the public sees of an activity's evidence at once. Left
-- out on purpose: audit_log (written with every write and on each
-- sign-in; its page is never cached), mail_suppressions and job_leases
-- (no page shows them).

-- @sqlite
CREATE TRIGGER data_version_consents_i AFTER INSERT ON consents BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_consents_u AFTER UPDATE ON consents BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_consents_d AFTER DELETE ON consents BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_people_i AFTER INSERT ON evidence_people BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_people_u AFTER UPDATE ON evidence_people BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_people_d AFTER DELETE ON evidence_people BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_protection_groups_i AFTER INSERT ON protection_groups BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_protection_groups_u AFTER UPDATE ON protection_groups BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_protection_groups_d AFTER DELETE ON protection_groups BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_protection_groups_i AFTER INSERT ON activity_protection_groups BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_protection_groups_u AFTER UPDATE ON activity_protection_groups BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_protection_groups_d AFTER DELETE ON activity_protection_groups BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_sensitive_data_i AFTER INSERT ON sensitive_data BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_sensitive_data_u AFTER UPDATE ON sensitive_data BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_sensitive_data_d AFTER DELETE ON sensitive_data BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_privacy_requests_i AFTER INSERT ON privacy_requests BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_privacy_requests_u AFTER UPDATE ON privacy_requests BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_privacy_requests_d AFTER DELETE ON privacy_requests BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_breaches_i AFTER INSERT ON breaches BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_breaches_u AFTER UPDATE ON breaches BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_breaches_d AFTER DELETE ON breaches BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_breach_objects_i AFTER INSERT ON breach_objects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_breach_objects_u AFTER UPDATE ON breach_objects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_breach_objects_d AFTER DELETE ON breach_objects BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
-- @end
-- @postgresql
CREATE CONSTRAINT TRIGGER data_version_consents AFTER INSERT OR UPDATE OR DELETE ON consents DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_consents_truncate AFTER TRUNCATE ON consents FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_evidence_people AFTER INSERT OR UPDATE OR DELETE ON evidence_people DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_evidence_people_truncate AFTER TRUNCATE ON evidence_people FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_protection_groups AFTER INSERT OR UPDATE OR DELETE ON protection_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_protection_groups_truncate AFTER TRUNCATE ON protection_groups FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_activity_protection_groups AFTER INSERT OR UPDATE OR DELETE ON activity_protection_groups DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_protection_groups_truncate AFTER TRUNCATE ON activity_protection_groups FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_sensitive_data AFTER INSERT OR UPDATE OR DELETE ON sensitive_data DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_sensitive_data_truncate AFTER TRUNCATE ON sensitive_data FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_privacy_requests AFTER INSERT OR UPDATE OR DELETE ON privacy_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_privacy_requests_truncate AFTER TRUNCATE ON privacy_requests FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_breaches AFTER INSERT OR UPDATE OR DELETE ON breaches DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_breaches_truncate AFTER TRUNCATE ON breaches FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_breach_objects AFTER INSERT OR UPDATE OR DELETE ON breach_objects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_breach_objects_truncate AFTER TRUNCATE ON breach_objects FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
-- @end
