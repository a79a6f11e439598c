-- Any council's plan (issue 17): what the importer now reads from plans
-- written by any council, and the council data it reads them with.
-- SQL that SQLite and PostgreSQL both accept; booleans are INTEGER 0/1.

-- The commune the council sits in: «fuera de la capital regional», «fuera
-- de la comuna sede» in a plan mean it. A council of a known region starts
-- with the region's capital, which in the CUT numbering is the region's
-- lowest commune code (its first province's first commune); NULL when the
-- region is unknown, and then such a rule is flagged for the officer.
ALTER TABLE councils ADD COLUMN seat_commune_code TEXT REFERENCES territory_communes(code);
UPDATE councils SET seat_commune_code = (
  SELECT min(c.code) FROM territory_communes c
  JOIN territory_provinces p ON p.code = c.province_code
  WHERE p.region_code = councils.region_code)
WHERE region_code IS NOT NULL AND seat_commune_code IS NULL;

-- What a plan line now carries besides its six columns.
ALTER TABLE plan_lines ADD COLUMN meta TEXT NOT NULL DEFAULT '';            -- the META / INDICADOR column as written
ALTER TABLE plan_lines ADD COLUMN notes TEXT NOT NULL DEFAULT '';           -- unknown columns, "Heading: text" lines
ALTER TABLE plan_lines ADD COLUMN window_reason TEXT NOT NULL DEFAULT '';   -- why the window is flagged
ALTER TABLE plan_lines ADD COLUMN target_flagged INTEGER NOT NULL DEFAULT 0; -- the target could not all be read
ALTER TABLE plan_lines ADD COLUMN target_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_lines ADD COLUMN target_provinces TEXT NOT NULL DEFAULT ''; -- province codes that must each have one
ALTER TABLE plan_lines ADD COLUMN carried_over TEXT NOT NULL DEFAULT '';    -- not met in the previous plan: why

-- Each council's own evidence kinds: wordings of its plans that match none
-- of the standard kinds. The slug is also a row of evidence_kinds (the
-- lines' evidence refers to that table), with the council's label. A kind
-- merged into another counts as that one from then on: the lines of every
-- version read it so, and the evidence already uploaded is moved.
CREATE TABLE council_evidence_kinds (
  council_id BIGINT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  slug TEXT NOT NULL REFERENCES evidence_kinds(slug),
  label TEXT NOT NULL,                -- as the council calls it
  reviewed INTEGER NOT NULL DEFAULT 0, -- the officer has looked at it
  merged_into TEXT,                   -- the kind it now counts as, or NULL
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (council_id, slug)
);

-- @sqlite
CREATE TRIGGER data_version_council_evidence_kinds_i AFTER INSERT ON council_evidence_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_council_evidence_kinds_u AFTER UPDATE ON council_evidence_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_council_evidence_kinds_d AFTER DELETE ON council_evidence_kinds BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
-- @end
-- @postgresql
CREATE CONSTRAINT TRIGGER data_version_council_evidence_kinds AFTER INSERT OR UPDATE OR DELETE ON council_evidence_kinds DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_council_evidence_kinds_truncate AFTER TRUNCATE ON council_evidence_kinds FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
-- @end
