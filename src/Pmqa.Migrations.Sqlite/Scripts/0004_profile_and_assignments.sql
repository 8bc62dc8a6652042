-- 0004 organisation profile answers and category assignments (SQLite); statements taken from 'schema-script'.
CREATE TABLE "CategoryAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CategoryAssignments" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "CategoryCode" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "FK_CategoryAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CategoryAssignments_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProfileAnswers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProfileAnswers" PRIMARY KEY,
    "AssessmentId" TEXT NOT NULL,
    "SectionCode" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AttachmentId" TEXT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ProfileAnswers_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CategoryAssignments_AssessmentId_CategoryCode" ON "CategoryAssignments" ("AssessmentId", "CategoryCode");

CREATE INDEX "IX_CategoryAssignments_UserId" ON "CategoryAssignments" ("UserId");

CREATE UNIQUE INDEX "IX_ProfileAnswers_AssessmentId_SectionCode" ON "ProfileAnswers" ("AssessmentId", "SectionCode");
