-- 0002 rounds, extensions, assessments and issue answers (SQLite); statements taken from 'schema-script'.
CREATE TABLE "Rounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Rounds" PRIMARY KEY,
    "FiscalYear" INTEGER NOT NULL,
    "FrameworkVersionId" TEXT NOT NULL,
    "Audiences" TEXT NOT NULL,
    "OpensAt" INTEGER NOT NULL,
    "SubmissionDeadline" INTEGER NOT NULL,
    "VerificationEndsAt" INTEGER NULL,
    "SiteVisitFrom" INTEGER NULL,
    "SiteVisitTo" INTEGER NULL,
    "AwardDate" INTEGER NULL,
    "SiteVisitThreshold" TEXT NOT NULL,
    "StatusBandsJson" TEXT NOT NULL,
    "OpenedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Rounds_FrameworkVersions_FrameworkVersionId" FOREIGN KEY ("FrameworkVersionId") REFERENCES "FrameworkVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Assessments" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NULL,
    "SubmittedBy" TEXT NULL,
    "ApprovedAt" INTEGER NULL,
    "ApproverName" TEXT NULL,
    "ApproverPosition" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "SnapshotJson" TEXT NULL,
    "SnapshotSha256" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Assessments_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assessments_Rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "Rounds" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RoundExtensions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RoundExtensions" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "Until" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "GrantedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_RoundExtensions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RoundExtensions_Rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "Rounds" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IssueAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IssueAnswers" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "CheckedJson" TEXT NOT NULL,
    "ExplanationsJson" TEXT NOT NULL,
    "IndicatorsJson" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IssueAnswers_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Assessments_OrganizationId" ON "Assessments" ("OrganizationId");

CREATE UNIQUE INDEX "IX_Assessments_RoundId_OrganizationId" ON "Assessments" ("RoundId", "OrganizationId");

CREATE UNIQUE INDEX "IX_IssueAnswers_AssessmentId_IssueCode" ON "IssueAnswers" ("AssessmentId", "IssueCode");

CREATE INDEX "IX_RoundExtensions_OrganizationId" ON "RoundExtensions" ("OrganizationId");

CREATE INDEX "IX_RoundExtensions_RoundId_OrganizationId" ON "RoundExtensions" ("RoundId", "OrganizationId");

CREATE INDEX "IX_Rounds_FiscalYear" ON "Rounds" ("FiscalYear");

CREATE INDEX "IX_Rounds_FrameworkVersionId" ON "Rounds" ("FrameworkVersionId");
