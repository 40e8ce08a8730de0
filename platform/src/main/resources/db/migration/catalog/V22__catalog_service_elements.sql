-- Data elements, purposes and demand-list entries the service items of 一网通办 need: facts an applicant declares
-- once (premises area, rooms, the buyer of a house, ...) and the departments' grants for the items they handle.

INSERT INTO catalog_element (code, name_zh, name_en, subject_type, value_type, format_rule, max_length, code_table, sensitivity) VALUES
('entity.premises_area',       '经营场所面积(平方米)', 'Business premises area (m²)',      'LEGAL_ENTITY', 'DECIMAL', NULL, 12, NULL, 1),
('entity.employees',           '从业人员数',           'Number of employees',               'LEGAL_ENTITY', 'INTEGER', NULL, 6, NULL, 1),
('entity.hotel_rooms',         '客房数',               'Number of guest rooms',             'LEGAL_ENTITY', 'INTEGER', NULL, 5, NULL, 1),
('entity.hotel_beds',          '床位数',               'Number of beds',                    'LEGAL_ENTITY', 'INTEGER', NULL, 5, NULL, 1),
('entity.security_officer',    '治安保卫负责人',       'Security officer',                  'LEGAL_ENTITY', 'STRING', NULL, 50, NULL, 2),
('entity.food_safety_officer', '食品安全管理员',       'Food safety officer',               'LEGAL_ENTITY', 'STRING', NULL, 50, NULL, 2),
('entity.food_business_items', '食品经营项目',         'Food business items',               'LEGAL_ENTITY', 'STRING', NULL, 500, NULL, 1),
('entity.liquor_categories',   '经营酒类品种',         'Liquor categories sold',            'LEGAL_ENTITY', 'STRING', NULL, 200, NULL, 1),
('person.vehicle_plate',       '车辆号牌',             'Vehicle plate number',              'PERSON', 'STRING', '[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}', 8, NULL, 2),
('house.transfer_price',       '成交价格(万元)',       'Transfer price (10k CNY)',          'HOUSE', 'DECIMAL', NULL, 14, NULL, 3),
('house.buyer_name',           '受让人姓名',           'Buyer name',                        'HOUSE', 'STRING', NULL, 50, NULL, 3),
('house.buyer_citizen_id',     '受让人身份号码',       'Buyer citizen ID',                  'HOUSE', 'CITIZEN_ID', NULL, 18, NULL, 4);

INSERT INTO catalog_responsibility (element_code, department_code, legal_basis) VALUES
('entity.premises_area',       '310104-WJW',  '《公共场所卫生管理条例》'),
('entity.employees',           '310104-WJW',  '《公共场所卫生管理条例》第七条'),
('entity.hotel_rooms',         '310104-GA',   '《旅馆业治安管理办法》'),
('entity.hotel_beds',          '310104-GA',   '《旅馆业治安管理办法》'),
('entity.security_officer',    '310104-GA',   '《旅馆业治安管理办法》第五条'),
('entity.food_safety_officer', '310104-SCJG', '《中华人民共和国食品安全法》第四十四条'),
('entity.food_business_items', '310104-SCJG', '《食品经营许可和备案管理办法》'),
('entity.liquor_categories',   '310104-SW',   '《上海市酒类商品产销管理条例》'),
('person.vehicle_plate',       '310104-JT',   '《网络预约出租汽车经营服务管理暂行办法》'),
('house.transfer_price',       '310104-FG',   '《城市房地产转让管理规定》'),
('house.buyer_name',           '310104-FG',   '《不动产登记暂行条例》'),
('house.buyer_citizen_id',     '310104-FG',   '《不动产登记暂行条例》');

INSERT INTO catalog_purpose (code, name_zh, name_en) VALUES
('LIQUOR_LICENSE',        '酒类商品零售许可',   'Liquor retail licence'),
('SPECIAL_TRADE_LICENSE', '特种行业许可',       'Special trade licence'),
('HOUSE_TRANSFER',        '不动产转移登记',     'Transfer registration of real estate'),
('SERVICE_NOTIFICATION',  '办件通知',           'Notifying applicants about their applications');

