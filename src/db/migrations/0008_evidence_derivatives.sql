-- What is made from an evidence photo to show it: the thumbnail that lists
-- show and the public copy anonymous visitors get (re-encoded with its
-- metadata removed: EXIF, GPS position, device, owner). Made once by
-- libvips, at upload, and stored here so that no request re-encodes a
-- photo and app servers stay stateless.
-- Keyed by the original's SHA-256 like evidence_files: the same bytes
-- uploaded twice share their derivatives. Files stored before this table
-- existed get theirs when first asked for (INSERT ... ON CONFLICT DO
-- NOTHING, so two servers doing it at once store one row).
-- A PDF has none; neither has a photo libvips cannot decode.

CREATE TABLE evidence_derivatives (
  sha256 TEXT NOT NULL REFERENCES evidence_files(sha256),
  kind TEXT NOT NULL CHECK (kind IN ('miniatura', 'publica')),
  bytes @BLOB@ NOT NULL,
  size BIGINT NOT NULL,              -- bytes in the derivative
  mime_type TEXT NOT NULL,           -- what libvips wrote
  width INTEGER NOT NULL,            -- pixels, upright
  height INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (sha256, kind)
);
