-- Catalog seed: national code tables (GB/T 2261.1, 2261.2, 3304, 4658), local code tables, the data elements
-- the other modules and the demo data use, purposes, and the three lists for the demo district 徐汇区.

INSERT INTO catalog_code_table (code, name_zh, name_en, standard) VALUES
('gender',        '性别',         'Gender',               'GB/T 2261.1-2003'),
('marital',       '婚姻状况',     'Marital status',       'GB/T 2261.2-2003'),
('ethnicity',     '民族',         'Ethnicity',            'GB/T 3304-1991'),
('education',     '学历',         'Education level',      'GB/T 4658-2006'),
('relation',      '与户主关系',   'Relation to household head', NULL),
('person_status', '人员状态',     'Person status',        NULL),
('entity_type',   '市场主体类型', 'Legal entity type',    NULL),
('entity_status', '登记状态',     'Registration status',  NULL),
('house_use',     '房屋用途',     'House use',            NULL);

INSERT INTO catalog_code (table_code, code, label_zh, label_en, sort_order) VALUES
('gender', '0', '未知的性别', 'Unknown', 0),
('gender', '1', '男', 'Male', 1),
('gender', '2', '女', 'Female', 2),
('gender', '9', '未说明的性别', 'Not stated', 9),
('marital', '10', '未婚', 'Unmarried', 10),
('marital', '20', '已婚', 'Married', 20),
('marital', '21', '初婚', 'First marriage', 21),
('marital', '22', '再婚', 'Remarried', 22),
('marital', '23', '复婚', 'Remarried to former spouse', 23),
('marital', '30', '丧偶', 'Widowed', 30),
('marital', '40', '离婚', 'Divorced', 40),
('marital', '90', '未说明的婚姻状况', 'Not stated', 90),
('education', '10', '研究生教育', 'Postgraduate', 10),
('education', '11', '博士研究生', 'Doctoral', 11),
('education', '14', '硕士研究生', 'Master''s', 14),
('education', '20', '大学本科', 'Bachelor''s', 20),
('education', '30', '专科', 'Junior college', 30),
('education', '40', '中等职业教育', 'Secondary vocational', 40),
('education', '60', '普通高级中学', 'Senior high school', 60),
('education', '70', '初中', 'Junior high school', 70),
('education', '80', '小学', 'Primary school', 80),
('education', '90', '其他', 'Other', 90),
('relation', '01', '户主', 'Head of household', 1),
('relation', '02', '配偶', 'Spouse', 2),
('relation', '03', '子', 'Son', 3),
('relation', '04', '女', 'Daughter', 4),
('relation', '05', '父母', 'Parent', 5),
('relation', '06', '孙子女', 'Grandchild', 6),
('relation', '09', '其他', 'Other', 9),
('person_status', '1', '正常', 'Active', 1),
('person_status', '2', '死亡', 'Deceased', 2),
('person_status', '3', '迁出', 'Moved out', 3),
('entity_type', '1100', '有限责任公司', 'Limited liability company', 1100),
('entity_type', '1200', '股份有限公司', 'Company limited by shares', 1200),
('entity_type', '4100', '个人独资企业', 'Sole proprietorship', 4100),
('entity_type', '4500', '合伙企业', 'Partnership', 4500),
('entity_type', '9100', '个体工商户', 'Individual business', 9100),
('entity_type', '9900', '其他', 'Other', 9900),
('entity_status', '1', '存续', 'Active', 1),
('entity_status', '2', '注销', 'Deregistered', 2),
('entity_status', '3', '吊销', 'Licence revoked', 3),
('house_use', '10', '住宅', 'Residential', 10),
('house_use', '20', '商业', 'Commercial', 20),
('house_use', '30', '办公', 'Office', 30),
('house_use', '40', '工业', 'Industrial', 40),
('house_use', '90', '其他', 'Other', 90);

