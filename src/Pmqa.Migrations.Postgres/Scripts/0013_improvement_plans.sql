-- Improvement plans (ADR 0017): versions of a plan per organisation, fiscal year and horizon; projects and
-- their actions; OPDC's comments and the agency's answers; 6- and 12-month follow-up reports. Rounds get
-- the plan deadline and the two report deadlines.
ALTER TABLE "Rounds" ADD COLUMN "PlanDeadline" timestamp with time zone;
ALTER TABLE "Rounds" ADD COLUMN "Month6ReportDeadline" timestamp with time zone;
ALTER TABLE "Rounds" ADD COLUMN "Month12ReportDeadline" timestamp with time zone;

CREATE TABLE "ImprovementPlans" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "FiscalYear" integer NOT NULL,
    "Horizon" character varying(16) NOT NULL,
    "VersionNumber" integer NOT NULL,
    "PreviousPlanId" uuid,
    "Status" character varying(32) NOT NULL,
    "Summary" character varying(10000) NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "SubmittedBy" character varying(256) NOT NULL,
    "ApproverName" character varying(300) NOT NULL,
    "ApproverPosition" character varying(300) NOT NULL,
    "ApprovedAt" timestamp with time zone,
    "RejectionReason" character varying(2000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ImprovementPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ImprovementPlans_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ImprovementPlans_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanComments" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "ProjectId" uuid,
    "ReportId" uuid,
    "ReplyToId" uuid,
    "FromAgency" boolean NOT NULL,
    "Text" character varying(10000) NOT NULL,
    "AuthorUserId" uuid NOT NULL,
    "AuthorName" character varying(256) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PlanComments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanComments_ImprovementPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ImprovementPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanProjects" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "Objective" character varying(10000) NOT NULL,
    "IssueCodes" character varying(2000) NOT NULL,
    "OwnerUserId" uuid NOT NULL,
    "StartDate" date NOT NULL,
    "EndDate" date NOT NULL,
    "Budget" numeric(14,2) NOT NULL,
    "IndicatorName" character varying(300) NOT NULL,
    "IndicatorUnit" character varying(300) NOT NULL,
    "Baseline" numeric(18,4),
    "Target" numeric(18,4),
    CONSTRAINT "PK_PlanProjects" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanProjects_ImprovementPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ImprovementPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanReports" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Period" character varying(16) NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "SubmittedBy" character varying(256) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "LateNotifiedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_PlanReports" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanReports_ImprovementPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ImprovementPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectActions" (
    "Id" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "OwnerUserId" uuid NOT NULL,
    "StartDate" date NOT NULL,
    "EndDate" date NOT NULL,
    "Budget" numeric(14,2) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "Progress" integer NOT NULL,
    "LateNotifiedAt" timestamp with time zone,
    CONSTRAINT "PK_ProjectActions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProjectActions_PlanProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "PlanProjects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanReportEntries" (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "ActionId" uuid NOT NULL,
    "Status" character varying(16) NOT NULL,
    "Progress" integer NOT NULL,
    "Narrative" character varying(10000) NOT NULL,
    "EvidenceIds" character varying(4000) NOT NULL,
    CONSTRAINT "PK_PlanReportEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanReportEntries_PlanReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "PlanReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanReportResults" (
    "Id" uuid NOT NULL,
    "ReportId" uuid NOT NULL,
    "ProjectId" uuid NOT NULL,
    "Actual" numeric(18,4),
    "Narrative" character varying(10000) NOT NULL,
    CONSTRAINT "PK_PlanReportResults" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanReportResults_PlanReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "PlanReports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImprovementPlans_AssessmentId" ON "ImprovementPlans" ("AssessmentId");

CREATE UNIQUE INDEX "IX_ImprovementPlans_OrganizationId_FiscalYear_Horizon_VersionN~" ON "ImprovementPlans" ("OrganizationId", "FiscalYear", "Horizon", "VersionNumber");

CREATE INDEX "IX_PlanComments_PlanId_At" ON "PlanComments" ("PlanId", "At");

CREATE INDEX "IX_PlanProjects_PlanId" ON "PlanProjects" ("PlanId");

CREATE UNIQUE INDEX "IX_PlanReportEntries_ReportId_ActionId" ON "PlanReportEntries" ("ReportId", "ActionId");

CREATE UNIQUE INDEX "IX_PlanReportResults_ReportId_ProjectId" ON "PlanReportResults" ("ReportId", "ProjectId");

CREATE UNIQUE INDEX "IX_PlanReports_PlanId_Period" ON "PlanReports" ("PlanId", "Period");

CREATE INDEX "IX_ProjectActions_ProjectId" ON "ProjectActions" ("ProjectId");
