-- 0012 the agency's decisions about each issue's gap: target level, impact, urgency, selection and rationale (SQLite).
CREATE TABLE "GapSettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GapSettings" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "IssueCode" TEXT NOT NULL,
    "TargetLevel" TEXT NULL,
    "Impact" INTEGER NULL,
    "Urgency" INTEGER NULL,
    "Selected" INTEGER NOT NULL,
    "Rationale" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_GapSettings_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_GapSettings_AssessmentId_IssueCode" ON "GapSettings" ("AssessmentId", "IssueCode");
