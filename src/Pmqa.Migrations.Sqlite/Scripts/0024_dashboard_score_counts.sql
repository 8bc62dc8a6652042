-- 0024 the national dashboard's statistics as a histogram (ADR 0031). On PostgreSQL triggers keep it; SQLite (the
-- small embedded default) keeps the table empty and takes the same figures from the typed scores in .NET: its
-- decimals are text, and SQL arithmetic on them (the calibration's gap) would be floating point, not exact.
CREATE TABLE "DashboardScoreCounts" (
    "RoundId" TEXT NOT NULL,
    "Basis" INTEGER NOT NULL,
    "Part" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "OrganizationType" TEXT NOT NULL,
    "ParentId" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_DashboardScoreCounts" PRIMARY KEY ("RoundId", "Basis", "Part", "Code", "OrganizationType", "ParentId", "Score")
);
