-- 0008 audit entries: coalesced autosaves (StartedAt, Saves) and the organisation and assessment a change
-- belongs to, so the audit page filters by them with an index (ADR 0013). Earlier entries are filled in
-- where the entity still exists.
ALTER TABLE "AuditEntries" ADD "StartedAt" INTEGER NULL;
ALTER TABLE "AuditEntries" ADD "Saves" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "AuditEntries" ADD "OrganizationId" TEXT NULL;
ALTER TABLE "AuditEntries" ADD "AssessmentId" TEXT NULL;

CREATE INDEX "IX_AuditEntries_AssessmentId_At" ON "AuditEntries" ("AssessmentId", "At");

CREATE INDEX "IX_AuditEntries_OrganizationId_At" ON "AuditEntries" ("OrganizationId", "At");

UPDATE "AuditEntries" SET "AssessmentId" = (SELECT "Id" FROM "Assessments" t WHERE lower(t."Id") = lower("AuditEntries"."EntityKey"))
WHERE "EntityType" = 'Assessment';
UPDATE "AuditEntries" SET "AssessmentId" = (SELECT "AssessmentId" FROM "IssueAnswers" t WHERE lower(t."Id") = lower("AuditEntries"."EntityKey"))
WHERE "EntityType" = 'IssueAnswer';
UPDATE "AuditEntries" SET "AssessmentId" = (SELECT "AssessmentId" FROM "ProfileAnswers" t WHERE lower(t."Id") = lower("AuditEntries"."EntityKey"))
WHERE "EntityType" = 'ProfileAnswer';
UPDATE "AuditEntries" SET "OrganizationId" = (SELECT "OrganizationId" FROM "Assessments" t WHERE t."Id" = "AuditEntries"."AssessmentId")
WHERE "AssessmentId" IS NOT NULL;
UPDATE "AuditEntries" SET "OrganizationId" = (SELECT "Id" FROM "Organizations" t WHERE lower(t."Id") = lower("AuditEntries"."EntityKey"))
WHERE "EntityType" = 'Organization';
UPDATE "AuditEntries" SET "OrganizationId" = (SELECT "OrganizationId" FROM "Memberships" t WHERE lower(t."Id") = lower("AuditEntries"."EntityKey"))
WHERE "EntityType" = 'Membership';
