-- 0024 the national dashboard's statistics as a histogram (ADR 0031): per round, organisation type, ministry or
-- province cluster (the dashboard's filters), basis (0 self-assessed, 1 verified, 2 calibration gap), part
-- (0 category, 1 dimension), code and score: how many organisations have that score. Quartiles are exact from it (a
-- cumulative walk over the distinct scores), so a national request reads a few hundred rows instead of every
-- organisation's scores. Triggers keep it in the transaction of every change that moves an organisation in or out
-- of a bucket: a typed card or verified score written, deleted or changed; an assessment submitted, returned,
-- verified or deleted; an organisation's type or parent changed. Increments are atomic (INSERT … ON CONFLICT DO
-- UPDATE SET "Count" = "Count" + n), so concurrent saves in different organisations never lose a count.
CREATE TABLE "DashboardScoreCounts" (
    "RoundId" uuid NOT NULL,
    "Basis" smallint NOT NULL,
    "Part" smallint NOT NULL,
    "Code" character varying(16) NOT NULL,
    "OrganizationType" character varying(32) NOT NULL,
    "ParentId" uuid NOT NULL,
    "Score" numeric NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_DashboardScoreCounts" PRIMARY KEY ("RoundId", "Basis", "Part", "Code", "OrganizationType", "ParentId", "Score")
);

