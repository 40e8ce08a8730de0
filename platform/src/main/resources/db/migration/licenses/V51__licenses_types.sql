-- The license types of the demo district 徐汇区: who issues each, who holds it, what it shows (and which data
-- element each field states, fed into the base as the issuer's authoritative value), and how long it is valid.
-- number_code is the {type} part of the GB/T 36904 identifier: 1xx held by persons, 2xx by legal entities.

INSERT INTO licenses_type (code, number_code, name_zh, name_en, issuing_department, holder_type, validity,
                           subject_field, owner_element, owner_name_element, sort_order) VALUES
('ID_CARD',             '101', '居民身份证',               'Resident identity card',           '310104-GA',   'PERSON',       'P20Y', NULL, NULL, NULL, 101),
('HOUSEHOLD_REGISTER',  '102', '居民户口簿',               'Household register',               '310104-GA',   'PERSON',       NULL,   NULL, NULL, NULL, 102),
('DRIVER_LICENSE',      '103', '机动车驾驶证',             'Motor vehicle driving licence',    '310104-GA',   'PERSON',       'P6Y',  NULL, NULL, NULL, 103),
('MARRIAGE_CERT',       '104', '结婚证',                   'Marriage certificate',             '310104-MZ',   'PERSON',       NULL,   NULL, NULL, NULL, 104),
('RIDE_HAILING_DRIVER', '105', '网络预约出租汽车驾驶员证', 'Ride-hailing driver certificate',  '310104-JT',   'PERSON',       'P6Y',  NULL, NULL, NULL, 105),
('PROPERTY_CERT',       '106', '不动产权证书',             'Real estate title certificate',    '310104-FG',   'PERSON',       NULL,
    'house_code', 'house.owner_citizen_id', 'house.owner_name', 106),
('TAX_PAYMENT_CERT',    '107', '完税证明',                 'Tax payment certificate',          '310104-SWJ',  'PERSON',       NULL,   NULL, NULL, NULL, 107),
('BUSINESS_LICENSE',    '201', '营业执照',                 'Business licence',                 '310104-SCJG', 'LEGAL_ENTITY', NULL,   NULL, NULL, NULL, 201),
('PUBLIC_HYGIENE',      '202', '公共场所卫生许可证',       'Public place hygiene licence',     '310104-WJW',  'LEGAL_ENTITY', 'P4Y',  NULL, NULL, NULL, 202),
('LIQUOR_RETAIL',       '203', '酒类商品零售许可证',       'Liquor retail licence',            '310104-SW',   'LEGAL_ENTITY', 'P3Y',  NULL, NULL, NULL, 203),
('SPECIAL_TRADE',       '204', '特种行业许可证',           'Special trade licence',            '310104-GA',   'LEGAL_ENTITY', NULL,   NULL, NULL, NULL, 204),
('FOOD_BUSINESS',       '205', '食品经营许可证',           'Food business licence',            '310104-SCJG', 'LEGAL_ENTITY', 'P5Y',  NULL, NULL, NULL, 205);

INSERT INTO licenses_type_field (type_code, name, label_zh, label_en, element, sort_order) VALUES
('ID_CARD', 'name',       '姓名',     'Name',              'person.name',              1),
('ID_CARD', 'gender',     '性别',     'Gender',            'person.gender',            2),
('ID_CARD', 'ethnicity',  '民族',     'Ethnicity',         'person.ethnicity',         3),
('ID_CARD', 'birth_date', '出生',     'Date of birth',     'person.birth_date',        4),
('ID_CARD', 'address',    '住址',     'Address',           'person.household_address', 5),

('HOUSEHOLD_REGISTER', 'household_id', '户号',       'Household number',           'person.household_id',      1),
('HOUSEHOLD_REGISTER', 'relation',     '与户主关系', 'Relation to household head', 'person.relation_to_head',  2),
('HOUSEHOLD_REGISTER', 'address',      '住址',       'Address',                    'person.household_address', 3),

('DRIVER_LICENSE', 'class',       '准驾车型',     'Vehicle class',    'person.driver_license_class',       1),
('DRIVER_LICENSE', 'first_issue', '初次领证日期', 'First issued on',  'person.driver_license_first_issue', 2),

('MARRIAGE_CERT', 'marital_status', '婚姻状况', 'Marital status', 'person.marital_status', 1),

('RIDE_HAILING_DRIVER', 'name',          '姓名',     'Name',                 'person.name',          1),
('RIDE_HAILING_DRIVER', 'vehicle_plate', '车辆号牌', 'Vehicle plate number', 'person.vehicle_plate', 2),

('PROPERTY_CERT', 'house_code', '房屋编码',         'House code',         NULL,            1),
('PROPERTY_CERT', 'address',    '坐落',             'Location',           'house.address', 2),
('PROPERTY_CERT', 'area',       '建筑面积(平方米)', 'Floor area (m²)',    'house.area',    3),
('PROPERTY_CERT', 'use',        '用途',             'Use',                'house.use',     4),
('PROPERTY_CERT', 'cert_no',    '不动产权证号',     'Certificate number', 'house.cert_no', 5),

('TAX_PAYMENT_CERT', 'house_code', '房屋编码',       'House code',        NULL, 1),
('TAX_PAYMENT_CERT', 'amount',     '实缴税额(元)', 'Tax paid (CNY)',    NULL, 2),

('BUSINESS_LICENSE', 'name',        '名称',             'Name',                            'entity.name',               1),
('BUSINESS_LICENSE', 'type',        '类型',             'Type',                            'entity.type',               2),
('BUSINESS_LICENSE', 'legal_rep',   '法定代表人',       'Legal representative',            'entity.legal_rep_name',     3),
('BUSINESS_LICENSE', 'address',     '住所',             'Registered address',              'entity.address',            4),
('BUSINESS_LICENSE', 'scope',       '经营范围',         'Business scope',                  'entity.business_scope',     5),
('BUSINESS_LICENSE', 'capital',     '注册资本(万元)', 'Registered capital (10,000 CNY)', 'entity.registered_capital', 6),
('BUSINESS_LICENSE', 'established', '成立日期',         'Established on',                  'entity.established_date',   7),

('PUBLIC_HYGIENE', 'name',          '单位名称',             'Name',                        'entity.name',          1),
('PUBLIC_HYGIENE', 'address',       '地址',                 'Address',                     'entity.address',       2),
('PUBLIC_HYGIENE', 'premises_area', '经营面积(平方米)',     'Premises area (m²)',          'entity.premises_area', 3),
('PUBLIC_HYGIENE', 'hygiene_scope', '许可项目',             'Licensed activities',         NULL,                   4),

('LIQUOR_RETAIL', 'name',              '企业名称',     'Name',             'entity.name',              1),
('LIQUOR_RETAIL', 'address',           '经营地址',     'Address',          'entity.address',           2),
('LIQUOR_RETAIL', 'liquor_categories', '经营酒类品种', 'Liquor categories', 'entity.liquor_categories', 3),

('SPECIAL_TRADE', 'name',        '名称',     'Name',        'entity.name',        1),
('SPECIAL_TRADE', 'address',     '地址',     'Address',     'entity.address',     2),
('SPECIAL_TRADE', 'trade',       '行业类别', 'Trade',       NULL,                 3),
('SPECIAL_TRADE', 'hotel_rooms', '客房数',   'Guest rooms', 'entity.hotel_rooms', 4),
('SPECIAL_TRADE', 'hotel_beds',  '床位数',   'Beds',        'entity.hotel_beds',  5),

('FOOD_BUSINESS', 'name',                '经营者名称',     'Name',                'entity.name',                1),
('FOOD_BUSINESS', 'address',             '经营场所',       'Premises',            'entity.address',             2),
('FOOD_BUSINESS', 'food_business_items', '经营项目',       'Business items',      'entity.food_business_items', 3),
('FOOD_BUSINESS', 'food_safety_officer', '食品安全管理员', 'Food safety officer', 'entity.food_safety_officer', 4);
