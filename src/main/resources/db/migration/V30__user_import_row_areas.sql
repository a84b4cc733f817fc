-- Owner: onboarding. The area a row was imported into (its roles' area, decided when the row is
-- imported; null for a row not imported), so that the import's own activity entry ("Users
-- imported") concerns exactly the areas its rows changed, and their administrators read it.
alter table user_import_row add column area_id bigint;
