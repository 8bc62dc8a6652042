-- Follow-up periods of the digital-government register and each organisation's progress update per period
-- (issue 12, ADR 0027): a frozen copy of the register as JSON with its figures as typed columns.
CREATE TABLE "DigitalPeriods" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DigitalPeriods" PRIMARY KEY,
    "NameTh" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_DigitalPeriods_Deadline" ON "DigitalPeriods" ("Deadline");

CREATE TABLE "DigitalUpdates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DigitalUpdates" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "PeriodId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "RegisterJson" TEXT NOT NULL,
    "Services" INTEGER NOT NULL,
    "FullyDigital" INTEGER NOT NULL,
    "OnCentralPlatform" INTEGER NOT NULL,
    "Datasets" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    "ApprovedAt" INTEGER NULL,
    "ApprovedBy" TEXT NOT NULL,
    "ReturnReason" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DigitalUpdates_DigitalPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "DigitalPeriods" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DigitalUpdates_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DigitalUpdates_OrganizationId_PeriodId" ON "DigitalUpdates" ("OrganizationId", "PeriodId");

CREATE INDEX "IX_DigitalUpdates_PeriodId" ON "DigitalUpdates" ("PeriodId");
