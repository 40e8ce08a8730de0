-- Every read and write names a purpose registered here (the base refuses any other code), the responsible
-- departments' own registers included. The resident's own look at their data is a purpose like any other.
INSERT INTO catalog_purpose (code, name_zh, name_en) VALUES
('SELF_SERVICE',      '本人查询',   'The data subject''s own use'),
('PERSON_REGISTRY',   '户籍管理',   'Household registration'),
('MARRIAGE_REGISTRY', '婚姻登记',   'Marriage registration'),
('HOUSE_REGISTRY',    '不动产登记', 'Real estate registration'),
('HEALTH_RECORD',     '健康档案',   'Health records')
ON CONFLICT (code) DO NOTHING;

-- Household registration records a contact phone: the police collect it under 户籍管理 (write rights per element
-- follow the responsibility and demand lists; the phone's authoritative source stays the service centre).
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-GA', 'PERSON_REGISTRY', code, '《中华人民共和国户口登记条例》', TRUE FROM catalog_element
 WHERE code = 'person.phone'
ON CONFLICT (department_code, purpose_code, element_code) DO NOTHING;
