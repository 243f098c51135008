-- Issue 11: an activity names the metrics asked for it (empty = its category's), and a metric has aliases, the
-- words people type for it ("tham gia 1200, quà 50, máu 45" fills three metrics in one message).
ALTER TABLE activities ADD COLUMN metric_codes text[] NOT NULL DEFAULT '{}';
ALTER TABLE activities ALTER COLUMN metric_codes DROP DEFAULT;
ALTER TABLE metrics ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
ALTER TABLE metrics ALTER COLUMN aliases DROP DEFAULT;
-- Plans imported before this get the catalog's aliases for the catalog's metrics.
UPDATE metrics SET aliases = ARRAY['tham gia', 'người tham gia', 'đoàn viên tham gia'] WHERE code = 'participants';
UPDATE metrics SET aliases = ARRAY['quà', 'suất quà'] WHERE code = 'gifts';
UPDATE metrics SET aliases = ARRAY['trị giá', 'tiền quà', 'giá trị quà'] WHERE code = 'gift_value';
UPDATE metrics SET aliases = ARRAY['công trình', 'phần việc'] WHERE code = 'youth_works';
UPDATE metrics SET aliases = ARRAY['giá trị công trình', 'trị giá công trình'] WHERE code = 'youth_works_value';
UPDATE metrics SET aliases = ARRAY['khám', 'khám bệnh', 'phát thuốc'] WHERE code = 'medical_people';
UPDATE metrics SET aliases = ARRAY['giá trị khám', 'tiền thuốc'] WHERE code = 'medical_value';
UPDATE metrics SET aliases = ARRAY['máu', 'đơn vị máu', 'hiến máu'] WHERE code = 'blood_units';
UPDATE metrics SET aliases = ARRAY['cây', 'trồng cây'] WHERE code = 'trees';
UPDATE metrics SET aliases = ARRAY['kết nạp đoàn', 'đoàn viên mới'] WHERE code = 'new_members';
UPDATE metrics SET aliases = ARRAY['giới thiệu', 'giới thiệu đảng', 'đoàn viên ưu tú'] WHERE code = 'party_referrals';
UPDATE metrics SET aliases = ARRAY['kết nạp đảng', 'đảng viên mới'] WHERE code = 'party_admissions';
UPDATE metrics SET aliases = ARRAY['vận động', 'kinh phí'] WHERE code = 'funds_raised';
