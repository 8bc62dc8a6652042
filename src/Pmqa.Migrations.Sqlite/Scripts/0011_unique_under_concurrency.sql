-- 0011 unique under concurrency (SQLite). Each block makes a rule that a handler used to check by reading
-- first hold in the database, so that two requests at the same instant cannot both pass the check.

-- 1. The same bytes are one evidence file per assessment. Duplicates that a race created earlier are merged
--    into the earliest upload: its links are completed with the duplicates' issues, and the duplicates are
--    marked removed (kept for the history, as every removal is). "Keeper" below = the earliest live row with
--    the same assessment and bytes.
UPDATE "EvidenceLinks" SET "EvidenceId" = (
    SELECT k."Id" FROM "Evidence" d JOIN "Evidence" k ON k."AssessmentId" = d."AssessmentId" AND k."Sha256" = d."Sha256" AND k."RemovedAt" IS NULL
    WHERE d."Id" = "EvidenceLinks"."EvidenceId" ORDER BY k."UploadedAt", k."Id" LIMIT 1)
WHERE "Id" IN (
    SELECT MIN(l."Id") FROM "EvidenceLinks" l JOIN (
        SELECT d."Id", (SELECT k."Id" FROM "Evidence" k WHERE k."AssessmentId" = d."AssessmentId" AND k."Sha256" = d."Sha256"
                        AND k."RemovedAt" IS NULL ORDER BY k."UploadedAt", k."Id" LIMIT 1) AS "KeeperId"
        FROM "Evidence" d WHERE d."RemovedAt" IS NULL) AS dup ON dup."Id" = l."EvidenceId" AND dup."Id" <> dup."KeeperId"
    WHERE NOT EXISTS (SELECT 1 FROM "EvidenceLinks" kl WHERE kl."EvidenceId" = dup."KeeperId" AND kl."IssueCode" = l."IssueCode")
    GROUP BY dup."KeeperId", l."IssueCode");
UPDATE "Evidence" SET "RemovedAt" = CAST(strftime('%s', 'now') AS INTEGER) * 10000000 + 621355968000000000,
    "RemovedBy" = 'migration 0011: same file as an earlier upload'
WHERE "RemovedAt" IS NULL AND "Id" <> (
    SELECT k."Id" FROM "Evidence" k WHERE k."AssessmentId" = "Evidence"."AssessmentId" AND k."Sha256" = "Evidence"."Sha256"
    AND k."RemovedAt" IS NULL ORDER BY k."UploadedAt", k."Id" LIMIT 1);
DROP INDEX "IX_Evidence_AssessmentId_Sha256";
CREATE UNIQUE INDEX "IX_Evidence_AssessmentId_Sha256" ON "Evidence" ("AssessmentId", "Sha256") WHERE "RemovedAt" IS NULL;

-- 2. Organisation codes are case-insensitive: "dla" and "DLA" are one organisation. Codes are ASCII (the
--    code rule), so SQLite's ASCII-only lower() is exact. Codes that clash by case are reported by the
--    application before this script runs, with the list of codes; if the script runs anyway, the index
--    creation below fails. Nothing is renamed: which of two clashing agencies is the real one is a person's call.
ALTER TABLE "Organizations" ADD COLUMN "CodeKey" AS (lower("Code"));
DROP INDEX "IX_Organizations_Code";
CREATE UNIQUE INDEX "IX_Organizations_CodeKey" ON "Organizations" ("CodeKey");

-- 3. One round per fiscal year and audience. A round claims each of its audiences; cancelling a round
--    deletes it and its claims. Where two rounds of one year already share an audience (created before the
--    check), the earlier round keeps the claim; both rounds stay as they are.
CREATE TABLE "RoundAudiences" (
    "FiscalYear" INTEGER NOT NULL,
    "Audience" TEXT NOT NULL,
    "RoundId" TEXT NOT NULL,
    CONSTRAINT "PK_RoundAudiences" PRIMARY KEY ("FiscalYear", "Audience"),
    CONSTRAINT "FK_RoundAudiences_Rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "Rounds" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_RoundAudiences_RoundId" ON "RoundAudiences" ("RoundId");
INSERT INTO "RoundAudiences" ("FiscalYear", "Audience", "RoundId")
SELECT r."FiscalYear", a."Name", r."Id"
FROM "Rounds" r JOIN (SELECT 'department' AS "Name" UNION ALL SELECT 'publicOrganization' UNION ALL SELECT 'province') a
    ON instr(',' || r."Audiences" || ',', ',' || a."Name" || ',') > 0
WHERE NOT EXISTS (
    SELECT 1 FROM "Rounds" e WHERE e."FiscalYear" = r."FiscalYear" AND instr(',' || e."Audiences" || ',', ',' || a."Name" || ',') > 0
    AND (e."CreatedAt" < r."CreatedAt" OR (e."CreatedAt" = r."CreatedAt" AND e."Id" < r."Id")));

-- 4. Certificate numbers come from a per-year counter raised atomically in the certification's transaction.
CREATE TABLE "CertificateCounters" (
    "FiscalYear" INTEGER NOT NULL CONSTRAINT "PK_CertificateCounters" PRIMARY KEY,
    "LastNumber" INTEGER NOT NULL
);
INSERT INTO "CertificateCounters" ("FiscalYear", "LastNumber")
SELECT "FiscalYear", MAX(CAST(substr("Number", -6) AS INTEGER)) FROM "Certificates" WHERE "Number" <> '' GROUP BY "FiscalYear";