INSERT INTO catalog_code (table_code, code, label_zh, label_en, sort_order)
SELECT 'ethnicity', e.code, e.label_zh, e.label_en, e.code::int FROM (VALUES
('01','汉族','Han'),('02','蒙古族','Mongol'),('03','回族','Hui'),('04','藏族','Zang (Tibetan)'),
('05','维吾尔族','Uygur'),('06','苗族','Miao'),('07','彝族','Yi'),('08','壮族','Zhuang'),
('09','布依族','Buyei'),('10','朝鲜族','Chosen (Korean)'),('11','满族','Man'),('12','侗族','Dong'),
('13','瑶族','Yao'),('14','白族','Bai'),('15','土家族','Tujia'),('16','哈尼族','Hani'),
('17','哈萨克族','Kazak'),('18','傣族','Dai'),('19','黎族','Li'),('20','傈僳族','Lisu'),
('21','佤族','Va'),('22','畲族','She'),('23','高山族','Gaoshan'),('24','拉祜族','Lahu'),
('25','水族','Sui'),('26','东乡族','Dongxiang'),('27','纳西族','Naxi'),('28','景颇族','Jingpo'),
('29','柯尔克孜族','Kirgiz'),('30','土族','Tu'),('31','达斡尔族','Daur'),('32','仫佬族','Mulao'),
('33','羌族','Qiang'),('34','布朗族','Blang'),('35','撒拉族','Salar'),('36','毛南族','Maonan'),
('37','仡佬族','Gelao'),('38','锡伯族','Xibe'),('39','阿昌族','Achang'),('40','普米族','Pumi'),
('41','塔吉克族','Tajik'),('42','怒族','Nu'),('43','乌孜别克族','Uzbek'),('44','俄罗斯族','Russ'),
('45','鄂温克族','Ewenki'),('46','德昂族','Deang'),('47','保安族','Bonan'),('48','裕固族','Yugur'),
('49','京族','Gin'),('50','塔塔尔族','Tatar'),('51','独龙族','Derung'),('52','鄂伦春族','Oroqen'),
('53','赫哲族','Hezhen'),('54','门巴族','Monba'),('55','珞巴族','Lhoba'),('56','基诺族','Jino'),
('97','其他','Other'),('98','外国血统中国籍人士','Chinese citizen of foreign origin')
) AS e (code, label_zh, label_en);

