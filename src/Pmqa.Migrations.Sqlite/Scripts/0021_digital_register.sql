-- The digital-government register (issue 12, ADR 0025): an organisation's public services and their way to a central
-- platform by 2570, its datasets in the GD Catalog and data exchanges, and a province's area projects and
-- participation channels.
CREATE TABLE "DigitalServices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DigitalServices" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Audience" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "FullyDigital" INTEGER NOT NULL,
    "CommonServices" INTEGER NOT NULL,
    "TargetYear" INTEGER NOT NULL,
    "ExceptionReason" TEXT NOT NULL,
    "ExceptionGrantedBy" TEXT NOT NULL,
    "ExceptionGrantedAt" INTEGER NULL,
    "ResponsibleUnit" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "EvidenceReference" TEXT NOT NULL,
    "Internal" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DigitalServices_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CatalogDatasets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CatalogDatasets" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "CatalogUrl" TEXT NOT NULL,
    "UpdateFrequency" TEXT NOT NULL,
    "LastUpdated" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CatalogDatasets_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DataExchanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataExchanges" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "PartnerAgency" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "Since" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DataExchanges_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AreaProjects" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AreaProjects" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ValueChain" TEXT NOT NULL,
    "PartnerAgencies" TEXT NOT NULL,
    "Budget" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_AreaProjects_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ParticipationChannels" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ParticipationChannels" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Usage" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ParticipationChannels_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_DigitalServices_OrganizationId" ON "DigitalServices" ("OrganizationId");

CREATE INDEX "IX_CatalogDatasets_OrganizationId" ON "CatalogDatasets" ("OrganizationId");

CREATE INDEX "IX_DataExchanges_OrganizationId" ON "DataExchanges" ("OrganizationId");

CREATE INDEX "IX_AreaProjects_OrganizationId" ON "AreaProjects" ("OrganizationId");

CREATE INDEX "IX_ParticipationChannels_OrganizationId" ON "ParticipationChannels" ("OrganizationId");
