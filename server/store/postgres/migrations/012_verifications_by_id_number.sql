-- A new verification looks up the others with its ID number (duplicates, docs/api.md §6.1 `duplicateIds`).
CREATE INDEX requests_verification_id_number ON requests (upper(record->>'idNumber')) WHERE kind = 'verification';
