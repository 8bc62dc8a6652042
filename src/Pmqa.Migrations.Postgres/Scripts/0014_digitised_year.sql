-- The year (BE) a service became fully digital, for the pace rule (issue 12, ADR 0028). Services fully digital before
-- this column existed get the Bangkok year of their last change: the best date the register holds.
ALTER TABLE "DigitalServices" ADD COLUMN "DigitisedYear" integer NULL;

UPDATE "DigitalServices"
SET "DigitisedYear" = CAST(extract(year FROM "UpdatedAt" AT TIME ZONE 'Asia/Bangkok') AS integer) + 543
WHERE "FullyDigital";
