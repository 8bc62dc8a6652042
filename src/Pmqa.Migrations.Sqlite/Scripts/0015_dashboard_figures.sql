-- 0015 what OPDC's dashboard reads from each stored score card (ADR 0020): every category, dimension and issue
-- score in one short line, and the ticks as one character per checklist item. Existing cards are computed again
-- (ScoreCards.CurrentRules 2) when next read or saved, which fills both.
ALTER TABLE "AssessmentScoreCards" ADD "Figures" TEXT NOT NULL DEFAULT '';
ALTER TABLE "AssessmentScoreCards" ADD "Ticks" TEXT NOT NULL DEFAULT '';
