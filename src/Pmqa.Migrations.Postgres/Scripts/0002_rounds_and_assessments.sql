-- 0002 rounds, extensions, assessments and issue answers (PostgreSQL); statements taken from 'schema-script'.
CREATE TABLE "Rounds" (
    "Id" uuid NOT NULL,
    "FiscalYear" integer NOT NULL,
    "FrameworkVersionId" uuid NOT NULL,
    "Audiences" character varying(100) NOT NULL,
    "OpensAt" timestamp with time zone NOT NULL,
    "SubmissionDeadline" timestamp with time zone NOT NULL,
    "VerificationEndsAt" timestamp with time zone,
    "SiteVisitFrom" timestamp with time zone,
    "SiteVisitTo" timestamp with time zone,
    "AwardDate" timestamp with time zone,
    "SiteVisitThreshold" numeric(9,2) NOT NULL,
    "StatusBandsJson" text NOT NULL,
    "OpenedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_Rounds" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Rounds_FrameworkVersions_FrameworkVersionId" FOREIGN KEY ("FrameworkVersionId") REFERENCES "FrameworkVersions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Assessments" (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "State" character varying(32) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "SubmittedBy" character varying(256),
    "ApprovedAt" timestamp with time zone,
    "ApproverName" character varying(200),
    "ApproverPosition" character varying(200),
    "ReturnReason" text,
    "SnapshotJson" text,
    "SnapshotSha256" character varying(64),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_Assessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Assessments_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Assessments_Rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "Rounds" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RoundExtensions" (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Until" timestamp with time zone NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RoundExtensions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RoundExtensions_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RoundExtensions_Rounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "Rounds" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IssueAnswers" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    "CheckedJson" text NOT NULL,
    "ExplanationsJson" text NOT NULL,
    "IndicatorsJson" text NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_IssueAnswers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IssueAnswers_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Assessments_OrganizationId" ON "Assessments" ("OrganizationId");

CREATE UNIQUE INDEX "IX_Assessments_RoundId_OrganizationId" ON "Assessments" ("RoundId", "OrganizationId");

CREATE UNIQUE INDEX "IX_IssueAnswers_AssessmentId_IssueCode" ON "IssueAnswers" ("AssessmentId", "IssueCode");

CREATE INDEX "IX_RoundExtensions_OrganizationId" ON "RoundExtensions" ("OrganizationId");

CREATE INDEX "IX_RoundExtensions_RoundId_OrganizationId" ON "RoundExtensions" ("RoundId", "OrganizationId");

CREATE INDEX "IX_Rounds_FiscalYear" ON "Rounds" ("FiscalYear");

CREATE INDEX "IX_Rounds_FrameworkVersionId" ON "Rounds" ("FrameworkVersionId");