-- Add n to one bucket.
CREATE FUNCTION pmqa_dash_bump(r uuid, b integer, p integer, c text, t text, g uuid, s numeric, n integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "DashboardScoreCounts" VALUES (r, b::smallint, p::smallint, c, t, g, s, n)
    ON CONFLICT ("RoundId", "Basis", "Part", "Code", "OrganizationType", "ParentId", "Score")
    DO UPDATE SET "Count" = "DashboardScoreCounts"."Count" + EXCLUDED."Count";
$$;

-- Add n times everything one assessment contributes, for the given membership: its card's category and dimension
-- scores when it counts as submitted (self), its verified ones and its calibration gaps when it is verified. An
-- assessment's (part, code) pairs are distinct, so no statement touches a bucket twice.
CREATE FUNCTION pmqa_dash_apply(aid uuid, r uuid, t text, g uuid, self boolean, verified boolean, n integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "DashboardScoreCounts"
    SELECT r, 0::smallint, s."Part", s."Code", t, g, s."Score", n FROM "AssessmentCardScores" s
    WHERE self AND s."AssessmentId" = aid AND s."Part" IN (0, 1)
    ON CONFLICT ("RoundId", "Basis", "Part", "Code", "OrganizationType", "ParentId", "Score")
    DO UPDATE SET "Count" = "DashboardScoreCounts"."Count" + EXCLUDED."Count";
    INSERT INTO "DashboardScoreCounts"
    SELECT r, 1::smallint, v."Part", v."Code", t, g, v."Score", n FROM "AssessmentVerifiedScores" v
    WHERE verified AND v."AssessmentId" = aid AND v."Part" IN (0, 1)
    ON CONFLICT ("RoundId", "Basis", "Part", "Code", "OrganizationType", "ParentId", "Score")
    DO UPDATE SET "Count" = "DashboardScoreCounts"."Count" + EXCLUDED."Count";
    INSERT INTO "DashboardScoreCounts"
    SELECT r, 2::smallint, 0::smallint, v."Code", t, g, round(s."Score", 2) - v."Score", n FROM "AssessmentVerifiedScores" v
    JOIN "AssessmentCardScores" s ON s."AssessmentId" = v."AssessmentId" AND s."Part" = 0 AND s."Position" = v."Position" AND s."Code" = v."Code"
    WHERE verified AND v."AssessmentId" = aid AND v."Part" = 0
    ON CONFLICT ("RoundId", "Basis", "Part", "Code", "OrganizationType", "ParentId", "Score")
    DO UPDATE SET "Count" = "DashboardScoreCounts"."Count" + EXCLUDED."Count";
$$;

-- Self-assessed figures count an assessment once its executive approved it (RoundFacts' AssessmentFact.Scored).
CREATE FUNCTION pmqa_dash_scored(state text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT state NOT IN ('Draft', 'AwaitingApproval');
$$;

-- One typed score row of a card (self = true) or of a verified score (self = false) added (n = 1) or removed (-1).
-- The assessment's row is locked (FOR NO KEY UPDATE) so that changes of its scores and of its state are applied one
-- after the other; a row deleted with its assessment (cascade) finds none and does nothing: the assessment's own
-- BEFORE DELETE trigger took everything out already.
CREATE FUNCTION pmqa_dash_row(self boolean, aid uuid, p smallint, pos smallint, c text, s numeric, n integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    a record;
    other numeric;
BEGIN
    IF p NOT IN (0, 1) THEN RETURN; END IF;
    SELECT x."RoundId" AS r, pmqa_dash_scored(x."State") AS scored, x."VerifiedTotal" IS NOT NULL AS verified, o."Type" AS t,
           coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g
    INTO a FROM "Assessments" x JOIN "Organizations" o ON o."Id" = x."OrganizationId" WHERE x."Id" = aid FOR NO KEY UPDATE OF x;
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

CREATE FUNCTION pmqa_dash_score_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    self boolean := TG_TABLE_NAME = 'AssessmentCardScores';
BEGIN
    IF TG_OP <> 'INSERT' THEN PERFORM pmqa_dash_row(self, OLD."AssessmentId", OLD."Part", OLD."Position", OLD."Code", OLD."Score", -1); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pmqa_dash_row(self, NEW."AssessmentId", NEW."Part", NEW."Position", NEW."Code", NEW."Score", 1); END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER pmqa_dash_card_insert AFTER INSERT ON "AssessmentCardScores" FOR EACH ROW WHEN (NEW."Part" IN (0, 1)) EXECUTE FUNCTION pmqa_dash_score_row();
CREATE TRIGGER pmqa_dash_card_delete AFTER DELETE ON "AssessmentCardScores" FOR EACH ROW WHEN (OLD."Part" IN (0, 1)) EXECUTE FUNCTION pmqa_dash_score_row();
CREATE TRIGGER pmqa_dash_card_update AFTER UPDATE ON "AssessmentCardScores" FOR EACH ROW
    WHEN ((OLD."Part" IN (0, 1) OR NEW."Part" IN (0, 1)) AND (OLD.* IS DISTINCT FROM NEW.*)) EXECUTE FUNCTION pmqa_dash_score_row();
CREATE TRIGGER pmqa_dash_verified_insert AFTER INSERT ON "AssessmentVerifiedScores" FOR EACH ROW WHEN (NEW."Part" IN (0, 1)) EXECUTE FUNCTION pmqa_dash_score_row();
CREATE TRIGGER pmqa_dash_verified_delete AFTER DELETE ON "AssessmentVerifiedScores" FOR EACH ROW WHEN (OLD."Part" IN (0, 1)) EXECUTE FUNCTION pmqa_dash_score_row();
CREATE TRIGGER pmqa_dash_verified_update AFTER UPDATE ON "AssessmentVerifiedScores" FOR EACH ROW
    WHEN ((OLD."Part" IN (0, 1) OR NEW."Part" IN (0, 1)) AND (OLD.* IS DISTINCT FROM NEW.*)) EXECUTE FUNCTION pmqa_dash_score_row();

-- An assessment that enters or leaves the submitted or the verified (or moves round or organisation): everything it
-- contributed under the old membership out, everything under the new one in.
CREATE FUNCTION pmqa_dash_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    o record;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT "Type" AS t, coalesce("ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g INTO o FROM "Organizations" WHERE "Id" = OLD."OrganizationId";
        PERFORM pmqa_dash_apply(OLD."Id", OLD."RoundId", o.t, o.g, pmqa_dash_scored(OLD."State"), OLD."VerifiedTotal" IS NOT NULL, -1);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    SELECT "Type" AS t, coalesce("ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g INTO o FROM "Organizations" WHERE "Id" = NEW."OrganizationId";
    PERFORM pmqa_dash_apply(NEW."Id", NEW."RoundId", o.t, o.g, pmqa_dash_scored(NEW."State"), NEW."VerifiedTotal" IS NOT NULL, 1);
    RETURN NULL;
END $$;

-- BEFORE DELETE: the cascade deletes the typed scores after the assessment row, when they can no longer be found.
CREATE TRIGGER pmqa_dash_assessment_delete BEFORE DELETE ON "Assessments" FOR EACH ROW EXECUTE FUNCTION pmqa_dash_assessment();
CREATE TRIGGER pmqa_dash_assessment_update AFTER UPDATE ON "Assessments" FOR EACH ROW
    WHEN (pmqa_dash_scored(OLD."State") IS DISTINCT FROM pmqa_dash_scored(NEW."State")
       OR (OLD."VerifiedTotal" IS NULL) IS DISTINCT FROM (NEW."VerifiedTotal" IS NULL)
       OR OLD."RoundId" IS DISTINCT FROM NEW."RoundId" OR OLD."OrganizationId" IS DISTINCT FROM NEW."OrganizationId")
    EXECUTE FUNCTION pmqa_dash_assessment();

-- An organisation whose type or parent changes moves each of its assessments to the other buckets.
CREATE FUNCTION pmqa_dash_organization() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    x record;
BEGIN
    FOR x IN SELECT "Id", "RoundId", "State", "VerifiedTotal" FROM "Assessments" WHERE "OrganizationId" = NEW."Id" LOOP
        PERFORM pmqa_dash_apply(x."Id", x."RoundId", OLD."Type", coalesce(OLD."ParentId", '00000000-0000-0000-0000-000000000000'::uuid),
            pmqa_dash_scored(x."State"), x."VerifiedTotal" IS NOT NULL, -1);
        PERFORM pmqa_dash_apply(x."Id", x."RoundId", NEW."Type", coalesce(NEW."ParentId", '00000000-0000-0000-0000-000000000000'::uuid),
            pmqa_dash_scored(x."State"), x."VerifiedTotal" IS NOT NULL, 1);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER pmqa_dash_organization_update AFTER UPDATE ON "Organizations" FOR EACH ROW
    WHEN (OLD."Type" IS DISTINCT FROM NEW."Type" OR OLD."ParentId" IS DISTINCT FROM NEW."ParentId")
    EXECUTE FUNCTION pmqa_dash_organization();

-- Backfill once from what is stored now.
INSERT INTO "DashboardScoreCounts"
SELECT k.r, k.b, k.p, k.c, k.t, k.g, k.s, count(*)::int FROM (
    SELECT a."RoundId" AS r, 0::smallint AS b, s."Part" AS p, s."Code" AS c, o."Type" AS t,
           coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g, s."Score" AS s
    FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId"
    JOIN "AssessmentCardScores" s ON s."AssessmentId" = a."Id" AND s."Part" IN (0, 1)
    WHERE pmqa_dash_scored(a."State")
    UNION ALL
    SELECT a."RoundId", 1::smallint, v."Part", v."Code", o."Type", coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid), v."Score"
    FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId"
    JOIN "AssessmentVerifiedScores" v ON v."AssessmentId" = a."Id" AND v."Part" IN (0, 1)
    WHERE a."VerifiedTotal" IS NOT NULL
    UNION ALL
    SELECT a."RoundId", 2::smallint, 0::smallint, v."Code", o."Type", coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid),
           round(s."Score", 2) - v."Score"
    FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId"
    JOIN "AssessmentVerifiedScores" v ON v."AssessmentId" = a."Id" AND v."Part" = 0
    JOIN "AssessmentCardScores" s ON s."AssessmentId" = v."AssessmentId" AND s."Part" = 0 AND s."Position" = v."Position" AND s."Code" = v."Code"
    WHERE a."VerifiedTotal" IS NOT NULL) k
GROUP BY k.r, k.b, k.p, k.c, k.t, k.g, k.s;
