-- Open data and OPDC's promotion calendar (issue 11, ADR 0021): published results (one row per organisation,
-- round and published version; only the columns the open data shows) and withholdings with their reason;
-- calendar events and the participants agencies register for them.
CREATE TABLE "PublishedResults" (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "FiscalYear" integer NOT NULL,
    "VersionNumber" integer NOT NULL,
    "IsCurrent" boolean NOT NULL,
    "Note" character varying(2000) NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "PublishedBy" character varying(256) NOT NULL,
    "OrganizationCode" character varying(64) NOT NULL,
    "NameTh" character varying(300) NOT NULL,
    "NameEn" character varying(300) NOT NULL,
    "OrganizationType" character varying(32) NOT NULL,
    "GroupCode" character varying(64) NOT NULL,
    "GroupNameTh" character varying(300) NOT NULL,
    "GroupNameEn" character varying(300) NOT NULL,
    "VerifiedTotal" numeric(7,2) NOT NULL,
    "CategoriesJson" character varying(2000) NOT NULL,
    "StatusBand" character varying(32) NOT NULL,
    "SiteVisitOutcome" character varying(16) NOT NULL,
    "CertificateId" uuid,
    "CertificateNumber" character varying(64) NOT NULL,
    "CertificateValidUntil" timestamp with time zone,
    CONSTRAINT "PK_PublishedResults" PRIMARY KEY ("Id")
);

CREATE TABLE "ResultWithholdings" (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "WithheldAt" timestamp with time zone NOT NULL,
    "WithheldBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_ResultWithholdings" PRIMARY KEY ("Id")
);

CREATE TABLE "PromotionEvents" (
    "Id" uuid NOT NULL,
    "TitleTh" character varying(300) NOT NULL,
    "TitleEn" character varying(300) NOT NULL,
    "Description" character varying(4000) NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Audience" character varying(32) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Place" character varying(500) NOT NULL,
    "OnlineUrl" character varying(500) NOT NULL,
    "Capacity" integer,
    "PerOrganizationLimit" integer NOT NULL,
    "RegistrationDeadline" timestamp with time zone,
    "CancelledAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_PromotionEvents" PRIMARY KEY ("Id")
);

CREATE TABLE "EventRegistrations" (
    "Id" uuid NOT NULL,
    "EventId" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Name" character varying(256) NOT NULL,
    "Email" character varying(256) NOT NULL,
    "Position" character varying(300) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "RegisteredAt" timestamp with time zone NOT NULL,
    "RegisteredByUserId" uuid NOT NULL,
    "CancelledAt" timestamp with time zone,
    CONSTRAINT "PK_EventRegistrations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EventRegistrations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EventRegistrations_PromotionEvents_EventId" FOREIGN KEY ("EventId") REFERENCES "PromotionEvents" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EventRegistrations_EventId_RegisteredAt" ON "EventRegistrations" ("EventId", "RegisteredAt");

CREATE INDEX "IX_EventRegistrations_OrganizationId" ON "EventRegistrations" ("OrganizationId");

CREATE INDEX "IX_PromotionEvents_StartsAt" ON "PromotionEvents" ("StartsAt");

CREATE INDEX "IX_PublishedResults_FiscalYear_IsCurrent" ON "PublishedResults" ("FiscalYear", "IsCurrent");

CREATE UNIQUE INDEX "IX_PublishedResults_RoundId_OrganizationId_VersionNumber" ON "PublishedResults" ("RoundId", "OrganizationId", "VersionNumber");

CREATE UNIQUE INDEX "IX_ResultWithholdings_RoundId_OrganizationId" ON "ResultWithholdings" ("RoundId", "OrganizationId");
