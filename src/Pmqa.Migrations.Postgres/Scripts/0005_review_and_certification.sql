-- 0005 review teams, consensus, clarifications, site visits, certificates, notifications and outbox (PostgreSQL); statements taken from 'schema-script'.
ALTER TABLE "Assessments" ADD "VerifiedScoreJson" text;
ALTER TABLE "Assessments" ADD "VerifiedTotal" numeric(9,2);
ALTER TABLE "Assessments" ADD "VerifiedAt" timestamp with time zone;
ALTER TABLE "Assessments" ADD "VerifiedBy" character varying(256);
ALTER TABLE "Assessments" ADD "SiteVisitDeclineReason" character varying(4000);
ALTER TABLE "Assessments" ADD "FinalScoreJson" text;
ALTER TABLE "Assessments" ADD "FinalTotal" numeric(9,2);
ALTER TABLE "Assessments" ADD "CertificationReason" character varying(4000);
ALTER TABLE "Rounds" ADD "CategoryAwardThresholdsJson" text NOT NULL DEFAULT '';
ALTER TABLE "Rounds" ADD "DefaultCategoryAwardThreshold" numeric(9,2) NOT NULL DEFAULT 400;

CREATE TABLE "Outbox" (
    "Id" uuid NOT NULL,
    "To" character varying(256) NOT NULL,
    "Subject" character varying(500) NOT NULL,
    "Body" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "SentAt" timestamp with time zone,
    "LastError" character varying(2000),
    CONSTRAINT "PK_Outbox" PRIMARY KEY ("Id")
);

CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Title" character varying(500) NOT NULL,
    "Body" text NOT NULL,
    "Link" character varying(500) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AssessmentTransitions" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "Action" character varying(32) NOT NULL,
    "FromState" character varying(32) NOT NULL,
    "ToState" character varying(32) NOT NULL,
    "Reason" character varying(4000),
    "At" timestamp with time zone NOT NULL,
    "By" character varying(256) NOT NULL,
    CONSTRAINT "PK_AssessmentTransitions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentTransitions_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Certificates" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "FiscalYear" integer NOT NULL,
    "Status" character varying(32) NOT NULL,
    "FinalScore" numeric(9,2) NOT NULL,
    "IssuedAt" timestamp with time zone NOT NULL,
    "ValidUntil" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    CONSTRAINT "PK_Certificates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Certificates_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Certificates_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Clarifications" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "AskedAt" timestamp with time zone NOT NULL,
    "AskedByUserId" uuid NOT NULL,
    "ClosedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_Clarifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Clarifications_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConsensusAnswers" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    "CheckedJson" text NOT NULL,
    "JudgementsJson" text NOT NULL,
    "Rationale" text NOT NULL,
    "Strengths" text NOT NULL,
    "Opportunities" text NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ConsensusAnswers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConsensusAnswers_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewAssignments" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "IsLead" boolean NOT NULL,
    "AssignedAt" timestamp with time zone NOT NULL,
    "AssignedBy" character varying(256) NOT NULL,
    "NoConflictDeclaredAt" timestamp with time zone,
    "SubmittedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ReviewAssignments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ReviewAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ReviewAssignments_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SiteVisits" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "ScheduledAt" timestamp with time zone,
    "Mode" character varying(16) NOT NULL,
    "Location" character varying(1000) NOT NULL,
    "TeamJson" text NOT NULL,
    "Agenda" text NOT NULL,
    "CompletedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SiteVisits" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SiteVisits_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ClarificationMessages" (
    "Id" uuid NOT NULL,
    "ClarificationId" uuid NOT NULL,
    "FromAgency" boolean NOT NULL,
    "Text" text NOT NULL,
    "EvidenceId" uuid,
    "At" timestamp with time zone NOT NULL,
    "AuthorUserId" uuid NOT NULL,
    "AuthorName" character varying(256) NOT NULL,
    CONSTRAINT "PK_ClarificationMessages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ClarificationMessages_Clarifications_ClarificationId" FOREIGN KEY ("ClarificationId") REFERENCES "Clarifications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewAnswers" (
    "Id" uuid NOT NULL,
    "ReviewAssignmentId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    "CheckedJson" text NOT NULL,
    "JudgementsJson" text NOT NULL,
    "Strengths" text NOT NULL,
    "Opportunities" text NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ReviewAnswers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ReviewAnswers_ReviewAssignments_ReviewAssignmentId" FOREIGN KEY ("ReviewAssignmentId") REFERENCES "ReviewAssignments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SiteVisitFindings" (
    "Id" uuid NOT NULL,
    "SiteVisitId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    "Text" text NOT NULL,
    "AdjustedScore" numeric(9,2),
    "AdjustmentReason" character varying(4000),
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SiteVisitFindings" PRIMARY KEY ("Id"),
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