-- what each department may receive for the items it handles (data minimisation: nothing else)
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT g.department_code, g.purpose_code, g.element_code, g.legal_basis, FALSE FROM (VALUES
  ('310104-WJW',  'HYGIENE_LICENSE', 'entity.premises_area',       '《公共场所卫生管理条例》第八条'),
  ('310104-WJW',  'HYGIENE_LICENSE', 'entity.employees',           '《公共场所卫生管理条例》第八条'),
  ('310104-WJW',  'HYGIENE_LICENSE', 'entity.hotel_rooms',         '《公共场所卫生管理条例》第八条'),
  ('310104-WJW',  'HYGIENE_LICENSE', 'entity.legal_rep_citizen_id', '《公共场所卫生管理条例》第八条'),
  ('310104-SCJG', 'FOOD_LICENSE',    'entity.premises_area',       '《食品经营许可和备案管理办法》'),
  ('310104-SCJG', 'FOOD_LICENSE',    'entity.employees',           '《食品经营许可和备案管理办法》'),
  ('310104-SCJG', 'FOOD_LICENSE',    'entity.food_safety_officer', '《食品经营许可和备案管理办法》'),
  ('310104-SCJG', 'FOOD_LICENSE',    'entity.food_business_items', '《食品经营许可和备案管理办法》'),
  ('310104-JT',   'RIDE_HAILING_CHECK', 'person.vehicle_plate',    '《网络预约出租汽车经营服务管理暂行办法》第十四条'),
  ('310104-JT',   'RIDE_HAILING_CHECK', 'person.phone',            '《网络预约出租汽车经营服务管理暂行办法》第十四条'),
  ('310104-SWJ',  'HOUSE_SALE_TAX',  'house.transfer_price',       '《中华人民共和国契税法》'),
  ('310104-SWJ',  'HOUSE_SALE_TAX',  'house.buyer_name',           '《中华人民共和国契税法》'),
  ('310104-SWJ',  'HOUSE_SALE_TAX',  'house.buyer_citizen_id',     '《中华人民共和国契税法》'),
  ('310104-SWJ',  'HOUSE_SALE_TAX',  'person.phone',               '《中华人民共和国税收征收管理法》')
) AS g (department_code, purpose_code, element_code, legal_basis);

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-GA', 'SPECIAL_TRADE_LICENSE', code, '《旅馆业治安管理办法》第四条', FALSE FROM catalog_element
 WHERE code IN ('entity.name', 'entity.credit_code', 'entity.address', 'entity.legal_rep_name',
                'entity.legal_rep_citizen_id', 'entity.phone', 'entity.premises_area', 'entity.hotel_rooms',
                'entity.hotel_beds', 'entity.security_officer');

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-SW', 'LIQUOR_LICENSE', code, '《上海市酒类商品产销管理条例》第十五条', FALSE FROM catalog_element
 WHERE code IN ('entity.name', 'entity.credit_code', 'entity.address', 'entity.legal_rep_name', 'entity.phone',
                'entity.premises_area', 'entity.liquor_categories');

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-FG', 'HOUSE_TRANSFER', code, '《不动产登记暂行条例》第十六条', code IN ('person.citizen_id', 'house.buyer_citizen_id')
  FROM catalog_element
 WHERE subject_type = 'HOUSE' OR code IN ('person.name', 'person.citizen_id', 'person.phone', 'person.marital_status');

-- the integrated window (综合受理) enters applications on behalf of persons and enterprises
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-ZWFW', 'WINDOW_SERVICE', code, '《上海市"一网通办"若干规定》第十二条', FALSE FROM catalog_element
 WHERE (subject_type IN ('LEGAL_ENTITY', 'HOUSE') AND code <> 'house.owner_citizen_id')
    OR code IN ('person.driver_license_class', 'person.driver_license_first_issue', 'person.vehicle_plate')
ON CONFLICT DO NOTHING;

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-ZWFW', 'SERVICE_NOTIFICATION', code, '《上海市"一网通办"若干规定》第十九条', TRUE FROM catalog_element
 WHERE code IN ('person.name', 'person.phone', 'entity.name', 'entity.phone');

-- the data center governs the new elements like every other
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310000-DSJ', 'DATA_GOVERNANCE', code, '《上海市数据条例》第二章 公共数据治理', FALSE FROM catalog_element
    ON CONFLICT DO NOTHING;

-- departments that issue a license to a person print the holder's name: they receive it in clear; the ride-hailing
-- check computes the driver's age from the birth date
UPDATE catalog_demand SET in_clear = TRUE
 WHERE (element_code = 'person.name' OR (element_code = 'person.birth_date' AND purpose_code = 'RIDE_HAILING_CHECK'))
   AND (department_code, purpose_code) IN (('310104-JT', 'RIDE_HAILING_CHECK'), ('310104-FG', 'HOUSE_TRANSFER'),
                                           ('310104-SWJ', 'HOUSE_SALE_TAX'));
