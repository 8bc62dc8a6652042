-- Open data and OPDC's promotion calendar (issue 11, ADR 0021): published results (one row per organisation,
-- round and published version; only the columns the open data shows) and withholdings with their reason;
-- calendar events and the participants agencies register for them.
CREATE TABLE "PublishedResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PublishedResults" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "AssessmentId" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "IsCurrent" INTEGER NOT NULL,
    "Note" TEXT NOT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "PublishedBy" TEXT NOT NULL,
    "OrganizationCode" TEXT NOT NULL,
    "NameTh" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "OrganizationType" TEXT NOT NULL,
    "GroupCode" TEXT NOT NULL,
    "GroupNameTh" TEXT NOT NULL,
    "GroupNameEn" TEXT NOT NULL,
    "VerifiedTotal" TEXT NOT NULL,
    "CategoriesJson" TEXT NOT NULL,
    "StatusBand" TEXT NOT NULL,
    "SiteVisitOutcome" TEXT NOT NULL,
    "CertificateId" TEXT NULL,
    "CertificateNumber" TEXT NOT NULL,
    "CertificateValidUntil" INTEGER NULL
);

CREATE TABLE "ResultWithholdings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResultWithholdings" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "WithheldAt" INTEGER NOT NULL,
    "WithheldBy" TEXT NOT NULL
);

CREATE TABLE "PromotionEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PromotionEvents" PRIMARY KEY,
    "TitleTh" TEXT NOT NULL,
    "TitleEn" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "StartsAt" INTEGER NOT NULL,
    "EndsAt" INTEGER NOT NULL,
    "Place" TEXT NOT NULL,
    "OnlineUrl" TEXT NOT NULL,
    "Capacity" INTEGER NULL,
    "PerOrganizationLimit" INTEGER NOT NULL,
    "RegistrationDeadline" INTEGER NULL,
    "CancelledAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "EventRegistrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EventRegistrations" PRIMARY KEY,
    "EventId" TEXT NOT NULL,
    "OrganizationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Position" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RegisteredAt" INTEGER NOT NULL,
    "RegisteredByUserId" TEXT NOT NULL,
    "CancelledAt" INTEGER NULL,
    CONSTRAINT "FK_EventRegistrations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EventRegistrations_PromotionEvents_EventId" FOREIGN KEY ("EventId") REFERENCES "PromotionEvents" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EventRegistrations_EventId_RegisteredAt" ON "EventRegistrations" ("EventId", "RegisteredAt");

CREATE INDEX "IX_EventRegistrations_OrganizationId" ON "EventRegistrations" ("OrganizationId");

CREATE INDEX "IX_PromotionEvents_StartsAt" ON "PromotionEvents" ("StartsAt");

CREATE INDEX "IX_PublishedResults_FiscalYear_IsCurrent" ON "PublishedResults" ("FiscalYear", "IsCurrent");

CREATE UNIQUE INDEX "IX_PublishedResults_RoundId_OrganizationId_VersionNumber" ON "PublishedResults" ("RoundId", "OrganizationId", "VersionNumber");

CREATE UNIQUE INDEX "IX_ResultWithholdings_RoundId_OrganizationId" ON "ResultWithholdings" ("RoundId", "OrganizationId");
