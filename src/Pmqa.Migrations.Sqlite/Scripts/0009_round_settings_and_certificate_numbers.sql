-- Rounds name who signs their certificates; certificates get a human-readable number (PMQA-2570-000123)
-- and keep the signatory they were issued with.
ALTER TABLE "Rounds" ADD COLUMN "SignatoryName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Rounds" ADD COLUMN "SignatoryPosition" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Certificates" ADD COLUMN "Number" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Certificates" ADD COLUMN "SignatoryName" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Certificates" ADD COLUMN "SignatoryPosition" TEXT NOT NULL DEFAULT '';

-- Existing certificates are numbered per fiscal year in the order they were issued.
UPDATE "Certificates" SET "Number" = 'PMQA-' || "FiscalYear" || '-' || substr('000000' || (
    SELECT COUNT(*) FROM "Certificates" AS earlier
    WHERE earlier."FiscalYear" = "Certificates"."FiscalYear"
      AND (earlier."IssuedAt" < "Certificates"."IssuedAt" OR (earlier."IssuedAt" = "Certificates"."IssuedAt" AND earlier."Id" <= "Certificates"."Id"))), -6);

CREATE UNIQUE INDEX "IX_Certificates_Number" ON "Certificates" ("Number");
