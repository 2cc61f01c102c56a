-- Search by ID number or mobile number at a million requests (npm run bench, phase server-scale; tests/server/plans.test.ts).
-- Digit trigrams are in nearly every row (only 1,000 exist), so the trigram index read 900-1,750 buffers to find 1-2 rows.
-- Six-digit grams of every run of six or more digits in the search text are rare (a million of them exist): a needle with
-- such a run (sql.ts digitGrams) finds its candidates by them, and the search's own LIKE keeps the contract's substring
-- match (docs/api.md §6.1: any substring of one field). A needle without six digits in a row uses the trigram index.
CREATE FUNCTION search_digit_grams(search_text text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, 6)), '{}')
    FROM regexp_matches(search_text, '[0-9]{6,}', 'g') AS run, generate_series(1, length(run[1]) - 5) AS i
$$;
CREATE INDEX requests_search_digits ON requests USING gin (search_digit_grams(search_text));
