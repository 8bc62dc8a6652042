-- 0028 The dashboard's stored histogram (ADR 0031) and an organisation's change of type or parent, made safe against a
-- save or a submission at the same moment. Before, a save locked its assessment and read the organisation in the same
-- statement (whose snapshot could predate a change of type it had waited for), and the organisation's trigger read its
-- assessments without locking them: an approval racing the change left that assessment counted under the old type.
-- Now the organisation's trigger locks every one of its assessments first, and a save locks its assessment and then
-- reads it and its organisation in the next statement, which sees what the change committed. 0025 to 0027 had landed
-- before the review that found this, so their fixes are here too, below: migrations that ran are never edited.
CREATE OR REPLACE FUNCTION pmqa_dash_row(self boolean, aid uuid, p smallint, pos smallint, c text, s numeric, n integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    other numeric;
BEGIN
    IF p NOT IN (0, 1) THEN RETURN; END IF;
    PERFORM 1 FROM "Assessments" WHERE "Id" = aid FOR NO KEY UPDATE;
    SELECT x."RoundId" AS r, pmqa_dash_scored(x."State") AS scored, x."VerifiedTotal" IS NOT NULL AS verified, o."Type" AS t,
           coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g
    INTO a FROM "Assessments" x JOIN "Organizations" o ON o."Id" = x."OrganizationId" WHERE x."Id" = aid;
    IF NOT FOUND THEN RETURN; END IF;
    IF self THEN
        IF a.scored THEN PERFORM pmqa_dash_bump(a.r, 0, p, c, a.t, a.g, s, n); END IF;
        IF a.verified AND p = 0 THEN
            SELECT v."Score" INTO other FROM "AssessmentVerifiedScores" v
            WHERE v."AssessmentId" = aid AND v."Part" = 0 AND v."Position" = pos AND v."Code" = c;
            IF FOUND THEN PERFORM pmqa_dash_bump(a.r, 2, 0, c, a.t, a.g, round(s, 2) - other, n); END IF;
        END IF;
    ELSIF a.verified THEN
        PERFORM pmqa_dash_bump(a.r, 1, p, c, a.t, a.g, s, n);
        IF p = 0 THEN
            SELECT k."Score" INTO other FROM "AssessmentCardScores" k
            WHERE k."AssessmentId" = aid AND k."Part" = 0 AND k."Position" = pos AND k."Code" = c;
            IF FOUND THEN PERFORM pmqa_dash_bump(a.r, 2, 0, c, a.t, a.g, round(other, 2) - s, n); END IF;
        END IF;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION pmqa_dash_organization() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    x record;
BEGIN
    PERFORM 1 FROM "Assessments" WHERE "OrganizationId" = NEW."Id" FOR NO KEY UPDATE;
    FOR x IN SELECT "Id", "RoundId", "State", "VerifiedTotal" FROM "Assessments" WHERE "OrganizationId" = NEW."Id" LOOP
        PERFORM pmqa_dash_apply(x."Id", x."RoundId", OLD."Type", coalesce(OLD."ParentId", '00000000-0000-0000-0000-000000000000'::uuid),
            pmqa_dash_scored(x."State"), x."VerifiedTotal" IS NOT NULL, -1);
        PERFORM pmqa_dash_apply(x."Id", x."RoundId", NEW."Type", coalesce(NEW."ParentId", '00000000-0000-0000-0000-000000000000'::uuid),
            pmqa_dash_scored(x."State"), x."VerifiedTotal" IS NOT NULL, 1);
    END LOOP;
    RETURN NULL;
END $$;

-- 0025's tick triggers, the same way: the assessment locked first, read with its organisation in the next statement;
-- an organisation's change of type locks its assessments before moving their ticks.
CREATE OR REPLACE FUNCTION pmqa_dash_card_ticks_of(aid uuid, before text, after text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    a record;
BEGIN
    PERFORM 1 FROM "Assessments" WHERE "Id" = aid FOR NO KEY UPDATE;
    SELECT x."RoundId" AS r, pmqa_dash_scored(x."State") AS scored, o."Type" AS t,
           coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g
    INTO a FROM "Assessments" x JOIN "Organizations" o ON o."Id" = x."OrganizationId" WHERE x."Id" = aid;
    IF FOUND AND a.scored THEN PERFORM pmqa_dash_ticks(a.r, a.t, a.g, before, after, 1); END IF;
END $$;

CREATE OR REPLACE FUNCTION pmqa_dash_organization_ticks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    x record;
BEGIN
    PERFORM 1 FROM "Assessments" WHERE "OrganizationId" = NEW."Id" FOR NO KEY UPDATE;
    FOR x IN SELECT a."RoundId" AS r, k."Ticks" AS ticks FROM "Assessments" a JOIN "AssessmentScoreCards" k ON k."AssessmentId" = a."Id"
             WHERE a."OrganizationId" = NEW."Id" AND pmqa_dash_scored(a."State") AND k."Ticks" <> '' LOOP
        PERFORM pmqa_dash_ticks(x.r, OLD."Type", coalesce(OLD."ParentId", '00000000-0000-0000-0000-000000000000'::uuid), x.ticks, '', 1);
        PERFORM pmqa_dash_ticks(x.r, NEW."Type", coalesce(NEW."ParentId", '00000000-0000-0000-0000-000000000000'::uuid), '', x.ticks, 1);
    END LOOP;
    RETURN NULL;
END $$;

-- 0026's withholding moved from one round to another (an update): both rounds' years are stale, not only the new one's.
CREATE FUNCTION pmqa_open_data_withheld_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pmqa_open_data_bump(ARRAY(SELECT DISTINCT p."FiscalYear" FROM "PublishedResults" p
        WHERE p."RoundId" IN (SELECT "RoundId" FROM new_rows UNION SELECT "RoundId" FROM old_rows)));
    RETURN NULL;
END $$;
DROP TRIGGER open_data_withheld_update ON "ResultWithholdings";
CREATE TRIGGER open_data_withheld_update AFTER UPDATE ON "ResultWithholdings"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pmqa_open_data_withheld_changed();

-- 0027's round report prints: one job queued or running per round (a second request answers the running job). Two
-- requests that raced before this index leave the older job failed, with the text the page shows for a failure.
UPDATE "RoundReportPrints" SET "State" = 'failed', "LeaseOwner" = NULL, "LeaseUntil" = NULL,
    "Failure" = E'พิมพ์รายงานไม่สำเร็จ กรุณาสั่งพิมพ์ใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ\nThe reports could not be printed. Please start the printing again; if it fails again, tell the system administrator.'
WHERE "State" IN ('queued', 'running') AND "Id" NOT IN (
    SELECT DISTINCT ON ("RoundId") "Id" FROM "RoundReportPrints" WHERE "State" IN ('queued', 'running') ORDER BY "RoundId", "RequestedAt" DESC);
CREATE UNIQUE INDEX "IX_RoundReportPrints_RoundId_Active" ON "RoundReportPrints" ("RoundId") WHERE "State" IN ('queued', 'running');
