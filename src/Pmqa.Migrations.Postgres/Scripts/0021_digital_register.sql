-- The digital-government register (issue 12, ADR 0025): an organisation's public services and their way to a central
-- platform by 2570, its datasets in the GD Catalog and data exchanges, and a province's area projects and
-- participation channels.
CREATE TABLE "DigitalServices" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Name" character varying(500) NOT NULL,
    "Audience" character varying(16) NOT NULL,
    "LegalBasis" character varying(1000) NOT NULL,
    "Channel" character varying(16) NOT NULL,
    "FullyDigital" boolean NOT NULL,
    "CommonServices" integer NOT NULL,
    "TargetYear" integer NOT NULL,
    "ExceptionReason" character varying(2000) NOT NULL,
    "ExceptionGrantedBy" character varying(256) NOT NULL,
    "ExceptionGrantedAt" timestamp with time zone,
    "ResponsibleUnit" character varying(300) NOT NULL,
    "Link" character varying(2000) NOT NULL,
    "EvidenceReference" character varying(500) NOT NULL,
    "Internal" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_DigitalServices" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DigitalServices_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CatalogDatasets" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Title" character varying(500) NOT NULL,
    "CatalogUrl" character varying(2000) NOT NULL,
    "UpdateFrequency" character varying(16) NOT NULL,
    "LastUpdated" date,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_CatalogDatasets" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CatalogDatasets_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DataExchanges" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "PartnerAgency" character varying(300) NOT NULL,
    "Data" character varying(500) NOT NULL,
    "Direction" character varying(16) NOT NULL,
    "Since" date,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_DataExchanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DataExchanges_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AreaProjects" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Name" character varying(500) NOT NULL,
    "ValueChain" character varying(500) NOT NULL,
    "PartnerAgencies" character varying(1000) NOT NULL,
    "Budget" numeric(14,2) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_AreaProjects" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AreaProjects_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ParticipationChannels" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "Name" character varying(300) NOT NULL,
    "Usage" character varying(1000) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ParticipationChannels" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ParticipationChannels_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DigitalServices_OrganizationId" ON "DigitalServices" ("OrganizationId");

CREATE INDEX "IX_CatalogDatasets_OrganizationId" ON "CatalogDatasets" ("OrganizationId");

CREATE INDEX "IX_DataExchanges_OrganizationId" ON "DataExchanges" ("OrganizationId");

CREATE INDEX "IX_AreaProjects_OrganizationId" ON "AreaProjects" ("OrganizationId");

CREATE INDEX "IX_ParticipationChannels_OrganizationId" ON "ParticipationChannels" ("OrganizationId");
