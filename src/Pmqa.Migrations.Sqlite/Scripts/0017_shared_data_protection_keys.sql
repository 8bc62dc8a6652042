-- Data-protection keys in the database, shared by every application instance (issue 13, ADR 0029): a sign-in
-- cookie or antiforgery token made by one instance is read by another. Replaces the keys folder (DataProtection:KeysPath).
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);
