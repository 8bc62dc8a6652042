-- Closing a round's verification publishes its verified results (issue 11, ADR 0024).
ALTER TABLE "Rounds" ADD COLUMN "VerificationClosedAt" INTEGER NULL;
