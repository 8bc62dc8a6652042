-- 0025 the national dashboard's most-missed checklist items as counters (ADR 0035): per round, organisation type and
-- ministry or province cluster (the dashboard's filters) and checklist item (its place in the card's tick string,
-- from 0): how many submitted organisations ticked it. An item's missed count is the group's submitted count (which
-- the request loads anyway) less the sum of its counters, so a national request reads a few thousand counters
-- instead of every submitted organisation's tick string. Triggers keep them in the transaction of every change that
-- moves a tick in or out: a card's ticks written, changed or deleted; an assessment submitted, returned or deleted;
-- an organisation's type or parent changed. Increments are atomic (INSERT … ON CONFLICT DO UPDATE), in the order of
-- the items, so concurrent changes in one group wait for each other instead of deadlocking.
CREATE TABLE "DashboardTickCounts" (
    "RoundId" uuid NOT NULL,
    "OrganizationType" character varying(32) NOT NULL,
    "ParentId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Count" integer NOT NULL,
    CONSTRAINT "PK_DashboardTickCounts" PRIMARY KEY ("RoundId", "OrganizationType", "ParentId", "Position")
);

-- Add n times the difference between two tick strings: +n where only "after" ticks an item, -n where only "before"
-- does. ('', ticks) adds a card's ticks, (ticks, '') takes them out.
CREATE FUNCTION pmqa_dash_ticks(r uuid, t text, g uuid, before text, after text, n integer) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO "DashboardTickCounts"
    SELECT r, t, g, d.i - 1, d.delta * n FROM (
        SELECT i, (substr(after, i, 1) = '1')::int - (substr(before, i, 1) = '1')::int AS delta
        FROM generate_series(1, greatest(length(before), length(after))) AS i) d
    WHERE d.delta <> 0
    ORDER BY d.i
    ON CONFLICT ("RoundId", "OrganizationType", "ParentId", "Position")
    DO UPDATE SET "Count" = "DashboardTickCounts"."Count" + EXCLUDED."Count";
$$;

