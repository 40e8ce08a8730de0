-- What the departments' real forms ask beyond the demo's first catalog: the business premises (经营场所, a fact of
-- its own beside the registered address 住所), the food business format (主体业态), staff holding health
-- certificates, the security officer's ID number, the ride-hailing platform a driver will serve; and the statement of
-- a change (变更事项 / 变更前 / 变更后) that a change item's part carries to the department.

INSERT INTO catalog_code_table (code, name_zh, name_en, standard) VALUES
('food_business_format',  '食品经营主体业态', 'Food business format',      '《食品经营许可和备案管理办法》'),
('ride_hailing_platform', '网约车服务平台',   'Ride-hailing platform',     NULL);

INSERT INTO catalog_code (table_code, code, label_zh, label_en, sort_order) VALUES
('food_business_format',  '1', '食品销售经营者', 'Food retailer',            1),
('food_business_format',  '2', '餐饮服务经营者', 'Catering service',         2),
('food_business_format',  '3', '单位食堂',       'Canteen',                  3),
('ride_hailing_platform', '01', '滴滴出行',      'DiDi',                     1),
('ride_hailing_platform', '02', '高德打车',      'Amap',                     2),
('ride_hailing_platform', '03', 'T3出行',        'T3',                       3),
('ride_hailing_platform', '04', '享道出行',      'Xiangdao',                 4),
('ride_hailing_platform', '05', '曹操出行',      'Caocao',                   5),
('ride_hailing_platform', '06', '申程出行',      'Shencheng',                6),
('ride_hailing_platform', '99', '其他平台',      'Other platform',           99);

INSERT INTO catalog_element (code, name_zh, name_en, subject_type, value_type, format_rule, max_length, code_table, sensitivity) VALUES
('entity.business_premises',            '经营场所',               'Business premises',                 'LEGAL_ENTITY', 'STRING', NULL, 200, NULL, 1),
('entity.food_business_format',         '主体业态',               'Food business format',              'LEGAL_ENTITY', 'CODE', NULL, 1, 'food_business_format', 1),
('entity.health_certified_staff',       '持健康证明人数',         'Staff holding health certificates', 'LEGAL_ENTITY', 'INTEGER', NULL, 6, NULL, 1),
('entity.security_officer_citizen_id',  '治安保卫负责人身份号码', 'Security officer citizen ID',       'LEGAL_ENTITY', 'CITIZEN_ID', NULL, 18, NULL, 4),
('entity.change_items',                 '变更事项',               'What changes',                      'LEGAL_ENTITY', 'STRING', NULL, 500, NULL, 1),
('entity.change_before',                '变更前内容',             'Before the change',                 'LEGAL_ENTITY', 'STRING', NULL, 4000, NULL, 2),
('entity.change_after',                 '变更后内容',             'After the change',                  'LEGAL_ENTITY', 'STRING', NULL, 4000, NULL, 2),
('person.ride_hailing_platform',        '服务平台',               'Ride-hailing platform served',      'PERSON', 'CODE', NULL, 2, 'ride_hailing_platform', 1);

-- 责任清单. The change statement (entity.change_*) is what one application says, never a fact of the base: no
-- department is responsible for it and nobody writes it.
INSERT INTO catalog_responsibility (element_code, department_code, legal_basis) VALUES
('entity.business_premises',           '310104-SCJG', '《中华人民共和国市场主体登记管理条例》第八条'),
('entity.food_business_format',        '310104-SCJG', '《食品经营许可和备案管理办法》第十一条'),
('entity.health_certified_staff',      '310104-WJW',  '《公共场所卫生管理条例》第七条'),
('entity.security_officer_citizen_id', '310104-GA',   '《旅馆业治安管理办法》第五条'),
('person.ride_hailing_platform',       '310104-JT',   '《网络预约出租汽车经营服务管理暂行办法》第十四条');

