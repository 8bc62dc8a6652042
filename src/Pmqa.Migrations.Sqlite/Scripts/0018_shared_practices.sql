-- The library of good practice (ADR 0022): an issue of a certified assessment shared as an example, its texts
-- frozen at sharing time, approved or declined by OPDC.
CREATE TABLE "SharedPractices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SharedPractices" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "IssueNameTh" TEXT NOT NULL,
    "IssueNameEn" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "ExplanationsJson" TEXT NOT NULL,
    "EvidenceIds" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SharedAt" INTEGER NOT NULL,
    "SharedBy" TEXT NOT NULL,
    "DecidedAt" INTEGER NULL,
    "DecidedBy" TEXT NOT NULL,
    "DeclineReason" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SharedPractices_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SharedPractices_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_SharedPractices_AssessmentId_IssueCode" ON "SharedPractices" ("AssessmentId", "IssueCode");

CREATE INDEX "IX_SharedPractices_OrganizationId" ON "SharedPractices" ("OrganizationId");

CREATE INDEX "IX_SharedPractices_Status_IssueCode" ON "SharedPractices" ("Status", "IssueCode");
