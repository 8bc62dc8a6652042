-- 0028 The dashboard's stored histogram (ADR 0031) and an organisation's change of type or parent, made safe against a
-- save or a submission at the same moment. Before, a save locked its assessment and read the organisation in the same
-- statement (whose snapshot could predate a change of type it had waited for), and the organisation's trigger read its
-- assessments without locking them: an approval racing the change left that assessment counted under the old type.
-- Now the organisation's trigger locks every one of its assessments first, and a save locks its assessment and then
-- reads it and its organisation in the next statement, which sees what the change committed. (0025's tick triggers do
-- the same from the start.)
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