-- 需求清单: each department receives what its own form asks, under the purpose of its item
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT g.department_code, g.purpose_code, g.element_code, g.legal_basis, FALSE FROM (VALUES
  ('310104-SW',   'LIQUOR_LICENSE',        'entity.business_premises',           '《上海市酒类商品产销管理条例》第十五条'),
  ('310104-SW',   'LIQUOR_LICENSE',        'entity.legal_rep_citizen_id',        '《上海市酒类商品产销管理条例》第十五条'),
  ('310104-WJW',  'HYGIENE_LICENSE',       'entity.business_premises',           '《公共场所卫生管理条例》第八条'),
  ('310104-WJW',  'HYGIENE_LICENSE',       'entity.health_certified_staff',      '《公共场所卫生管理条例》第七条'),
  ('310104-GA',   'SPECIAL_TRADE_LICENSE', 'entity.business_premises',           '《旅馆业治安管理办法》第四条'),
  ('310104-GA',   'SPECIAL_TRADE_LICENSE', 'entity.security_officer_citizen_id', '《旅馆业治安管理办法》第五条'),
  ('310104-JT',   'RIDE_HAILING_CHECK',    'person.ride_hailing_platform',       '《网络预约出租汽车经营服务管理暂行办法》第十四条')
) AS g (department_code, purpose_code, element_code, legal_basis)
ON CONFLICT DO NOTHING;

-- every department whose item changes a value receives the statement of the change with its part
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT g.department_code, g.purpose_code, e.code, g.legal_basis, FALSE
  FROM catalog_element e CROSS JOIN (VALUES
       ('310104-SW',   'LIQUOR_LICENSE',        '《上海市酒类商品产销管理条例》第十九条'),
       ('310104-WJW',  'HYGIENE_LICENSE',       '《公共场所卫生管理条例实施细则》第二十二条'),
       ('310104-GA',   'SPECIAL_TRADE_LICENSE', '《旅馆业治安管理办法》第四条'),
       ('310104-SCJG', 'FOOD_LICENSE',          '《食品经营许可和备案管理办法》第二十七条'),
       ('310104-SCJG', 'MARKET_SUPERVISION',    '《中华人民共和国市场主体登记管理条例》第二十四条')
       ) AS g (department_code, purpose_code, legal_basis)
 WHERE e.code IN ('entity.change_items', 'entity.change_before', 'entity.change_after')
ON CONFLICT DO NOTHING;

-- market regulation's two purposes cover every fact of a legal entity (as in V21)
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-SCJG', p.purpose_code, e.code, p.legal_basis, FALSE
  FROM catalog_element e CROSS JOIN (VALUES
       ('FOOD_LICENSE', '《食品经营许可和备案管理办法》'),
       ('MARKET_SUPERVISION', '《中华人民共和国市场主体登记管理条例》')) AS p (purpose_code, legal_basis)
 WHERE e.code IN ('entity.business_premises', 'entity.food_business_format', 'entity.legal_rep_citizen_id')
ON CONFLICT DO NOTHING;

-- the integrated window enters these on behalf of applicants; the data center governs them like every other
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-ZWFW', 'WINDOW_SERVICE', code, '《上海市"一网通办"若干规定》第十二条', FALSE FROM catalog_element
 WHERE code IN ('entity.business_premises', 'entity.food_business_format', 'entity.health_certified_staff',
                'entity.security_officer_citizen_id', 'person.ride_hailing_platform')
ON CONFLICT DO NOTHING;

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310000-DSJ', 'DATA_GOVERNANCE', code, '《上海市数据条例》第二章 公共数据治理', FALSE FROM catalog_element
 WHERE code IN ('entity.business_premises', 'entity.food_business_format', 'entity.health_certified_staff',
                'entity.security_officer_citizen_id', 'person.ride_hailing_platform', 'entity.change_items',
                'entity.change_before', 'entity.change_after')
ON CONFLICT DO NOTHING;
