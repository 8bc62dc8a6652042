-- 0026 the open-data results files are written once per change and stored (ADR 0037). "OpenDataFiles" names the blob
-- (in the evidence store, by SHA-256) that is each file and the source it was made from; "OpenDataRevisions" counts
-- the changes of each fiscal year's open data. Triggers raise the counter in the transaction of every insert, update
-- or delete of published results and withholdings, so any path that changes what a file shows (publish, correction,
-- withholding, SQL by hand) makes the stored file stale; the next read writes it again.
CREATE TABLE "OpenDataFiles" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_OpenDataFiles" PRIMARY KEY,
    "SourceKey" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "LastModified" INTEGER NULL,
    "GeneratedAt" INTEGER NOT NULL
);

CREATE TABLE "OpenDataRevisions" (
    "FiscalYear" INTEGER NOT NULL CONSTRAINT "PK_OpenDataRevisions" PRIMARY KEY,
    "Revision" INTEGER NOT NULL
);

INSERT INTO "OpenDataRevisions" ("FiscalYear", "Revision") SELECT DISTINCT "FiscalYear", 1 FROM "PublishedResults";

CREATE TRIGGER "open_data_published_insert" AFTER INSERT ON "PublishedResults" BEGIN
    INSERT OR IGNORE INTO "OpenDataRevisions" ("FiscalYear", "Revision") VALUES (NEW."FiscalYear", 0);
    UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1 WHERE "FiscalYear" = NEW."FiscalYear";
END;

CREATE TRIGGER "open_data_published_update" AFTER UPDATE ON "PublishedResults" BEGIN
    INSERT OR IGNORE INTO "OpenDataRevisions" ("FiscalYear", "Revision") VALUES (NEW."FiscalYear", 0);
    UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1 WHERE "FiscalYear" IN (NEW."FiscalYear", OLD."FiscalYear");
END;

CREATE TRIGGER "open_data_published_delete" AFTER DELETE ON "PublishedResults" BEGIN
    UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1 WHERE "FiscalYear" = OLD."FiscalYear";
END;

-- A withholding changes the files of the years its round has published rows in (the reads filter them out).
CREATE TRIGGER "open_data_withheld_insert" AFTER INSERT ON "ResultWithholdings" BEGIN
    UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1
    WHERE "FiscalYear" IN (SELECT "FiscalYear" FROM "PublishedResults" WHERE "RoundId" = NEW."RoundId");
END;

CREATE TRIGGER "open_data_withheld_update" AFTER UPDATE ON "ResultWithholdings" BEGIN
    UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1
    WHERE "FiscalYear" IN (SELECT "FiscalYear" FROM "PublishedResults" WHERE "RoundId" IN (NEW."RoundId", OLD."RoundId"));
END;

CREATE TRIGGER "open_data_withheld_delete" AFTER DELETE ON "ResultWithholdings" BEGIN
    UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1
    WHERE "FiscalYear" IN (SELECT "FiscalYear" FROM "PublishedResults" WHERE "RoundId" = OLD."RoundId");
END;
