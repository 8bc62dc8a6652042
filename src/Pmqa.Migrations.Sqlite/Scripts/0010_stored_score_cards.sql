-- Each assessment's self-assessed score card, written with the answers that change it (ADR 0015).
-- No backfill here: scoring is C#, so a missing card is computed from the answers and stored when first read.
CREATE TABLE "AssessmentScoreCards" (
    "AssessmentId" TEXT NOT NULL CONSTRAINT "PK_AssessmentScoreCards" PRIMARY KEY,
    "RulesVersion" INTEGER NOT NULL,
    "AnswersVersion" INTEGER NOT NULL,
    "Total" TEXT NOT NULL,
    "CategoriesJson" TEXT NOT NULL,
    "IssuesJson" TEXT NOT NULL,
    "ComputedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AssessmentScoreCards_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);
