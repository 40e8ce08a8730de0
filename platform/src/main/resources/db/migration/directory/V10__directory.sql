-- Directory: divisions (GB/T 2260 + statistics bureau codes), departments.
CREATE TABLE directory_division (
    code        VARCHAR(15) PRIMARY KEY,
    name        TEXT        NOT NULL,
    level       VARCHAR(12) NOT NULL,
    parent_code VARCHAR(15)
);
CREATE INDEX directory_division_parent_idx ON directory_division (parent_code);

CREATE TABLE directory_department (
    code          VARCHAR(40) PRIMARY KEY,
    name          TEXT        NOT NULL,
    name_en       TEXT        NOT NULL,
    level         VARCHAR(10) NOT NULL,
    division_code VARCHAR(15) NOT NULL
);

-- The demo district 徐汇区 (310104) sits in Shanghai; the full division tree is loaded by V11.
INSERT INTO directory_department (code, name, name_en, level, division_code) VALUES
('310000-DSJ',  '上海市大数据中心',             'Shanghai Big Data Center',                         'CITY',     '31'),
('310104-ZWFW', '徐汇区行政服务中心',           'Xuhui District Administrative Service Center',     'DISTRICT', '310104'),
('310104-GA',   '上海市公安局徐汇分局',         'Xuhui Public Security Sub-bureau',                 'DISTRICT', '310104'),
('310104-SCJG', '徐汇区市场监督管理局',         'Xuhui Market Regulation Bureau',                   'DISTRICT', '310104'),
('310104-WJW',  '徐汇区卫生健康委员会',         'Xuhui Health Commission',                          'DISTRICT', '310104'),
('310104-SW',   '徐汇区商务委员会',             'Xuhui Commerce Commission',                        'DISTRICT', '310104'),
('310104-FG',   '徐汇区房屋管理局',             'Xuhui Housing Administration Bureau',              'DISTRICT', '310104'),
('310104-SWJ',  '国家税务总局上海市徐汇区税务局', 'Xuhui Tax Bureau',                                 'DISTRICT', '310104'),
('310104-RS',   '徐汇区人力资源和社会保障局',   'Xuhui Human Resources and Social Security Bureau', 'DISTRICT', '310104'),
('310104-MZ',   '徐汇区民政局',                 'Xuhui Civil Affairs Bureau',                       'DISTRICT', '310104'),
('310104-JY',   '徐汇区教育局',                 'Xuhui Education Bureau',                           'DISTRICT', '310104'),
('310104-JT',   '徐汇区建设和管理委员会(交通)', 'Xuhui Construction and Transport Commission',       'DISTRICT', '310104'),
('310104-CG',   '徐汇区城市管理行政执法局',     'Xuhui City Management Law Enforcement Bureau',     'DISTRICT', '310104'),
('310104-CY',   '徐汇区城市运行管理中心',       'Xuhui City Operations Center',                     'DISTRICT', '310104'),
('310104014-JD','徐家汇街道办事处',             'Xujiahui Sub-district Office',                     'STREET',   '310104014'),
('310104011-JD','田林街道办事处',               'Tianlin Sub-district Office',                      'STREET',   '310104011');
