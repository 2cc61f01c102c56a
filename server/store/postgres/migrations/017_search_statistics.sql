-- The planner's estimate of a name search (tests/server/plans.test.ts; npm run bench, phase server-scale). With the default
-- 100-entry histogram of the trigram index's expression, one sampled row holding the name made the planner expect 1% of the
-- table (10,100 rows for the 77 named 罗超x at a million), and it then ANDed the search with a bitmap of all 460,000 open
-- verifications: 3,047 buffers and 1.6 s on the embedded database. A 1,000-entry histogram estimated 100 rows there, and
-- the plan read the search index alone (293 buffers, 73 ms). Takes effect at the next ANALYZE (the seed runs one).
ALTER INDEX requests_search_pairs ALTER COLUMN 1 SET STATISTICS 1000;
