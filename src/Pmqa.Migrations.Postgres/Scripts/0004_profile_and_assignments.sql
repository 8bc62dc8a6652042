-- 0004 organisation profile answers and category assignments (PostgreSQL); statements taken from 'schema-script'.
CREATE TABLE "CategoryAssignments" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "CategoryCode" character varying(8) NOT NULL,
    "UserId" uuid NOT NULL,
    CONSTRAINT "PK_CategoryAssignments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CategoryAssignments_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CategoryAssignments_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProfileAnswers" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "SectionCode" character varying(16) NOT NULL,
    "Text" text NOT NULL,
    "AttachmentId" uuid,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ProfileAnswers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ProfileAnswers_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CategoryAssignments_AssessmentId_CategoryCode" ON "CategoryAssignments" ("AssessmentId", "CategoryCode");

CREATE INDEX "IX_CategoryAssignments_UserId" ON "CategoryAssignments" ("UserId");

CREATE UNIQUE INDEX "IX_ProfileAnswers_AssessmentId_SectionCode" ON "ProfileAnswers" ("AssessmentId", "SectionCode");
