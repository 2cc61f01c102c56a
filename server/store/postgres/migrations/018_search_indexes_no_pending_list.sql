-- Search at a million after the day's work (npm run bench, phase server-scale, 2026-12-07). A GIN index keeps new entries
-- in an unsorted pending list (fastupdate) until a VACUUM or 4 MB of them, and every search reads that list whole: after
-- 3,150 updated requests (three bench runs' operators; no autovacuum yet at a million rows) the search by ID number read
-- 281 buffers in 9.9 ms instead of 95 in under 1 ms, and the server's 1,000,000 vs 1,000 ratio went from 1.1 to 2.7.
-- Without the list each write puts its entries in place (a little slower, once per decision); searches stay as fast.
-- Kept by the bench's seed (pg_indexes' definitions carry it).
ALTER INDEX requests_search_digits SET (fastupdate = off);
ALTER INDEX requests_search_pairs SET (fastupdate = off);
-- The audit's request-id search takes an entry on every action, the same way.
ALTER INDEX audit_request_search SET (fastupdate = off);
