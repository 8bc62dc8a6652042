-- 0028 PostgreSQL's dashboard triggers lock differently (see the PostgreSQL script); SQLite has no such triggers and one writer at a time.
SELECT 1;
