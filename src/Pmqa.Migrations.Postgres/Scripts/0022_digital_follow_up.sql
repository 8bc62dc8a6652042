-- Follow-up periods of the digital-government register and each organisation's progress update per period
-- (issue 12, ADR 0027): a frozen copy of the register as JSON with its figures as typed columns.
CREATE TABLE "DigitalPeriods" (
    "Id" uuid NOT NULL,
    "NameTh" character varying(300) NOT NULL,
    "NameEn" character varying(300) NOT NULL,
    "StartsOn" date NOT NULL,
    "Deadline" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_DigitalPeriods" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_DigitalPeriods_Deadline" ON "DigitalPeriods" ("Deadline");

CREATE TABLE "DigitalUpdates" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "PeriodId" uuid NOT NULL,
    "Status" character varying(24) NOT NULL,
    "Note" character varying(2000) NOT NULL,
    "RegisterJson" text NOT NULL,
    "Services" integer NOT NULL,
    "FullyDigital" integer NOT NULL,
    "OnCentralPlatform" integer NOT NULL,
    "Datasets" integer NOT NULL,
    "SubmittedAt" timestamp with time zone NOT NULL,
    "SubmittedBy" character varying(256) NOT NULL,
    "ApprovedAt" timestamp with time zone,
    "ApprovedBy" character varying(256) NOT NULL,
    "ReturnReason" character varying(2000) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_DigitalUpdates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DigitalUpdates_DigitalPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "DigitalPeriods" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DigitalUpdates_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_DigitalUpdates_OrganizationId_PeriodId" ON "DigitalUpdates" ("OrganizationId", "PeriodId");

CREATE INDEX "IX_DigitalUpdates_PeriodId" ON "DigitalUpdates" ("PeriodId");
