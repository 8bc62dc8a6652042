-- 0011 unique under concurrency (PostgreSQL). Each block makes a rule that a handler used to check by
-- reading first hold in the database, so that two requests at the same instant cannot both pass the check.

-- 1. The same bytes are one evidence file per assessment. Duplicates that a race created earlier are merged
--    into the earliest upload: its links are completed with the duplicates' issues, and the duplicates are
--    marked removed (kept for the history, as every removal is). "Keeper" below = the earliest live row with
--    the same assessment and bytes.
UPDATE "EvidenceLinks" SET "EvidenceId" = (
    SELECT k."Id" FROM "Evidence" d JOIN "Evidence" k ON k."AssessmentId" = d."AssessmentId" AND k."Sha256" = d."Sha256" AND k."RemovedAt" IS NULL
    WHERE d."Id" = "EvidenceLinks"."EvidenceId" ORDER BY k."UploadedAt", k."Id" LIMIT 1)
WHERE "Id" IN (
    SELECT MIN(l."Id"::text)::uuid FROM "EvidenceLinks" l JOIN (
        SELECT d."Id", (SELECT k."Id" FROM "Evidence" k WHERE k."AssessmentId" = d."AssessmentId" AND k."Sha256" = d."Sha256"
                        AND k."RemovedAt" IS NULL ORDER BY k."UploadedAt", k."Id" LIMIT 1) AS "KeeperId"
        FROM "Evidence" d WHERE d."RemovedAt" IS NULL) AS dup ON dup."Id" = l."EvidenceId" AND dup."Id" <> dup."KeeperId"
    WHERE NOT EXISTS (SELECT 1 FROM "EvidenceLinks" kl WHERE kl."EvidenceId" = dup."KeeperId" AND kl."IssueCode" = l."IssueCode")
    GROUP BY dup."KeeperId", l."IssueCode");
UPDATE "Evidence" AS e SET "RemovedAt" = now(), "RemovedBy" = 'migration 0011: same file as an earlier upload'
WHERE e."RemovedAt" IS NULL AND e."Id" <> (
    SELECT k."Id" FROM "Evidence" k WHERE k."AssessmentId" = e."AssessmentId" AND k."Sha256" = e."Sha256"
    AND k."RemovedAt" IS NULL ORDER BY k."UploadedAt", k."Id" LIMIT 1);
DROP INDEX "IX_Evidence_AssessmentId_Sha256";
CREATE UNIQUE INDEX "IX_Evidence_AssessmentId_Sha256" ON "Evidence" ("AssessmentId", "Sha256") WHERE "RemovedAt" IS NULL;

-- 2. Organisation codes are case-insensitive: "dla" and "DLA" are one organisation. Codes that clash by
--    case are reported by the application before this script runs; should the script run anyway, it stops
--    here naming them. Nothing is renamed: which of two clashing agencies is the real one is a person's call.
DO $$
DECLARE clashes text;
BEGIN
    SELECT string_agg(codes, '; ') INTO clashes FROM (
        SELECT string_agg("Code", ', ' ORDER BY "Code") AS codes FROM "Organizations" GROUP BY lower("Code") HAVING count(*) > 1) AS c;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'Organisation codes differ only by case: %. Merge or recode them, then migrate again.', clashes;
    END IF;
END $$;
ALTER TABLE "Organizations" ADD COLUMN "CodeKey" character varying(32) GENERATED ALWAYS AS (lower("Code")) STORED NOT NULL;
DROP INDEX "IX_Organizations_Code";
CREATE UNIQUE INDEX "IX_Organizations_CodeKey" ON "Organizations" ("CodeKey");

-- 3. One round per fiscal year and audience. A round claims each of its audiences; cancelling a round
--    deletes it and its claims. Where two rounds of one year already share an audience (created before the
--    check), the earlier round keeps the claim; both rounds stay as they are.
CREATE TABLE "RoundAudiences" (
    "FiscalYear" integer NOT NULL,
    "Audience" character varying(32) NOT NULL,
    "RoundId" uuid NOT NULL,
    CONSTRAINT "PK_RoundAudiences" PRIMARY KEY ("FiscalYear", "Audience"),
    CONSTRAINT "FK_RoundAudiences_Rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "Rounds" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_RoundAudiences_RoundId" ON "RoundAudiences" ("RoundId");
INSERT INTO "RoundAudiences" ("FiscalYear", "Audience", "RoundId")
SELECT r."FiscalYear", a."Name", r."Id"
FROM "Rounds" r JOIN (VALUES ('department'), ('publicOrganization'), ('province')) AS a ("Name")
    ON a."Name" = ANY (string_to_array(r."Audiences", ','))
WHERE NOT EXISTS (
    SELECT 1 FROM "Rounds" e WHERE e."FiscalYear" = r."FiscalYear" AND a."Name" = ANY (string_to_array(e."Audiences", ','))
    AND (e."CreatedAt" < r."CreatedAt" OR (e."CreatedAt" = r."CreatedAt" AND e."Id"::text < r."Id"::text)));

-- 4. Certificate numbers come from a per-year counter raised atomically in the certification's transaction.
CREATE TABLE "CertificateCounters" (
    "FiscalYear" integer NOT NULL,
    "LastNumber" integer NOT NULL,
    CONSTRAINT "PK_CertificateCounters" PRIMARY KEY ("FiscalYear")
);
INSERT INTO "CertificateCounters" ("FiscalYear", "LastNumber")
SELECT "FiscalYear", MAX(CAST(right("Number", 6) AS integer)) FROM "Certificates" WHERE "Number" <> '' GROUP BY "FiscalYear";
