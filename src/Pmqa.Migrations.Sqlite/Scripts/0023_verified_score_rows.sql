-- 0023 every verified score as a typed number (ADR 0023, amended 2026-12-07): one row per category, dimension and
-- issue of "VerifiedScoreJson", written at confirmation in the same transaction. Part: 0 category, 1 dimension,
-- 2 issue; Position: the order in the JSON (the pack's). Scores already confirmed are copied from their JSON once,
-- here (SQLite keeps decimals as text; json_extract gives the number back as a real, printed with 2 decimals as
-- the verified score rounds them).
CREATE TABLE "AssessmentVerifiedScores" (
    "AssessmentId" TEXT NOT NULL,
    "Part" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Score" TEXT NOT NULL,
    CONSTRAINT "PK_AssessmentVerifiedScores" PRIMARY KEY ("AssessmentId", "Part", "Position"),
    CONSTRAINT "FK_AssessmentVerifiedScores_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);
INSERT INTO "AssessmentVerifiedScores" ("AssessmentId", "Part", "Position", "Code", "Score")
SELECT a."Id", p.part, e.key, json_extract(e.value, '$.code'), printf('%.2f', json_extract(e.value, '$.score'))
FROM "Assessments" a
CROSS JOIN (SELECT 0 AS part, '$.categories' AS path UNION ALL SELECT 1, '$.dimensions' UNION ALL SELECT 2, '$.issues') p
CROSS JOIN json_each(a."VerifiedScoreJson", p.path) e
WHERE a."VerifiedScoreJson" IS NOT NULL;