INSERT INTO catalog_element (code, name_zh, name_en, subject_type, value_type, format_rule, max_length, code_table, sensitivity) VALUES
('person.citizen_id',               '公民身份号码',       'Citizen ID number',            'PERSON', 'CITIZEN_ID', NULL, 18, NULL, 4),
('person.name',                     '姓名',               'Name',                         'PERSON', 'STRING', NULL, 50, NULL, 3),
('person.former_name',              '曾用名',             'Former name',                  'PERSON', 'STRING', NULL, 50, NULL, 3),
('person.gender',                   '性别',               'Gender',                       'PERSON', 'CODE', NULL, 1, 'gender', 2),
('person.ethnicity',                '民族',               'Ethnicity',                    'PERSON', 'CODE', NULL, 2, 'ethnicity', 3),
('person.birth_date',               '出生日期',           'Date of birth',                'PERSON', 'DATE', NULL, 10, NULL, 3),
('person.phone',                    '联系电话',           'Phone number',                 'PERSON', 'PHONE', NULL, 20, NULL, 4),
('person.household_address',        '户籍地址',           'Household registration address', 'PERSON', 'STRING', NULL, 200, NULL, 3),
('person.residence_address',        '居住地址',           'Residence address',            'PERSON', 'STRING', NULL, 200, NULL, 3),
('person.division',                 '所属行政区划',       'Administrative division',      'PERSON', 'DIVISION', NULL, 15, NULL, 2),
('person.grid',                     '所属网格',           'Grid',                         'PERSON', 'DIVISION', NULL, 15, NULL, 2),
('person.household_id',             '户号',               'Household number',             'PERSON', 'STRING', NULL, 20, NULL, 3),
('person.relation_to_head',         '与户主关系',         'Relation to household head',   'PERSON', 'CODE', NULL, 2, 'relation', 2),
('person.marital_status',           '婚姻状况',           'Marital status',               'PERSON', 'CODE', NULL, 2, 'marital', 3),
('person.education',                '学历',               'Education level',              'PERSON', 'CODE', NULL, 2, 'education', 2),
('person.employer_credit_code',     '就业单位统一社会信用代码', 'Employer credit code',   'PERSON', 'CREDIT_CODE', NULL, 18, NULL, 2),
('person.social_security_no',       '社会保障号码',       'Social security number',       'PERSON', 'STRING', NULL, 20, NULL, 4),
('person.driver_license_class',     '准驾车型',           'Driving licence class',        'PERSON', 'STRING', '[A-FMNP][1-5]?(,[A-FMNP][1-5]?)*', 10, NULL, 2),
('person.driver_license_first_issue','驾驶证初次领证日期', 'Driving licence first issued', 'PERSON', 'DATE', NULL, 10, NULL, 2),
('person.criminal_record',          '违法犯罪记录',       'Criminal record',              'PERSON', 'STRING', NULL, 200, NULL, 4),
('person.health_condition',         '健康状况',           'Health condition',             'PERSON', 'STRING', NULL, 200, NULL, 4),
('person.status',                   '人员状态',           'Person status',                'PERSON', 'CODE', NULL, 1, 'person_status', 2),
('entity.credit_code',              '统一社会信用代码',   'Unified social credit code',   'LEGAL_ENTITY', 'CREDIT_CODE', NULL, 18, NULL, 1),
('entity.name',                     '名称',               'Name',                         'LEGAL_ENTITY', 'STRING', NULL, 100, NULL, 1),
('entity.type',                     '类型',               'Type',                         'LEGAL_ENTITY', 'CODE', NULL, 4, 'entity_type', 1),
('entity.legal_rep_name',           '法定代表人姓名',     'Legal representative name',    'LEGAL_ENTITY', 'STRING', NULL, 50, NULL, 2),
('entity.legal_rep_citizen_id',     '法定代表人身份号码', 'Legal representative citizen ID', 'LEGAL_ENTITY', 'CITIZEN_ID', NULL, 18, NULL, 4),
('entity.address',                  '住所',               'Registered address',           'LEGAL_ENTITY', 'STRING', NULL, 200, NULL, 1),
('entity.division',                 '所属行政区划',       'Administrative division',      'LEGAL_ENTITY', 'DIVISION', NULL, 15, NULL, 1),
('entity.business_scope',           '经营范围',           'Business scope',               'LEGAL_ENTITY', 'STRING', NULL, 2000, NULL, 1),
('entity.registered_capital',       '注册资本(万元)',   'Registered capital (10,000 CNY)', 'LEGAL_ENTITY', 'DECIMAL', NULL, 20, NULL, 1),
('entity.established_date',         '成立日期',           'Date of establishment',        'LEGAL_ENTITY', 'DATE', NULL, 10, NULL, 1),
('entity.status',                   '登记状态',           'Registration status',          'LEGAL_ENTITY', 'CODE', NULL, 1, 'entity_status', 1),
('entity.phone',                    '联系电话',           'Phone number',                 'LEGAL_ENTITY', 'PHONE', NULL, 20, NULL, 3),
('house.code',                      '房屋编码',           'House code',                   'HOUSE', 'STRING', NULL, 30, NULL, 1),
('house.address',                   '房屋坐落',           'House address',                'HOUSE', 'STRING', NULL, 200, NULL, 2),
('house.division',                  '所属行政区划',       'Administrative division',      'HOUSE', 'DIVISION', NULL, 15, NULL, 1),
('house.area',                      '建筑面积(平方米)', 'Floor area (m²)',              'HOUSE', 'DECIMAL', NULL, 12, NULL, 1),
('house.use',                       '房屋用途',           'House use',                    'HOUSE', 'CODE', NULL, 2, 'house_use', 1),
('house.owner_citizen_id',          '权利人身份号码',     'Owner citizen ID',             'HOUSE', 'CITIZEN_ID', NULL, 18, NULL, 4),
('house.owner_name',                '权利人姓名',         'Owner name',                   'HOUSE', 'STRING', NULL, 50, NULL, 3),
('house.cert_no',                   '不动产权证号',       'Property certificate number',  'HOUSE', 'STRING', NULL, 40, NULL, 2);

INSERT INTO catalog_purpose (code, name_zh, name_en) VALUES
('DATA_GOVERNANCE',       '数据治理',               'Data governance'),
('WINDOW_SERVICE',        '综合受理',               'Integrated window service'),
('GRASSROOTS_GOVERNANCE', '基层治理',               'Grassroots governance'),
('HYGIENE_LICENSE',       '公共场所卫生许可',       'Public place hygiene licence'),
('FOOD_LICENSE',          '食品经营许可',           'Food business licence'),
('HOUSE_SALE_TAX',        '二手房交易计税',         'Tax on resale of a house'),
('RIDE_HAILING_CHECK',    '网约车驾驶员背景核查',   'Ride-hailing driver background check'),
('MARKET_SUPERVISION',    '市场监管',               'Market supervision');

-- 责任清单
INSERT INTO catalog_responsibility (element_code, department_code, legal_basis)
SELECT code, '310104-GA', '《中华人民共和国居民身份证法》《中华人民共和国户口登记条例》' FROM catalog_element
 WHERE code IN ('person.citizen_id', 'person.name', 'person.former_name', 'person.gender', 'person.ethnicity',
                'person.birth_date', 'person.household_address', 'person.residence_address', 'person.division',
                'person.household_id', 'person.relation_to_head', 'person.status');
