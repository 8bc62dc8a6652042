-- 0019 every self-assessed score of a stored card as a typed number (ADR 0023): one row per category, dimension and
-- issue, written with the card in the same transaction, so that OPDC's dashboard aggregates in SQL (percentiles,
-- counts, ordering) instead of parsing each card's "Figures" line. Part: 0 category, 1 dimension, 2 issue;
-- Position: the pack order. Existing cards are computed again (ScoreCards.CurrentRules 3) when next read or saved.
CREATE TABLE "AssessmentCardScores" (
    "AssessmentId" uuid NOT NULL,
    "Part" smallint NOT NULL,
    "Position" smallint NOT NULL,
    "Code" character varying(16) NOT NULL,
    "Score" numeric NOT NULL,
    CONSTRAINT "PK_AssessmentCardScores" PRIMARY KEY ("AssessmentId", "Part", "Position"),
    CONSTRAINT "FK_AssessmentCardScores_AssessmentScoreCards_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "AssessmentScoreCards" ("AssessmentId") ON DELETE CASCADE
);
-- Sorting or drilling by one issue or category reads one code's scores for a round's assessments.
CREATE INDEX "IX_AssessmentCardScores_Part_Code_AssessmentId" ON "AssessmentCardScores" ("Part", "Code", "AssessmentId");
