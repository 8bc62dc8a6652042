-- The year (BE) a service became fully digital, for the pace rule (issue 12, ADR 0028). Services fully digital before
-- this column existed get the Bangkok year of their last change: the best date the register holds. UpdatedAt is UTC
-- ticks (0001-01-01); 621355968000000000 ticks is the Unix epoch, 252000000000 ticks is seven hours.
ALTER TABLE "DigitalServices" ADD COLUMN "DigitisedYear" INTEGER NULL;

UPDATE "DigitalServices"
SET "DigitisedYear" = CAST(strftime('%Y', ("UpdatedAt" - 621355968000000000 + 252000000000) / 10000000, 'unixepoch') AS INTEGER) + 543
WHERE "FullyDigital" = 1;
