-- 0005 review teams, consensus, clarifications, site visits, certificates, notifications and outbox (SQLite); statements taken from 'schema-script'.
ALTER TABLE "Assessments" ADD "VerifiedScoreJson" TEXT NULL;
ALTER TABLE "Assessments" ADD "VerifiedTotal" TEXT NULL;
ALTER TABLE "Assessments" ADD "VerifiedAt" INTEGER NULL;
ALTER TABLE "Assessments" ADD "VerifiedBy" TEXT NULL;
ALTER TABLE "Assessments" ADD "SiteVisitDeclineReason" TEXT NULL;
ALTER TABLE "Assessments" ADD "FinalScoreJson" TEXT NULL;
ALTER TABLE "Assessments" ADD "FinalTotal" TEXT NULL;
ALTER TABLE "Assessments" ADD "CertificationReason" TEXT NULL;
ALTER TABLE "Rounds" ADD "CategoryAwardThresholdsJson" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Rounds" ADD "DefaultCategoryAwardThreshold" TEXT NOT NULL DEFAULT '400';

CREATE TABLE "Outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outbox" PRIMARY KEY,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReadAt" INTEGER NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentTransitions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentTransitions" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "At" INTEGER NOT NULL,
    "By" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentTransitions_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Certificates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Certificates" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "FinalScore" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "ValidUntil" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    CONSTRAINT "FK_Certificates_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Certificates_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Clarifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Clarifications" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "AskedAt" INTEGER NOT NULL,
    "AskedByUserId" TEXT NOT NULL,
    "ClosedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Clarifications_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConsensusAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsensusAnswers" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "CheckedJson" TEXT NOT NULL,
    "JudgementsJson" TEXT NOT NULL,
    "Rationale" TEXT NOT NULL,
    "Strengths" TEXT NOT NULL,
    "Opportunities" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ConsensusAnswers_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReviewAssignments" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "IsLead" INTEGER NOT NULL,
    "AssignedAt" INTEGER NOT NULL,
    "AssignedBy" TEXT NOT NULL,
    "NoConflictDeclaredAt" INTEGER NULL,
    "SubmittedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ReviewAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReviewAssignments_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SiteVisits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SiteVisits" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "ScheduledAt" INTEGER NULL,
    "Mode" TEXT NOT NULL,
    "Location" TEXT NOT NULL,
    "TeamJson" TEXT NOT NULL,
    "Agenda" TEXT NOT NULL,
    "CompletedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SiteVisits_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ClarificationMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ClarificationMessages" PRIMARY KEY,
    "ClarificationId" TEXT NOT NULL,
    "FromAgency" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "EvidenceId" TEXT NULL,
    "At" INTEGER NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    CONSTRAINT "FK_ClarificationMessages_Clarifications_ClarificationId" FOREIGN KEY ("ClarificationId") REFERENCES "Clarifications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReviewAnswers" PRIMARY KEY,
    "ReviewAssignmentId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "CheckedJson" TEXT NOT NULL,
    "JudgementsJson" TEXT NOT NULL,
    "Strengths" TEXT NOT NULL,
    "Opportunities" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ReviewAnswers_ReviewAssignments_ReviewAssignmentId" FOREIGN KEY ("ReviewAssignmentId") REFERENCES "ReviewAssignments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SiteVisitFindings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SiteVisitFindings" PRIMARY KEY,
    "SiteVisitId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AdjustedScore" TEXT NULL,
    "AdjustmentReason" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SiteVisitFindings_SiteVisits_SiteVisitId" FOREIGN KEY ("SiteVisitId") REFERENCES "SiteVisits" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AssessmentTransitions_AssessmentId_At" ON "AssessmentTransitions" ("AssessmentId", "At");

CREATE UNIQUE INDEX "IX_Certificates_AssessmentId" ON "Certificates" ("AssessmentId");

CREATE INDEX "IX_Certificates_OrganizationId" ON "Certificates" ("OrganizationId");

CREATE INDEX "IX_ClarificationMessages_ClarificationId_At" ON "ClarificationMessages" ("ClarificationId", "At");

CREATE INDEX "IX_Clarifications_AssessmentId_IssueCode" ON "Clarifications" ("AssessmentId", "IssueCode");

CREATE UNIQUE INDEX "IX_ConsensusAnswers_AssessmentId_IssueCode" ON "ConsensusAnswers" ("AssessmentId", "IssueCode");

CREATE INDEX "IX_Notifications_UserId_ReadAt" ON "Notifications" ("UserId", "ReadAt");

CREATE INDEX "IX_Outbox_SentAt_NextAttemptAt" ON "Outbox" ("SentAt", "NextAttemptAt");

CREATE UNIQUE INDEX "IX_ReviewAnswers_ReviewAssignmentId_IssueCode" ON "ReviewAnswers" ("ReviewAssignmentId", "IssueCode");

CREATE UNIQUE INDEX "IX_ReviewAssignments_AssessmentId_UserId" ON "ReviewAssignments" ("AssessmentId", "UserId");

CREATE INDEX "IX_ReviewAssignments_UserId" ON "ReviewAssignments" ("UserId");

CREATE UNIQUE INDEX "IX_SiteVisitFindings_SiteVisitId_IssueCode" ON "SiteVisitFindings" ("SiteVisitId", "IssueCode");

CREATE UNIQUE INDEX "IX_SiteVisits_AssessmentId" ON "SiteVisits" ("AssessmentId");
