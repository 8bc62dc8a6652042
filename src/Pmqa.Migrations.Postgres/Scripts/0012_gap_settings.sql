-- 0012 the agency's decisions about each issue's gap: target level, impact, urgency, selection and rationale (PostgreSQL).
CREATE TABLE "GapSettings" (
    "Id" uuid NOT NULL,
    "AssessmentId" uuid NOT NULL,
    "IssueCode" character varying(16) NOT NULL,
    "TargetLevel" character varying(16),
    "Impact" integer,
    "Urgency" integer,
    "Selected" boolean NOT NULL,
    "Rationale" character varying(2000),
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedBy" character varying(256) NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_GapSettings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GapSettings_Assessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "Assessments" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_GapSettings_AssessmentId_IssueCode" ON "GapSettings" ("AssessmentId", "IssueCode");
