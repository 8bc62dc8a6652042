-- Improvement plans (ADR 0017): versions of a plan per organisation, fiscal year and horizon; projects and
-- their actions; OPDC's comments and the agency's answers; 6- and 12-month follow-up reports. Rounds get
-- the plan deadline and the two report deadlines.
ALTER TABLE "Rounds" ADD COLUMN "PlanDeadline" INTEGER NULL;
ALTER TABLE "Rounds" ADD COLUMN "Month6ReportDeadline" INTEGER NULL;
ALTER TABLE "Rounds" ADD COLUMN "Month12ReportDeadline" INTEGER NULL;

CREATE TABLE "ImprovementPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ImprovementPlans" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "AssessmentId" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Horizon" TEXT NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "PreviousPlanId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "SubmittedBy" TEXT NOT NULL,
    "ApproverName" TEXT NOT NULL,
    "ApproverPosition" TEXT NOT NULL,
    "ApprovedAt" INTEGER NULL,
    "RejectionReason" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ImprovementPlans_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ImprovementPlans_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanComments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanComments" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "ProjectId" TEXT NULL,
    "ReportId" TEXT NULL,
    "ReplyToId" TEXT NULL,
    "FromAgency" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanComments_ImprovementPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ImprovementPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanProjects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanProjects" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Objective" TEXT NOT NULL,
    "IssueCodes" TEXT NOT NULL,
    "OwnerUserId" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "Budget" TEXT NOT NULL,
    "IndicatorName" TEXT NOT NULL,
    "IndicatorUnit" TEXT NOT NULL,
    "Baseline" TEXT NULL,
    "Target" TEXT NULL,
    CONSTRAINT "FK_PlanProjects_ImprovementPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ImprovementPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanReports" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "SubmittedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "LateNotifiedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PlanReports_ImprovementPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ImprovementPlans" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProjectActions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProjectActions" PRIMARY KEY,
    "ProjectId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerUserId" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NOT NULL,
    "Budget" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "LateNotifiedAt" INTEGER NULL,
    CONSTRAINT "FK_ProjectActions_PlanProjects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "PlanProjects" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanReportEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanReportEntries" PRIMARY KEY,
    "ReportId" TEXT NOT NULL,
    "ActionId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Narrative" TEXT NOT NULL,
    "EvidenceIds" TEXT NOT NULL,
    CONSTRAINT "FK_PlanReportEntries_PlanReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "PlanReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanReportResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanReportResults" PRIMARY KEY,
    "ReportId" TEXT NOT NULL,
    "ProjectId" TEXT NOT NULL,
    "Actual" TEXT NULL,
    "Narrative" TEXT NOT NULL,
    CONSTRAINT "FK_PlanReportResults_PlanReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "PlanReports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImprovementPlans_AssessmentId" ON "ImprovementPlans" ("AssessmentId");

CREATE UNIQUE INDEX "IX_ImprovementPlans_OrganizationId_FiscalYear_Horizon_VersionNumber" ON "ImprovementPlans" ("OrganizationId", "FiscalYear", "Horizon", "VersionNumber");

CREATE INDEX "IX_PlanComments_PlanId_At" ON "PlanComments" ("PlanId", "At");

CREATE INDEX "IX_PlanProjects_PlanId" ON "PlanProjects" ("PlanId");

CREATE UNIQUE INDEX "IX_PlanReportEntries_ReportId_ActionId" ON "PlanReportEntries" ("ReportId", "ActionId");

CREATE UNIQUE INDEX "IX_PlanReportResults_ReportId_ProjectId" ON "PlanReportResults" ("ReportId", "ProjectId");

CREATE UNIQUE INDEX "IX_PlanReports_PlanId_Period" ON "PlanReports" ("PlanId", "Period");

CREATE INDEX "IX_ProjectActions_ProjectId" ON "ProjectActions" ("ProjectId");
