-- 0028 PostgreSQL's dashboard and open-data triggers lock differently (see the PostgreSQL script); SQLite has no such
-- triggers and one writer at a time. Both: 0027's round report prints get one job queued or running per round (a
-- second request answers the running job); two requests that raced before this index leave the older job failed,
-- with the text the page shows for a failure.
UPDATE "RoundReportPrints" SET "State" = 'failed', "LeaseOwner" = NULL, "LeaseUntil" = NULL,
    "Failure" = 'พิมพ์รายงานไม่สำเร็จ กรุณาสั่งพิมพ์ใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ' || char(10) || 'The reports could not be printed. Please start the printing again; if it fails again, tell the system administrator.'
WHERE "State" IN ('queued', 'running') AND "Id" NOT IN (
    SELECT p."Id" FROM "RoundReportPrints" p WHERE p."State" IN ('queued', 'running') AND NOT EXISTS (
        SELECT 1 FROM "RoundReportPrints" q WHERE q."RoundId" = p."RoundId" AND q."State" IN ('queued', 'running')
          AND (q."RequestedAt" > p."RequestedAt" OR (q."RequestedAt" = p."RequestedAt" AND q."Id" > p."Id"))));
CREATE UNIQUE INDEX "IX_RoundReportPrints_RoundId_Active" ON "RoundReportPrints" ("RoundId") WHERE "State" IN ('queued', 'running');
