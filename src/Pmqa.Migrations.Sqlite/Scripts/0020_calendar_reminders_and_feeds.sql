-- Closing a round's verification publishes its verified results (issue 11, ADR 0024).
ALTER TABLE "Rounds" ADD COLUMN "VerificationClosedAt" INTEGER NULL;

-- Each organisation's private iCalendar feed: the SHA-256 of its secret token, one per organisation.
CREATE TABLE "CalendarFeedTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CalendarFeedTokens" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_CalendarFeedTokens_OrganizationId" ON "CalendarFeedTokens" ("OrganizationId");

CREATE UNIQUE INDEX "IX_CalendarFeedTokens_TokenHash" ON "CalendarFeedTokens" ("TokenHash");

-- Reminders before deadlines, one row per reminder sent: the unique key makes "sent once" hold across instances.
CREATE TABLE "CalendarReminders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CalendarReminders" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "SentAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_CalendarReminders_Key" ON "CalendarReminders" ("Key");
