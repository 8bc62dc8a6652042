-- 0025 the national dashboard's most-missed checklist items as counters (ADR 0035). On PostgreSQL triggers keep
-- them; SQLite (the small embedded default) keeps the table empty and counts the tick strings in .NET, as before.
CREATE TABLE "DashboardTickCounts" (
    "RoundId" TEXT NOT NULL,
    "OrganizationType" TEXT NOT NULL,
    "ParentId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_DashboardTickCounts" PRIMARY KEY ("RoundId", "OrganizationType", "ParentId", "Position")
);