-- A card's ticks changed from "before" to "after" ('' for none). The assessment's row is locked (FOR NO KEY UPDATE)
-- so that changes of its ticks and of its state apply one after the other; a card deleted with its assessment
-- (cascade) finds none and does nothing: the assessment's BEFORE DELETE trigger took its ticks out already.
CREATE FUNCTION pmqa_dash_card_ticks_of(aid uuid, before text, after text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    a record;
BEGIN
    SELECT x."RoundId" AS r, pmqa_dash_scored(x."State") AS scored, o."Type" AS t,
           coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g
    INTO a FROM "Assessments" x JOIN "Organizations" o ON o."Id" = x."OrganizationId" WHERE x."Id" = aid FOR NO KEY UPDATE OF x;
    IF FOUND AND a.scored THEN PERFORM pmqa_dash_ticks(a.r, a.t, a.g, before, after, 1); END IF;
END $$;

CREATE FUNCTION pmqa_dash_card_ticks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD."AssessmentId" = NEW."AssessmentId" THEN
        PERFORM pmqa_dash_card_ticks_of(NEW."AssessmentId", OLD."Ticks", NEW."Ticks");
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN PERFORM pmqa_dash_card_ticks_of(OLD."AssessmentId", OLD."Ticks", ''); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pmqa_dash_card_ticks_of(NEW."AssessmentId", '', NEW."Ticks"); END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER pmqa_dash_ticks_insert AFTER INSERT ON "AssessmentScoreCards" FOR EACH ROW WHEN (NEW."Ticks" <> '') EXECUTE FUNCTION pmqa_dash_card_ticks();
CREATE TRIGGER pmqa_dash_ticks_delete AFTER DELETE ON "AssessmentScoreCards" FOR EACH ROW WHEN (OLD."Ticks" <> '') EXECUTE FUNCTION pmqa_dash_card_ticks();
CREATE TRIGGER pmqa_dash_ticks_update AFTER UPDATE ON "AssessmentScoreCards" FOR EACH ROW
    WHEN (OLD."Ticks" IS DISTINCT FROM NEW."Ticks" OR OLD."AssessmentId" IS DISTINCT FROM NEW."AssessmentId")
    EXECUTE FUNCTION pmqa_dash_card_ticks();

-- An assessment that enters or leaves the submitted (or moves round or organisation): its card's ticks under the old
-- membership out, under the new one in.
CREATE FUNCTION pmqa_dash_assessment_ticks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    o record;
    ticks text;
BEGIN
    SELECT k."Ticks" INTO ticks FROM "AssessmentScoreCards" k WHERE k."AssessmentId" = OLD."Id";
    IF coalesce(ticks, '') = '' THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END; END IF;
    IF pmqa_dash_scored(OLD."State") THEN
        SELECT "Type" AS t, coalesce("ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g INTO o FROM "Organizations" WHERE "Id" = OLD."OrganizationId";
        PERFORM pmqa_dash_ticks(OLD."RoundId", o.t, o.g, ticks, '', 1);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF pmqa_dash_scored(NEW."State") THEN
        SELECT "Type" AS t, coalesce("ParentId", '00000000-0000-0000-0000-000000000000'::uuid) AS g INTO o FROM "Organizations" WHERE "Id" = NEW."OrganizationId";
        PERFORM pmqa_dash_ticks(NEW."RoundId", o.t, o.g, '', ticks, 1);
    END IF;
    RETURN NULL;
END $$;

-- BEFORE DELETE: the cascade deletes the card after the assessment row, when it can no longer be found.
CREATE TRIGGER pmqa_dash_ticks_assessment_delete BEFORE DELETE ON "Assessments" FOR EACH ROW EXECUTE FUNCTION pmqa_dash_assessment_ticks();
CREATE TRIGGER pmqa_dash_ticks_assessment_update AFTER UPDATE ON "Assessments" FOR EACH ROW
    WHEN (pmqa_dash_scored(OLD."State") IS DISTINCT FROM pmqa_dash_scored(NEW."State")
       OR OLD."RoundId" IS DISTINCT FROM NEW."RoundId" OR OLD."OrganizationId" IS DISTINCT FROM NEW."OrganizationId")
    EXECUTE FUNCTION pmqa_dash_assessment_ticks();

-- An organisation whose type or parent changes moves the ticks of each of its submitted assessments.
CREATE FUNCTION pmqa_dash_organization_ticks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    x record;
BEGIN
    FOR x IN SELECT a."RoundId" AS r, k."Ticks" AS ticks FROM "Assessments" a JOIN "AssessmentScoreCards" k ON k."AssessmentId" = a."Id"
             WHERE a."OrganizationId" = NEW."Id" AND pmqa_dash_scored(a."State") AND k."Ticks" <> '' LOOP
        PERFORM pmqa_dash_ticks(x.r, OLD."Type", coalesce(OLD."ParentId", '00000000-0000-0000-0000-000000000000'::uuid), x.ticks, '', 1);
        PERFORM pmqa_dash_ticks(x.r, NEW."Type", coalesce(NEW."ParentId", '00000000-0000-0000-0000-000000000000'::uuid), '', x.ticks, 1);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER pmqa_dash_ticks_organization_update AFTER UPDATE ON "Organizations" FOR EACH ROW
    WHEN (OLD."Type" IS DISTINCT FROM NEW."Type" OR OLD."ParentId" IS DISTINCT FROM NEW."ParentId")
    EXECUTE FUNCTION pmqa_dash_organization_ticks();

-- Backfill once from what is stored now.
INSERT INTO "DashboardTickCounts"
SELECT a."RoundId", o."Type", coalesce(o."ParentId", '00000000-0000-0000-0000-000000000000'::uuid), i - 1, count(*)::int
FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId"
JOIN "AssessmentScoreCards" k ON k."AssessmentId" = a."Id"
CROSS JOIN LATERAL generate_series(1, length(k."Ticks")) AS i
WHERE pmqa_dash_scored(a."State") AND substr(k."Ticks", i, 1) = '1'
GROUP BY 1, 2, 3, 4;
