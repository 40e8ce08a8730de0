-- A legacy police special-trade (特种行业) licensing database. yiwang's JDBC connector writes applications into
-- T_TZHY_SQ; the officers' legacy software writes decisions into T_TZHY_JG, which yiwang polls.
-- Plain SQL that H2, PostgreSQL and MySQL all accept; IF NOT EXISTS so it can run at every start.

-- T_TZHY_SQ 特种行业许可申请 (applications, written by yiwang)
CREATE TABLE IF NOT EXISTS T_TZHY_SQ (
    YWLSH    VARCHAR(64) PRIMARY KEY,  -- 业务流水号 = yiwang's idempotency key (delivery id)
    SQBH     VARCHAR(64),              -- 申请编号 = yiwang partId
    SQH      VARCHAR(64),              -- 申请号 = yiwang's application number, what people read
    SXBM     VARCHAR(64),              -- 事项编码 (their item code)
    DWMC     VARCHAR(200),             -- 单位名称 (entity.name)
    TYSHXYDM VARCHAR(18),              -- 统一社会信用代码
    JYDZ     VARCHAR(300),             -- 经营地址
    FDDBR    VARCHAR(50),              -- 法定代表人
    LXDH     VARCHAR(30),              -- 联系电话
    KFS      INTEGER,                  -- 客房数
    CWS      INTEGER,                  -- 床位数
    ZBFZR    VARCHAR(50),              -- 治安保卫负责人
    ZBFZRSFZH VARCHAR(18),             -- 治安保卫负责人身份证号码
    FDDBRSFZH VARCHAR(18),             -- 法定代表人身份证号码
    ZS       VARCHAR(300),             -- 住所 (registered address; JYDZ is where the hotel is)
    YYMJ     VARCHAR(20),              -- 营业面积
    BGSX     VARCHAR(500),             -- 变更事项
    BGQNR    VARCHAR(2000),            -- 变更前内容
    BGHNR    VARCHAR(2000),            -- 变更后内容
    RKSJ     TIMESTAMP DEFAULT CURRENT_TIMESTAMP -- 入库时间
);
-- databases created before SQH existed (H2 and PostgreSQL; MySQL users add the column by hand)
ALTER TABLE T_TZHY_SQ ADD COLUMN IF NOT EXISTS SQH VARCHAR(64);

-- T_TZHY_JG 审批结果 (results, written by the officers' legacy software, read by yiwang)
CREATE TABLE IF NOT EXISTS T_TZHY_JG (
    JGID  VARCHAR(64) PRIMARY KEY,     -- 结果标识
    YWLSH VARCHAR(64) NOT NULL,        -- 业务流水号
    SQBH  VARCHAR(64) NOT NULL,        -- 申请编号 = yiwang partId
    ZT    VARCHAR(2) NOT NULL,         -- 状态: 01 受理 02 准予 03 不予 04 退回
    YJ    VARCHAR(500),                -- 审批意见 (reason)
    XKFW  VARCHAR(500),                -- 许可范围 (licence scope, on approval)
    BZSJ  TIMESTAMP DEFAULT CURRENT_TIMESTAMP -- 办结时间
);
