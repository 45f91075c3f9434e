-- 0004: results found by mutation id. A desk that enrolls again as a new
-- device (a copied file, a restored backup) resends its unsent changes
-- under new sequence numbers; some were already applied under the old
-- identity. The push answers those from their stored result instead of
-- applying them a second time (an old edit would overwrite later ones).
CREATE INDEX mutation_result_mutation ON mutation_result (mutation_id);