INSERT INTO catalog_responsibility (element_code, department_code, legal_basis) VALUES
('person.driver_license_class',       '310104-GA',   '《中华人民共和国道路交通安全法》第十九条'),
('person.driver_license_first_issue', '310104-GA',   '《中华人民共和国道路交通安全法》第十九条'),
('person.criminal_record',            '310104-GA',   '《中华人民共和国刑事诉讼法》《公安机关办理犯罪记录查询工作规定》'),
('person.marital_status',             '310104-MZ',   '《婚姻登记条例》'),
('person.education',                  '310104-JY',   '《中华人民共和国教育法》'),
('person.employer_credit_code',       '310104-RS',   '《中华人民共和国社会保险法》'),
('person.social_security_no',         '310104-RS',   '《中华人民共和国社会保险法》第五十八条'),
('person.phone',                      '310104-ZWFW', '《上海市"一网通办"若干规定》'),
('person.health_condition',           '310104-WJW',  '《中华人民共和国基本医疗卫生与健康促进法》'),
('person.grid',                       '310104-CY',   '《上海市城市网格化管理办法》');
INSERT INTO catalog_responsibility (element_code, department_code, legal_basis)
SELECT code, '310104-SCJG', '《中华人民共和国市场主体登记管理条例》' FROM catalog_element WHERE subject_type = 'LEGAL_ENTITY';
INSERT INTO catalog_responsibility (element_code, department_code, legal_basis)
SELECT code, '310104-FG', '《不动产登记暂行条例》' FROM catalog_element WHERE subject_type = 'HOUSE';

-- 需求清单
INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310000-DSJ', 'DATA_GOVERNANCE', code, '《上海市数据条例》第二章 公共数据治理', FALSE FROM catalog_element;

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-ZWFW', 'WINDOW_SERVICE', e.code, '《上海市"一网通办"若干规定》第十二条', e.code IN ('person.citizen_id', 'person.phone')
  FROM catalog_element e
 WHERE e.code IN ('person.name', 'person.citizen_id', 'person.gender', 'person.birth_date', 'person.phone',
                  'person.ethnicity', 'person.household_address', 'person.residence_address',
                  'person.marital_status', 'person.education');

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT d.department_code, 'GRASSROOTS_GOVERNANCE', e.code, '《上海市街道办事处条例》《上海市数据条例》', FALSE
  FROM catalog_element e CROSS JOIN (VALUES ('310104014-JD'), ('310104011-JD')) AS d (department_code)
 WHERE e.code IN ('person.name', 'person.gender', 'person.birth_date', 'person.phone', 'person.residence_address',
                  'person.division', 'person.grid', 'person.household_id', 'person.relation_to_head', 'person.status');

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-WJW', 'HYGIENE_LICENSE', code, '《公共场所卫生管理条例》第八条', FALSE FROM catalog_element
 WHERE code IN ('entity.name', 'entity.credit_code', 'entity.address', 'entity.legal_rep_name',
                'entity.business_scope', 'entity.phone', 'entity.type', 'entity.status');

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-SCJG', p.purpose_code, e.code, p.legal_basis, FALSE
  FROM catalog_element e CROSS JOIN (VALUES
       ('FOOD_LICENSE', '《食品经营许可和备案管理办法》'),
       ('MARKET_SUPERVISION', '《中华人民共和国市场主体登记管理条例》')) AS p (purpose_code, legal_basis)
 WHERE e.subject_type = 'LEGAL_ENTITY' OR e.code = 'person.name';

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-SWJ', 'HOUSE_SALE_TAX', code, '《中华人民共和国税收征收管理法》第六条《中华人民共和国契税法》',
       code = 'person.citizen_id'
  FROM catalog_element
 WHERE subject_type = 'HOUSE' OR code IN ('person.name', 'person.citizen_id', 'person.marital_status');

INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
SELECT '310104-JT', 'RIDE_HAILING_CHECK', code, '《网络预约出租汽车经营服务管理暂行办法》第十四条',
       code = 'person.citizen_id'
  FROM catalog_element
 WHERE code IN ('person.name', 'person.citizen_id', 'person.gender', 'person.birth_date',
                'person.household_address', 'person.driver_license_class', 'person.driver_license_first_issue',
                'person.criminal_record');

-- 负面清单
INSERT INTO catalog_negative (element_code, reason, legal_basis) VALUES
('person.health_condition', '个人健康信息属敏感个人信息,未经法律授权不予共享', '《中华人民共和国个人信息保护法》第二十八条');
