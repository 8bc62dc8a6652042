-- 0003 evidence files and their links to issues (SQLite); statements taken from 'schema-script'.
CREATE TABLE "Evidence" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Evidence" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "RemovedAt" INTEGER NULL,
    "RemovedBy" TEXT NULL,
    CONSTRAINT "FK_Evidence_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceLinks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceLinks" PRIMARY KEY,
    "EvidenceId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    CONSTRAINT "FK_EvidenceLinks_Evidence_EvidenceId" FOREIGN KEY ("EvidenceId") REFERENCES "Evidence" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Evidence_AssessmentId_Sha256" ON "Evidence" ("AssessmentId", "Sha256");

CREATE UNIQUE INDEX "IX_EvidenceLinks_EvidenceId_IssueCode" ON "EvidenceLinks" ("EvidenceId", "IssueCode");
