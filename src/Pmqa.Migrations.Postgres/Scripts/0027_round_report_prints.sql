-- 0027 OPDC prints every agency's report of a round as one background job (ADR 0038): the job, and one row per
-- agency holding its PDF's blob once printed (a restarted job carries on from these).
CREATE TABLE "RoundReportPrints" (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "RequestedById" uuid NOT NULL,
    "RequestedByName" character varying(256) NOT NULL,
    "RequestedAt" timestamp with time zone NOT NULL,
    "Language" character varying(8) NOT NULL,
    "State" character varying(16) NOT NULL,
    "Total" integer NOT NULL,
    "FinishedAt" timestamp with time zone NULL,
    "ZipSha256" character varying(64) NULL,
    "ZipLength" bigint NULL,
    "Failure" character varying(2000) NULL,
    "LeaseOwner" character varying(128) NULL,
    "LeaseUntil" timestamp with time zone NULL,
    CONSTRAINT "PK_RoundReportPrints" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_RoundReportPrints_RoundId_RequestedAt" ON "RoundReportPrints" ("RoundId", "RequestedAt");

CREATE INDEX "IX_RoundReportPrints_State" ON "RoundReportPrints" ("State");

CREATE TABLE "RoundReportPrintItems" (
    "JobId" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "FileName" character varying(300) NOT NULL,
    "PdfSha256" character varying(64) NULL,
    CONSTRAINT "PK_RoundReportPrintItems" PRIMARY KEY ("JobId", "AssessmentId")
);
