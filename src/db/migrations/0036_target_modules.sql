-- A plan line's target may count a course's modules one by one («Realizar
-- 4 módulos de la Escuela de Dirigentes», issue 20); otherwise a course
-- linked to the line counts once, when its modules are held with their
-- attendance (domain/compliance.h). Read from the line's text by the
-- importer; 0 for every line saved before.
ALTER TABLE plan_lines ADD COLUMN target_modules INTEGER NOT NULL DEFAULT 0;
