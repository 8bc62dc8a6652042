-- The library of good practice (ADR 0022): an issue of a certified assessment shared as an example, its texts
-- frozen at sharing time, approved or declined by OPDC.
CREATE TABLE "SharedPractices" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "IssueCode" character varying(32) NOT NULL,
    "IssueNameTh" character varying(1000) NOT NULL,
    "IssueNameEn" character varying(1000) NOT NULL,
    "FiscalYear" integer NOT NULL,
    "Level" character varying(16) NOT NULL,
    "ExplanationsJson" text NOT NULL,
    "EvidenceIds" character varying(4000) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "SharedAt" timestamp with time zone NOT NULL,
    "SharedBy" character varying(256) NOT NULL,
    "DecidedAt" timestamp with time zone,
    "DecidedBy" character varying(256) NOT NULL,
    "DeclineReason" character varying(2000) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SharedPractices" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SharedPractices_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SharedPractices_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_SharedPractices_AssessmentId_IssueCode" ON "SharedPractices" ("AssessmentId", "IssueCode");

CREATE INDEX "IX_SharedPractices_OrganizationId" ON "SharedPractices" ("OrganizationId");

CREATE INDEX "IX_SharedPractices_Status_IssueCode" ON "SharedPractices" ("Status", "IssueCode");
