-- Each assessment's self-assessed score card, written with the answers that change it (ADR 0015).
-- No backfill here: scoring is C#, so a missing card is computed from the answers and stored when first read.
CREATE TABLE "AssessmentScoreCards" (
    "AssessmentId" uuid NOT NULL,
    "RulesVersion" integer NOT NULL,
    "AnswersVersion" integer NOT NULL,
    "Total" numeric NOT NULL,
    "CategoriesJson" text NOT NULL,
    "IssuesJson" text NOT NULL,
    "ComputedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AssessmentScoreCards" PRIMARY KEY ("AssessmentId"),
    CONSTRAINT "FK_AssessmentScoreCards_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);
