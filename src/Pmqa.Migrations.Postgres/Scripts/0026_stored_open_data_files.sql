-- 0026 the open-data results files are written once per change and stored (ADR 0037). "OpenDataFiles" names the blob
-- (in the shared evidence store, by SHA-256) that is each file and the source it was made from; "OpenDataRevisions"
-- counts the changes of each fiscal year's open data. Statement triggers raise the counter in the transaction of
-- every insert, update or delete of published results and withholdings, so any path that changes what a file
-- shows (publish, correction, withholding, SQL by hand) makes the stored file stale; the next read writes it again.
CREATE TABLE "OpenDataFiles" (
    "Name" character varying(64) NOT NULL,
    "SourceKey" text NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "Length" bigint NOT NULL,
    "LastModified" timestamp with time zone,
    "GeneratedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_OpenDataFiles" PRIMARY KEY ("Name")
);

CREATE TABLE "OpenDataRevisions" (
    "FiscalYear" integer NOT NULL,
    "Revision" bigint NOT NULL,
    CONSTRAINT "PK_OpenDataRevisions" PRIMARY KEY ("FiscalYear")
);

INSERT INTO "OpenDataRevisions" ("FiscalYear", "Revision") SELECT DISTINCT "FiscalYear", 1 FROM "PublishedResults";

-- Raise the revisions of the given years, in year order (two transactions never lock the rows crosswise).
CREATE FUNCTION pmqa_open_data_bump(years integer[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "OpenDataRevisions" ("FiscalYear", "Revision")
    SELECT DISTINCT y, 1 FROM unnest(years) y WHERE y IS NOT NULL ORDER BY y
    ON CONFLICT ("FiscalYear") DO UPDATE SET "Revision" = "OpenDataRevisions"."Revision" + 1;
$$;

CREATE FUNCTION pmqa_open_data_published_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pmqa_open_data_bump(ARRAY(SELECT DISTINCT "FiscalYear" FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION pmqa_open_data_published_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pmqa_open_data_bump(ARRAY(SELECT DISTINCT "FiscalYear" FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION pmqa_open_data_published_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pmqa_open_data_bump(ARRAY(SELECT "FiscalYear" FROM new_rows UNION SELECT "FiscalYear" FROM old_rows));
    RETURN NULL;
END $$;

-- A withholding changes the files of the years its round has published rows in (the reads filter them out).
CREATE FUNCTION pmqa_open_data_withheld_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pmqa_open_data_bump(ARRAY(SELECT DISTINCT p."FiscalYear" FROM "PublishedResults" p WHERE p."RoundId" IN (SELECT "RoundId" FROM new_rows)));
    RETURN NULL;
END $$;

CREATE FUNCTION pmqa_open_data_withheld_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pmqa_open_data_bump(ARRAY(SELECT DISTINCT p."FiscalYear" FROM "PublishedResults" p WHERE p."RoundId" IN (SELECT "RoundId" FROM old_rows)));
    RETURN NULL;
END $$;

CREATE TRIGGER open_data_published_insert AFTER INSERT ON "PublishedResults"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_published_new();
CREATE TRIGGER open_data_published_update AFTER UPDATE ON "PublishedResults"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_published_changed();
CREATE TRIGGER open_data_published_delete AFTER DELETE ON "PublishedResults"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_published_old();
CREATE TRIGGER open_data_withheld_insert AFTER INSERT ON "ResultWithholdings"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_withheld_new();
CREATE TRIGGER open_data_withheld_update AFTER UPDATE ON "ResultWithholdings"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_withheld_new();
CREATE TRIGGER open_data_withheld_delete AFTER DELETE ON "ResultWithholdings"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_withheld_old();
