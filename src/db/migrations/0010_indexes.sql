-- Performance (issue 9): indexes that the dashboard, the compliance report
-- and the cascades need, and the installation's data version, which the
-- render cache (src/pages/page_cache.c) keys its entries by.
--
-- data_version.n grows with every committed write to a table whose rows a
-- page shows. It is bumped by triggers, in the same transaction as the
-- write, so that every writer counts: each server process, the command line
-- (cosoc import-plan, cosoc demo) and hand-made SQL alike. A server reads it
-- once per cached page; with several servers on one PostgreSQL each sees
-- the other's writes on its next request.
--
-- Left out on purpose, because they change on every sign-in or every mail
-- and no cached page shows them: sessions, login_attempts, api_tokens,
-- calendar_feed_tokens, mail_outbox, mail_attachments, schema_migrations.
-- A new table that a page shows needs its triggers too (a test lists the
-- tables without them: tests/http/test_page_cache.py).

CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1), -- one row
  n BIGINT NOT NULL                      -- bumped by every relevant write
);
INSERT INTO data_version (id, n) VALUES (1, 1);

CREATE INDEX attendance_member ON attendance(member_id);
CREATE INDEX attendance_substitute ON attendance(substitute_for);
CREATE INDEX evidence_items_file ON evidence_items(file_sha256);
CREATE INDEX activity_plan_lines_line ON activity_plan_lines(line_number);
CREATE INDEX activity_vehicles_activity ON activity_vehicles(activity_id);
CREATE INDEX activity_seats_vehicle ON activity_seats(vehicle_id);
CREATE INDEX plan_line_evidence_kind ON plan_line_evidence(kind);
-- A council's activities in id order: the compliance feed joins and sorts by it.
CREATE INDEX activities_council ON activities(council_id, id);

