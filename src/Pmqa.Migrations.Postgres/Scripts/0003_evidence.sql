-- 0003 evidence files and their links to issues (PostgreSQL); statements taken from 'schema-script'.
CREATE TABLE "Evidence" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "FileName" character varying(255) NOT NULL,
    "ContentType" character varying(128) NOT NULL,
    "Length" bigint NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "UploadedBy" character varying(256) NOT NULL,
    "RemovedAt" timestamp with time zone,
    "RemovedBy" character varying(256),
    CONSTRAINT "PK_Evidence" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Evidence_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EvidenceLinks" (
    "Id" uuid NOT NULL,
    "EvidenceId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    CONSTRAINT "PK_EvidenceLinks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EvidenceLinks_Evidence_EvidenceId" FOREIGN KEY ("EvidenceId") REFERENCES "Evidence" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Evidence_AssessmentId_Sha256" ON "Evidence" ("AssessmentId", "Sha256");

CREATE UNIQUE INDEX "IX_EvidenceLinks_EvidenceId_IssueCode" ON "EvidenceLinks" ("EvidenceId", "IssueCode");
