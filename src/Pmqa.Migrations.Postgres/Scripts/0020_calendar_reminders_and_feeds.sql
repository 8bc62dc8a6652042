-- Closing a round's verification publishes its verified results (issue 11, ADR 0024).
ALTER TABLE "Rounds" ADD COLUMN "VerificationClosedAt" timestamp with time zone;

-- Each organisation's private iCalendar feed: the SHA-256 of its secret token, one per organisation.
CREATE TABLE "CalendarFeedTokens" (
    "Id" uuid NOT NULL,
    "OrganizationId" uuid NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(256) NOT NULL,
    CONSTRAINT "PK_CalendarFeedTokens" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_CalendarFeedTokens_OrganizationId" ON "CalendarFeedTokens" ("OrganizationId");

CREATE UNIQUE INDEX "IX_CalendarFeedTokens_TokenHash" ON "CalendarFeedTokens" ("TokenHash");

-- Reminders before deadlines, one row per reminder sent: the unique key makes "sent once" hold across instances.
CREATE TABLE "CalendarReminders" (
    "Id" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CalendarReminders" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_CalendarReminders_Key" ON "CalendarReminders" ("Key");
