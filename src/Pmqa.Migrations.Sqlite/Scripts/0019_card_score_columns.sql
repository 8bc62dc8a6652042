-- 0019 every self-assessed score of a stored card as a typed number (ADR 0023): one row per category, dimension and
-- issue, written with the card in the same transaction. Part: 0 category, 1 dimension, 2 issue; Position: the pack
-- order. Existing cards are computed again (ScoreCards.CurrentRules 3) when next read or saved.
CREATE TABLE "AssessmentCardScores" (
    "AssessmentId" TEXT NOT NULL,
    "Part" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    CONSTRAINT "PK_AssessmentCardScores" PRIMARY KEY ("AssessmentId", "Part", "Position"),
    CONSTRAINT "FK_AssessmentCardScores_AssessmentScoreCards_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "AssessmentScoreCards" ("AssessmentId") ON DELETE CASCADE
);
CREATE INDEX "IX_AssessmentCardScores_Part_Code_AssessmentId" ON "AssessmentCardScores" ("Part", "Code", "AssessmentId");
