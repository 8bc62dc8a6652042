-- 0008 audit entries: coalesced autosaves (StartedAt, Saves) and the organisation and assessment a change
-- belongs to, so the audit page filters by them with an index (ADR 0013). Earlier entries are filled in
-- where the entity still exists.
ALTER TABLE "AuditEntries" ADD "StartedAt" timestamp with time zone;
ALTER TABLE "AuditEntries" ADD "Saves" integer NOT NULL DEFAULT 1;
ALTER TABLE "AuditEntries" ADD "OrganizationId" uuid;
ALTER TABLE "AuditEntries" ADD "AssessmentId" uuid;

CREATE INDEX "IX_AuditEntries_AssessmentId_At" ON "AuditEntries" ("AssessmentId", "At");

CREATE INDEX "IX_AuditEntries_OrganizationId_At" ON "AuditEntries" ("OrganizationId", "At");

UPDATE "AuditEntries" a SET "AssessmentId" = t."Id" FROM "Assessments" t
WHERE a."EntityType" = 'Assessment' AND a."EntityKey" = t."Id"::text;
UPDATE "AuditEntries" a SET "AssessmentId" = t."AssessmentId" FROM "IssueAnswers" t
WHERE a."EntityType" = 'IssueAnswer' AND a."EntityKey" = t."Id"::text;
UPDATE "AuditEntries" a SET "AssessmentId" = t."AssessmentId" FROM "ProfileAnswers" t
WHERE a."EntityType" = 'ProfileAnswer' AND a."EntityKey" = t."Id"::text;
UPDATE "AuditEntries" a SET "OrganizationId" = t."OrganizationId" FROM "Assessments" t
WHERE a."AssessmentId" = t."Id";
UPDATE "AuditEntries" a SET "OrganizationId" = t."Id" FROM "Organizations" t
WHERE a."EntityType" = 'Organization' AND a."EntityKey" = t."Id"::text;
UPDATE "AuditEntries" a SET "OrganizationId" = t."OrganizationId" FROM "Memberships" t
WHERE a."EntityType" = 'Membership' AND a."EntityKey" = t."Id"::text;
