-- Rounds name who signs their certificates; certificates get a human-readable number (PMQA-2570-000123)
-- and keep the signatory they were issued with.
ALTER TABLE "Rounds" ADD COLUMN "SignatoryName" character varying(300) NOT NULL DEFAULT '';
ALTER TABLE "Rounds" ADD COLUMN "SignatoryPosition" character varying(300) NOT NULL DEFAULT '';
ALTER TABLE "Certificates" ADD COLUMN "Number" character varying(32) NOT NULL DEFAULT '';
ALTER TABLE "Certificates" ADD COLUMN "SignatoryName" character varying(300) NOT NULL DEFAULT '';
ALTER TABLE "Certificates" ADD COLUMN "SignatoryPosition" character varying(300) NOT NULL DEFAULT '';

-- Existing certificates are numbered per fiscal year in the order they were issued.
UPDATE "Certificates" AS c SET "Number" = 'PMQA-' || n."FiscalYear" || '-' || lpad(n.seq::text, 6, '0')
FROM (SELECT "Id", "FiscalYear", row_number() OVER (PARTITION BY "FiscalYear" ORDER BY "IssuedAt", "Id") AS seq FROM "Certificates") AS n
WHERE c."Id" = n."Id";

ALTER TABLE "Rounds" ALTER COLUMN "SignatoryName" DROP DEFAULT;
ALTER TABLE "Rounds" ALTER COLUMN "SignatoryPosition" DROP DEFAULT;
ALTER TABLE "Certificates" ALTER COLUMN "Number" DROP DEFAULT;
ALTER TABLE "Certificates" ALTER COLUMN "SignatoryName" DROP DEFAULT;
ALTER TABLE "Certificates" ALTER COLUMN "SignatoryPosition" DROP DEFAULT;

CREATE UNIQUE INDEX "IX_Certificates_Number" ON "Certificates" ("Number");
