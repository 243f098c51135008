-- Issue 11: a metric's cap, the largest value one report plausibly gives ("máu" 2.000 đơn vị, "cây" 100.000); a
-- larger value is confirmed with the person, never refused or clamped. Null = the default (1.000.000; 10 tỷ đồng).
ALTER TABLE metrics ADD COLUMN max_value numeric(20,2);
-- Plans imported before this get the catalog's caps for the catalog's metrics.
UPDATE metrics SET max_value = 100000 WHERE code = 'participants';
UPDATE metrics SET max_value = 10000 WHERE code = 'gifts';
UPDATE metrics SET max_value = 5000000000 WHERE code = 'gift_value';
UPDATE metrics SET max_value = 1000 WHERE code = 'youth_works';
UPDATE metrics SET max_value = 10000000000 WHERE code = 'youth_works_value';
UPDATE metrics SET max_value = 20000 WHERE code = 'medical_people';
UPDATE metrics SET max_value = 2000000000 WHERE code = 'medical_value';
UPDATE metrics SET max_value = 5000 WHERE code = 'blood_units';
UPDATE metrics SET max_value = 100000 WHERE code = 'trees';
UPDATE metrics SET max_value = 5000 WHERE code = 'new_members';
UPDATE metrics SET max_value = 1000 WHERE code = 'party_referrals';
UPDATE metrics SET max_value = 500 WHERE code = 'party_admissions';
UPDATE metrics SET max_value = 10000000000 WHERE code = 'funds_raised';