-- SQLite triggers are per row and per event.
-- @sqlite
CREATE TRIGGER data_version_acta_comments_i AFTER INSERT ON acta_comments BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_comments_u AFTER UPDATE ON acta_comments BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_comments_d AFTER DELETE ON acta_comments BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_corrections_i AFTER INSERT ON acta_corrections BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_corrections_u AFTER UPDATE ON acta_corrections BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_corrections_d AFTER DELETE ON acta_corrections BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_items_i AFTER INSERT ON acta_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_items_u AFTER UPDATE ON acta_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_acta_items_d AFTER DELETE ON acta_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_actas_i AFTER INSERT ON actas BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_actas_u AFTER UPDATE ON actas BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_actas_d AFTER DELETE ON actas BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activities_i AFTER INSERT ON activities BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activities_u AFTER UPDATE ON activities BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activities_d AFTER DELETE ON activities BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_agenda_i AFTER INSERT ON activity_agenda BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_agenda_u AFTER UPDATE ON activity_agenda BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_agenda_d AFTER DELETE ON activity_agenda BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_history_i AFTER INSERT ON activity_history BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_history_u AFTER UPDATE ON activity_history BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_history_d AFTER DELETE ON activity_history BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_invitations_i AFTER INSERT ON activity_invitations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_invitations_u AFTER UPDATE ON activity_invitations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_invitations_d AFTER DELETE ON activity_invitations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_kinds_i AFTER INSERT ON activity_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_kinds_u AFTER UPDATE ON activity_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_kinds_d AFTER DELETE ON activity_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_plan_lines_i AFTER INSERT ON activity_plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_plan_lines_u AFTER UPDATE ON activity_plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_plan_lines_d AFTER DELETE ON activity_plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_seats_i AFTER INSERT ON activity_seats BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_seats_u AFTER UPDATE ON activity_seats BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_seats_d AFTER DELETE ON activity_seats BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_vehicles_i AFTER INSERT ON activity_vehicles BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_vehicles_u AFTER UPDATE ON activity_vehicles BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_vehicles_d AFTER DELETE ON activity_vehicles BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_agreement_log_i AFTER INSERT ON agreement_log BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_agreement_log_u AFTER UPDATE ON agreement_log BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_agreement_log_d AFTER DELETE ON agreement_log BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_agreements_i AFTER INSERT ON agreements BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_agreements_u AFTER UPDATE ON agreements BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_agreements_d AFTER DELETE ON agreements BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_attendance_i AFTER INSERT ON attendance BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_attendance_u AFTER UPDATE ON attendance BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_attendance_d AFTER DELETE ON attendance BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_authority_answers_i AFTER INSERT ON authority_answers BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_authority_answers_u AFTER UPDATE ON authority_answers BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_authority_answers_d AFTER DELETE ON authority_answers BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_authority_requests_i AFTER INSERT ON authority_requests BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_authority_requests_u AFTER UPDATE ON authority_requests BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_authority_requests_d AFTER DELETE ON authority_requests BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_councils_i AFTER INSERT ON councils BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_councils_u AFTER UPDATE ON councils BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_councils_d AFTER DELETE ON councils BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_directory_entries_i AFTER INSERT ON directory_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_directory_entries_u AFTER UPDATE ON directory_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_directory_entries_d AFTER DELETE ON directory_entries BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_derivatives_i AFTER INSERT ON evidence_derivatives BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_derivatives_u AFTER UPDATE ON evidence_derivatives BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_derivatives_d AFTER DELETE ON evidence_derivatives BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_files_i AFTER INSERT ON evidence_files BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_files_u AFTER UPDATE ON evidence_files BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_files_d AFTER DELETE ON evidence_files BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_items_i AFTER INSERT ON evidence_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_items_u AFTER UPDATE ON evidence_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_items_d AFTER DELETE ON evidence_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_kinds_i AFTER INSERT ON evidence_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_kinds_u AFTER UPDATE ON evidence_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_kinds_d AFTER DELETE ON evidence_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_member_invitations_i AFTER INSERT ON member_invitations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_member_invitations_u AFTER UPDATE ON member_invitations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_member_invitations_d AFTER DELETE ON member_invitations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_members_i AFTER INSERT ON members BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_members_u AFTER UPDATE ON members BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_members_d AFTER DELETE ON members BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_organizations_i AFTER INSERT ON organizations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_organizations_u AFTER UPDATE ON organizations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_organizations_d AFTER DELETE ON organizations BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_line_evidence_i AFTER INSERT ON plan_line_evidence BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_line_evidence_u AFTER UPDATE ON plan_line_evidence BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_line_evidence_d AFTER DELETE ON plan_line_evidence BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_lines_i AFTER INSERT ON plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_lines_u AFTER UPDATE ON plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_lines_d AFTER DELETE ON plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_objectives_i AFTER INSERT ON plan_objectives BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_objectives_u AFTER UPDATE ON plan_objectives BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_objectives_d AFTER DELETE ON plan_objectives BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_versions_i AFTER INSERT ON plan_versions BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_versions_u AFTER UPDATE ON plan_versions BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plan_versions_d AFTER DELETE ON plan_versions BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plans_i AFTER INSERT ON plans BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plans_u AFTER UPDATE ON plans BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_plans_d AFTER DELETE ON plans BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_quorum_settings_i AFTER INSERT ON quorum_settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_quorum_settings_u AFTER UPDATE ON quorum_settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_quorum_settings_d AFTER DELETE ON quorum_settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_settings_i AFTER INSERT ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_settings_u AFTER UPDATE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_settings_d AFTER DELETE ON settings BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_communes_i AFTER INSERT ON territory_communes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_communes_u AFTER UPDATE ON territory_communes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_communes_d AFTER DELETE ON territory_communes BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_provinces_i AFTER INSERT ON territory_provinces BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_provinces_u AFTER UPDATE ON territory_provinces BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_provinces_d AFTER DELETE ON territory_provinces BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_regions_i AFTER INSERT ON territory_regions BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_regions_u AFTER UPDATE ON territory_regions BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_territory_regions_d AFTER DELETE ON territory_regions BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_users_i AFTER INSERT ON users BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_users_u AFTER UPDATE ON users BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_users_d AFTER DELETE ON users BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
-- @end
-- PostgreSQL: one bump per statement, however many rows it touches.
-- @postgresql
CREATE OR REPLACE FUNCTION cosoc_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER data_version_acta_comments AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON acta_comments FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_acta_corrections AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON acta_corrections FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_acta_items AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON acta_items FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_actas AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON actas FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activities AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activities FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_agenda AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_agenda FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_history AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_history FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_invitations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_invitations FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_kinds AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_kinds FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_plan_lines AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_plan_lines FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_seats AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_seats FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_vehicles AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activity_vehicles FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_agreement_log AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreement_log FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_agreements AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreements FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_attendance AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_authority_answers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authority_answers FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_authority_requests AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON authority_requests FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_councils AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON councils FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_directory_entries AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_entries FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_evidence_derivatives AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evidence_derivatives FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_evidence_files AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evidence_files FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_evidence_items AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evidence_items FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_evidence_kinds AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON evidence_kinds FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_member_invitations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_invitations FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_members AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON members FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_organizations AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_plan_line_evidence AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_line_evidence FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_plan_lines AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_lines FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_plan_objectives AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_objectives FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_plan_versions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_versions FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_plans AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_quorum_settings AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON quorum_settings FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_settings AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_territory_communes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON territory_communes FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_territory_provinces AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON territory_provinces FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_territory_regions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON territory_regions FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_users AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
-- @end
