-- 测算 (what-if) batches are audited as such: kind 'whatif', with the overrides applied as JSON
-- ([{"parameter": id, "value": v, "from"?: date}]: parameter ids and values only, nothing from the rows).
ALTER TABLE batch_audit ADD COLUMN kind TEXT NOT NULL DEFAULT 'batch' CHECK (kind IN ('batch', 'whatif'));
ALTER TABLE batch_audit ADD COLUMN overrides TEXT;
