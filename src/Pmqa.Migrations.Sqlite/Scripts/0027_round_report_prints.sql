-- 0027 OPDC prints every agency's report of a round as one background job (ADR 0038): the job, and one row per
-- agency holding its PDF's blob once printed (a restarted job carries on from these).
CREATE TABLE "RoundReportPrints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoundReportPrints" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "RequestedByName" TEXT NOT NULL,
    "RequestedAt" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "FinishedAt" INTEGER NULL,
    "ZipSha256" TEXT NULL,
    "ZipLength" INTEGER NULL,
    "Failure" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" INTEGER NULL
);

CREATE INDEX "IX_RoundReportPrints_RoundId_RequestedAt" ON "RoundReportPrints" ("RoundId", "RequestedAt");

CREATE INDEX "IX_RoundReportPrints_State" ON "RoundReportPrints" ("State");

CREATE TABLE "RoundReportPrintItems" (
    "JobId" TEXT NOT NULL,
    "AssessmentId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "PdfSha256" TEXT NULL,
    CONSTRAINT "PK_RoundReportPrintItems" PRIMARY KEY ("JobId", "AssessmentId")
);
