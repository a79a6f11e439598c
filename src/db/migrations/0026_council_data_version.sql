-- Per-council caches (issue 18): a change in one council never empties
-- another council's cached pages. Each council has its own data version,
-- bumped by triggers on its tables, which find the row's council (directly
-- or through the parent row); data_version (row 1) stays the installation's
-- and counts what every council shows: the territory, accounts, the
-- standard kinds, stored files, installation-wide settings. The render
-- cache keys an entry by both (src/pages/page_cache.c).
--
-- A row whose parent is already gone (a cascade) finds no council and
-- bumps nothing: the parent's own trigger bumped its council. A new table
-- of a council's data needs its triggers here too (tests/http/
-- test_page_cache.py lists the tables without any).

CREATE TABLE council_data_version (
  council_id BIGINT PRIMARY KEY, -- councils.id (no foreign key: a bump must never fail)
  n BIGINT NOT NULL
);
INSERT INTO council_data_version(council_id, n) SELECT id, 1 FROM councils;

-- SQLite triggers are per row and per event.
-- @sqlite
DROP TRIGGER data_version_acta_comments_i;
DROP TRIGGER data_version_acta_comments_u;
DROP TRIGGER data_version_acta_comments_d;
CREATE TRIGGER data_version_acta_comments_i AFTER INSERT ON acta_comments BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM acta_items i JOIN actas t ON t.id = i.acta_id JOIN activities a ON a.id = t.activity_id WHERE i.id = NEW.acta_item_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_acta_comments_u AFTER UPDATE ON acta_comments BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM acta_items i JOIN actas t ON t.id = i.acta_id JOIN activities a ON a.id = t.activity_id WHERE i.id = NEW.acta_item_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_acta_comments_d AFTER DELETE ON acta_comments BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM acta_items i JOIN actas t ON t.id = i.acta_id JOIN activities a ON a.id = t.activity_id WHERE i.id = OLD.acta_item_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_acta_corrections_i;
DROP TRIGGER data_version_acta_corrections_u;
DROP TRIGGER data_version_acta_corrections_d;
CREATE TRIGGER data_version_acta_corrections_i AFTER INSERT ON acta_corrections BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = NEW.acta_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_acta_corrections_u AFTER UPDATE ON acta_corrections BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = NEW.acta_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_acta_corrections_d AFTER DELETE ON acta_corrections BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = OLD.acta_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_acta_items_i;
DROP TRIGGER data_version_acta_items_u;
DROP TRIGGER data_version_acta_items_d;
CREATE TRIGGER data_version_acta_items_i AFTER INSERT ON acta_items BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = NEW.acta_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_acta_items_u AFTER UPDATE ON acta_items BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = NEW.acta_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_acta_items_d AFTER DELETE ON acta_items BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = OLD.acta_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_actas_i;
DROP TRIGGER data_version_actas_u;
DROP TRIGGER data_version_actas_d;
CREATE TRIGGER data_version_actas_i AFTER INSERT ON actas BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_actas_u AFTER UPDATE ON actas BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_actas_d AFTER DELETE ON actas BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activities_i;
DROP TRIGGER data_version_activities_u;
DROP TRIGGER data_version_activities_d;
CREATE TRIGGER data_version_activities_i AFTER INSERT ON activities BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activities_u AFTER UPDATE ON activities BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activities_d AFTER DELETE ON activities BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_agenda_i;
DROP TRIGGER data_version_activity_agenda_u;
DROP TRIGGER data_version_activity_agenda_d;
CREATE TRIGGER data_version_activity_agenda_i AFTER INSERT ON activity_agenda BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_agenda_u AFTER UPDATE ON activity_agenda BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_agenda_d AFTER DELETE ON activity_agenda BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_history_i;
DROP TRIGGER data_version_activity_history_u;
DROP TRIGGER data_version_activity_history_d;
CREATE TRIGGER data_version_activity_history_i AFTER INSERT ON activity_history BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_history_u AFTER UPDATE ON activity_history BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_history_d AFTER DELETE ON activity_history BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_invitations_i;
DROP TRIGGER data_version_activity_invitations_u;
DROP TRIGGER data_version_activity_invitations_d;
CREATE TRIGGER data_version_activity_invitations_i AFTER INSERT ON activity_invitations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_invitations_u AFTER UPDATE ON activity_invitations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_invitations_d AFTER DELETE ON activity_invitations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_plan_lines_i;
DROP TRIGGER data_version_activity_plan_lines_u;
DROP TRIGGER data_version_activity_plan_lines_d;
CREATE TRIGGER data_version_activity_plan_lines_i AFTER INSERT ON activity_plan_lines BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_plan_lines_u AFTER UPDATE ON activity_plan_lines BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_plan_lines_d AFTER DELETE ON activity_plan_lines BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_seats_i;
DROP TRIGGER data_version_activity_seats_u;
DROP TRIGGER data_version_activity_seats_d;
CREATE TRIGGER data_version_activity_seats_i AFTER INSERT ON activity_seats BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM activity_vehicles v JOIN activities a ON a.id = v.activity_id WHERE v.id = NEW.vehicle_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_seats_u AFTER UPDATE ON activity_seats BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM activity_vehicles v JOIN activities a ON a.id = v.activity_id WHERE v.id = NEW.vehicle_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_seats_d AFTER DELETE ON activity_seats BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT a.council_id FROM activity_vehicles v JOIN activities a ON a.id = v.activity_id WHERE v.id = OLD.vehicle_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_activity_vehicles_i;
DROP TRIGGER data_version_activity_vehicles_u;
DROP TRIGGER data_version_activity_vehicles_d;
CREATE TRIGGER data_version_activity_vehicles_i AFTER INSERT ON activity_vehicles BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_vehicles_u AFTER UPDATE ON activity_vehicles BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_activity_vehicles_d AFTER DELETE ON activity_vehicles BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_agreement_log_i;
DROP TRIGGER data_version_agreement_log_u;
DROP TRIGGER data_version_agreement_log_d;
CREATE TRIGGER data_version_agreement_log_i AFTER INSERT ON agreement_log BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM agreements WHERE id = NEW.agreement_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_agreement_log_u AFTER UPDATE ON agreement_log BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM agreements WHERE id = NEW.agreement_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_agreement_log_d AFTER DELETE ON agreement_log BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM agreements WHERE id = OLD.agreement_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_agreements_i;
DROP TRIGGER data_version_agreements_u;
DROP TRIGGER data_version_agreements_d;
CREATE TRIGGER data_version_agreements_i AFTER INSERT ON agreements BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_agreements_u AFTER UPDATE ON agreements BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_agreements_d AFTER DELETE ON agreements BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_attendance_i;
DROP TRIGGER data_version_attendance_u;
DROP TRIGGER data_version_attendance_d;
CREATE TRIGGER data_version_attendance_i AFTER INSERT ON attendance BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_attendance_u AFTER UPDATE ON attendance BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_attendance_d AFTER DELETE ON attendance BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_authority_answers_i;
DROP TRIGGER data_version_authority_answers_u;
DROP TRIGGER data_version_authority_answers_d;
CREATE TRIGGER data_version_authority_answers_i AFTER INSERT ON authority_answers BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM authority_requests WHERE id = NEW.request_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_authority_answers_u AFTER UPDATE ON authority_answers BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM authority_requests WHERE id = NEW.request_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_authority_answers_d AFTER DELETE ON authority_answers BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM authority_requests WHERE id = OLD.request_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_authority_requests_i;
DROP TRIGGER data_version_authority_requests_u;
DROP TRIGGER data_version_authority_requests_d;
CREATE TRIGGER data_version_authority_requests_i AFTER INSERT ON authority_requests BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_authority_requests_u AFTER UPDATE ON authority_requests BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_authority_requests_d AFTER DELETE ON authority_requests BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_council_evidence_kinds_i;
DROP TRIGGER data_version_council_evidence_kinds_u;
DROP TRIGGER data_version_council_evidence_kinds_d;
CREATE TRIGGER data_version_council_evidence_kinds_i AFTER INSERT ON council_evidence_kinds BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_evidence_kinds_u AFTER UPDATE ON council_evidence_kinds BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_evidence_kinds_d AFTER DELETE ON council_evidence_kinds BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_settings_i AFTER INSERT ON council_settings BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_settings_u AFTER UPDATE ON council_settings BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_settings_d AFTER DELETE ON council_settings BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_councils_i;
DROP TRIGGER data_version_councils_u;
DROP TRIGGER data_version_councils_d;
CREATE TRIGGER data_version_councils_i AFTER INSERT ON councils BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_councils_u AFTER UPDATE ON councils BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_councils_d AFTER DELETE ON councils BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_directory_entries_i;
DROP TRIGGER data_version_directory_entries_u;
DROP TRIGGER data_version_directory_entries_d;
CREATE TRIGGER data_version_directory_entries_i AFTER INSERT ON directory_entries BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_directory_entries_u AFTER UPDATE ON directory_entries BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_directory_entries_d AFTER DELETE ON directory_entries BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_evidence_items_i;
DROP TRIGGER data_version_evidence_items_u;
DROP TRIGGER data_version_evidence_items_d;
CREATE TRIGGER data_version_evidence_items_i AFTER INSERT ON evidence_items BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_evidence_items_u AFTER UPDATE ON evidence_items BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = NEW.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_evidence_items_d AFTER DELETE ON evidence_items BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM activities WHERE id = OLD.activity_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_member_invitations_i;
DROP TRIGGER data_version_member_invitations_u;
DROP TRIGGER data_version_member_invitations_d;
CREATE TRIGGER data_version_member_invitations_i AFTER INSERT ON member_invitations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM members WHERE id = NEW.member_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_member_invitations_u AFTER UPDATE ON member_invitations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM members WHERE id = NEW.member_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_member_invitations_d AFTER DELETE ON member_invitations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM members WHERE id = OLD.member_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_members_i;
DROP TRIGGER data_version_members_u;
DROP TRIGGER data_version_members_d;
CREATE TRIGGER data_version_members_i AFTER INSERT ON members BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_members_u AFTER UPDATE ON members BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_members_d AFTER DELETE ON members BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_organizations_i;
DROP TRIGGER data_version_organizations_u;
DROP TRIGGER data_version_organizations_d;
CREATE TRIGGER data_version_organizations_i AFTER INSERT ON organizations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_organizations_u AFTER UPDATE ON organizations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_organizations_d AFTER DELETE ON organizations BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_plan_line_evidence_i;
DROP TRIGGER data_version_plan_line_evidence_u;
DROP TRIGGER data_version_plan_line_evidence_d;
CREATE TRIGGER data_version_plan_line_evidence_i AFTER INSERT ON plan_line_evidence BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_lines l JOIN plan_versions v ON v.id = l.version_id JOIN plans p ON p.id = v.plan_id WHERE l.id = NEW.line_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_line_evidence_u AFTER UPDATE ON plan_line_evidence BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_lines l JOIN plan_versions v ON v.id = l.version_id JOIN plans p ON p.id = v.plan_id WHERE l.id = NEW.line_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_line_evidence_d AFTER DELETE ON plan_line_evidence BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_lines l JOIN plan_versions v ON v.id = l.version_id JOIN plans p ON p.id = v.plan_id WHERE l.id = OLD.line_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_plan_lines_i;
DROP TRIGGER data_version_plan_lines_u;
DROP TRIGGER data_version_plan_lines_d;
CREATE TRIGGER data_version_plan_lines_i AFTER INSERT ON plan_lines BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = NEW.version_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_lines_u AFTER UPDATE ON plan_lines BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = NEW.version_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_lines_d AFTER DELETE ON plan_lines BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = OLD.version_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_plan_objectives_i;
DROP TRIGGER data_version_plan_objectives_u;
DROP TRIGGER data_version_plan_objectives_d;
CREATE TRIGGER data_version_plan_objectives_i AFTER INSERT ON plan_objectives BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = NEW.version_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_objectives_u AFTER UPDATE ON plan_objectives BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = NEW.version_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_objectives_d AFTER DELETE ON plan_objectives BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = OLD.version_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_plan_versions_i;
DROP TRIGGER data_version_plan_versions_u;
DROP TRIGGER data_version_plan_versions_d;
CREATE TRIGGER data_version_plan_versions_i AFTER INSERT ON plan_versions BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM plans WHERE id = NEW.plan_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_versions_u AFTER UPDATE ON plan_versions BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM plans WHERE id = NEW.plan_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plan_versions_d AFTER DELETE ON plan_versions BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT (SELECT council_id FROM plans WHERE id = OLD.plan_id) AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_plans_i;
DROP TRIGGER data_version_plans_u;
DROP TRIGGER data_version_plans_d;
CREATE TRIGGER data_version_plans_i AFTER INSERT ON plans BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plans_u AFTER UPDATE ON plans BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_plans_d AFTER DELETE ON plans BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
DROP TRIGGER data_version_quorum_settings_i;
DROP TRIGGER data_version_quorum_settings_u;
DROP TRIGGER data_version_quorum_settings_d;
CREATE TRIGGER data_version_quorum_settings_i AFTER INSERT ON quorum_settings BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_quorum_settings_u AFTER UPDATE ON quorum_settings BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_quorum_settings_d AFTER DELETE ON quorum_settings BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_members_i AFTER INSERT ON council_members BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_members_u AFTER UPDATE ON council_members BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT NEW.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
CREATE TRIGGER data_version_council_members_d AFTER DELETE ON council_members BEGIN INSERT INTO council_data_version(council_id, n) SELECT c, 1 FROM (SELECT OLD.council_id AS c) WHERE c IS NOT NULL ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1; END;
-- @end
-- PostgreSQL: as for data_version (migration 0010), deferred constraint
-- triggers bump at commit, once per council and transaction. The trigger's
-- argument is the query that finds the row's council from the row ($1).
-- @postgresql
CREATE OR REPLACE FUNCTION cosoc_council_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c BIGINT;
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE TG_ARGV[0] INTO c USING OLD;
  ELSE
    EXECUTE TG_ARGV[0] INTO c USING NEW;
  END IF;
  IF c IS NULL OR current_setting('cosoc.data_version_' || c, true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('cosoc.data_version_' || c, 'on', true);
  INSERT INTO council_data_version(council_id, n) VALUES (c, 1)
    ON CONFLICT (council_id) DO UPDATE SET n = council_data_version.n + 1;
  RETURN NULL;
END $$;
DROP TRIGGER data_version_acta_comments ON acta_comments;
CREATE CONSTRAINT TRIGGER data_version_acta_comments AFTER INSERT OR UPDATE OR DELETE ON acta_comments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT a.council_id FROM acta_items i JOIN actas t ON t.id = i.acta_id JOIN activities a ON a.id = t.activity_id WHERE i.id = ($1).acta_item_id)');
DROP TRIGGER data_version_acta_corrections ON acta_corrections;
CREATE CONSTRAINT TRIGGER data_version_acta_corrections AFTER INSERT OR UPDATE OR DELETE ON acta_corrections DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = ($1).acta_id)');
DROP TRIGGER data_version_acta_items ON acta_items;
CREATE CONSTRAINT TRIGGER data_version_acta_items AFTER INSERT OR UPDATE OR DELETE ON acta_items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT a.council_id FROM actas t JOIN activities a ON a.id = t.activity_id WHERE t.id = ($1).acta_id)');
DROP TRIGGER data_version_actas ON actas;
CREATE CONSTRAINT TRIGGER data_version_actas AFTER INSERT OR UPDATE OR DELETE ON actas DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_activities ON activities;
CREATE CONSTRAINT TRIGGER data_version_activities AFTER INSERT OR UPDATE OR DELETE ON activities DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_activity_agenda ON activity_agenda;
CREATE CONSTRAINT TRIGGER data_version_activity_agenda AFTER INSERT OR UPDATE OR DELETE ON activity_agenda DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_activity_history ON activity_history;
CREATE CONSTRAINT TRIGGER data_version_activity_history AFTER INSERT OR UPDATE OR DELETE ON activity_history DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_activity_invitations ON activity_invitations;
CREATE CONSTRAINT TRIGGER data_version_activity_invitations AFTER INSERT OR UPDATE OR DELETE ON activity_invitations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_activity_plan_lines ON activity_plan_lines;
CREATE CONSTRAINT TRIGGER data_version_activity_plan_lines AFTER INSERT OR UPDATE OR DELETE ON activity_plan_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_activity_seats ON activity_seats;
CREATE CONSTRAINT TRIGGER data_version_activity_seats AFTER INSERT OR UPDATE OR DELETE ON activity_seats DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT a.council_id FROM activity_vehicles v JOIN activities a ON a.id = v.activity_id WHERE v.id = ($1).vehicle_id)');
DROP TRIGGER data_version_activity_vehicles ON activity_vehicles;
CREATE CONSTRAINT TRIGGER data_version_activity_vehicles AFTER INSERT OR UPDATE OR DELETE ON activity_vehicles DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_agreement_log ON agreement_log;
CREATE CONSTRAINT TRIGGER data_version_agreement_log AFTER INSERT OR UPDATE OR DELETE ON agreement_log DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM agreements WHERE id = ($1).agreement_id)');
DROP TRIGGER data_version_agreements ON agreements;
CREATE CONSTRAINT TRIGGER data_version_agreements AFTER INSERT OR UPDATE OR DELETE ON agreements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_attendance ON attendance;
CREATE CONSTRAINT TRIGGER data_version_attendance AFTER INSERT OR UPDATE OR DELETE ON attendance DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_authority_answers ON authority_answers;
CREATE CONSTRAINT TRIGGER data_version_authority_answers AFTER INSERT OR UPDATE OR DELETE ON authority_answers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM authority_requests WHERE id = ($1).request_id)');
DROP TRIGGER data_version_authority_requests ON authority_requests;
CREATE CONSTRAINT TRIGGER data_version_authority_requests AFTER INSERT OR UPDATE OR DELETE ON authority_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_council_evidence_kinds ON council_evidence_kinds;
CREATE CONSTRAINT TRIGGER data_version_council_evidence_kinds AFTER INSERT OR UPDATE OR DELETE ON council_evidence_kinds DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
CREATE CONSTRAINT TRIGGER data_version_council_settings AFTER INSERT OR UPDATE OR DELETE ON council_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_councils ON councils;
CREATE CONSTRAINT TRIGGER data_version_councils AFTER INSERT OR UPDATE OR DELETE ON councils DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).id');
DROP TRIGGER data_version_directory_entries ON directory_entries;
CREATE CONSTRAINT TRIGGER data_version_directory_entries AFTER INSERT OR UPDATE OR DELETE ON directory_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_evidence_items ON evidence_items;
CREATE CONSTRAINT TRIGGER data_version_evidence_items AFTER INSERT OR UPDATE OR DELETE ON evidence_items DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM activities WHERE id = ($1).activity_id)');
DROP TRIGGER data_version_member_invitations ON member_invitations;
CREATE CONSTRAINT TRIGGER data_version_member_invitations AFTER INSERT OR UPDATE OR DELETE ON member_invitations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM members WHERE id = ($1).member_id)');
DROP TRIGGER data_version_members ON members;
CREATE CONSTRAINT TRIGGER data_version_members AFTER INSERT OR UPDATE OR DELETE ON members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_organizations ON organizations;
CREATE CONSTRAINT TRIGGER data_version_organizations AFTER INSERT OR UPDATE OR DELETE ON organizations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_plan_line_evidence ON plan_line_evidence;
CREATE CONSTRAINT TRIGGER data_version_plan_line_evidence AFTER INSERT OR UPDATE OR DELETE ON plan_line_evidence DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT p.council_id FROM plan_lines l JOIN plan_versions v ON v.id = l.version_id JOIN plans p ON p.id = v.plan_id WHERE l.id = ($1).line_id)');
DROP TRIGGER data_version_plan_lines ON plan_lines;
CREATE CONSTRAINT TRIGGER data_version_plan_lines AFTER INSERT OR UPDATE OR DELETE ON plan_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = ($1).version_id)');
DROP TRIGGER data_version_plan_objectives ON plan_objectives;
CREATE CONSTRAINT TRIGGER data_version_plan_objectives AFTER INSERT OR UPDATE OR DELETE ON plan_objectives DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT p.council_id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = ($1).version_id)');
DROP TRIGGER data_version_plan_versions ON plan_versions;
CREATE CONSTRAINT TRIGGER data_version_plan_versions AFTER INSERT OR UPDATE OR DELETE ON plan_versions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT (SELECT council_id FROM plans WHERE id = ($1).plan_id)');
DROP TRIGGER data_version_plans ON plans;
CREATE CONSTRAINT TRIGGER data_version_plans AFTER INSERT OR UPDATE OR DELETE ON plans DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
DROP TRIGGER data_version_quorum_settings ON quorum_settings;
CREATE CONSTRAINT TRIGGER data_version_quorum_settings AFTER INSERT OR UPDATE OR DELETE ON quorum_settings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
CREATE CONSTRAINT TRIGGER data_version_council_members AFTER INSERT OR UPDATE OR DELETE ON council_members DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_council_data_version_bump('SELECT ($1).council_id');
-- @end
