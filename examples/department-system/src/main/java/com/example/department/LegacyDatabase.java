package com.example.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "legacy" flavour of a department system: a police special-trade licensing database (特种行业许可) with no
 * API at all. yiwang's JDBC connector inserts applications into {@code T_TZHY_SQ} and polls decisions from
 * {@code T_TZHY_JG}; the officers' software (here: {@link #recordResult}, the legacy page, or a test) writes those.
 * The schema is in {@code department-system/legacy-schema.sql}.
 */
public final class LegacyDatabase {

    static final String SCHEMA = "department-system/legacy-schema.sql";

    /** The decision codes of column {@code T_TZHY_JG.ZT}. */
    public enum Status {
        /** 01 受理 */ ACCEPTED("01"),
        /** 02 准予 */ APPROVED("02"),
        /** 03 不予 */ REJECTED("03"),
        /** 04 退回 */ RETURNED("04");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Status ofCode(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown ZT code " + code);
        }
    }

    /**
     * A row of {@code T_TZHY_SQ}, as yiwang wrote it.
     *
     * @param applicationNo {@code SQBH}, yiwang's partId (what a decision quotes)
     * @param reference     {@code SQH}, the application number people read (e.g. YW202611220001-2)
     */
    public record Application(String deliveryId, String applicationNo, String itemCode, String businessName,
            String creditCode, String address, String legalRepresentative, String phone, Integer rooms, Integer beds,
            String securityOfficer, LocalDateTime storedAt, String reference) {}

    /** A row of {@code T_TZHY_JG}, a decision for yiwang to pick up, with its application's number. */
    public record Result(String resultId, String deliveryId, String applicationNo, Status status, String opinion,
            String licenceScope, LocalDateTime decidedAt, String reference) {}

    private LegacyDatabase() {
    }

    /** Creates both tables unless they exist. */
    public static void create(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource(SCHEMA)).execute(dataSource);
    }

    /** Creates both tables unless they exist, in the database at {@code jdbcUrl}. */
    public static void create(String jdbcUrl, String user, String password) {
        create(new DriverManagerDataSource(jdbcUrl, user, password));
    }

    /**
     * Records an officer's decision, as the legacy software would, and returns its {@code JGID}.
     *
     * @param deliveryId    {@code YWLSH} of the application
     * @param applicationNo {@code SQBH} of the application (yiwang's partId)
     * @param opinion       审批意见; yiwang needs one for REJECTED and RETURNED
     * @param licenceScope  许可范围 on approval, else {@code null}
     */
    public static String recordResult(DataSource dataSource, String deliveryId, String applicationNo, Status status,
            String opinion, String licenceScope) {
        String resultId = UUID.randomUUID().toString();
        JdbcClient.create(dataSource)
                .sql("INSERT INTO T_TZHY_JG (JGID, YWLSH, SQBH, ZT, YJ, XKFW) VALUES (?, ?, ?, ?, ?, ?)")
                .params(resultId, deliveryId, applicationNo, status.code(), opinion, licenceScope)
                .update();
        return resultId;
    }

    /** The applications yiwang wrote, newest first. */
    public static List<Application> applications(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SELECT * FROM T_TZHY_SQ ORDER BY RKSJ DESC, YWLSH")
                .query(LegacyDatabase::application).list();
    }

    /** The decisions recorded so far, newest first. */
    public static List<Result> results(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("""
                SELECT j.*, s.SQH FROM T_TZHY_JG j LEFT JOIN T_TZHY_SQ s ON s.YWLSH = j.YWLSH
                 ORDER BY j.BZSJ DESC, j.JGID""")
                .query(LegacyDatabase::result).list();
    }

    private static Application application(ResultSet rs, int rowNum) throws SQLException {
        return new Application(rs.getString("YWLSH"), rs.getString("SQBH"), rs.getString("SXBM"),
                rs.getString("DWMC"), rs.getString("TYSHXYDM"), rs.getString("JYDZ"), rs.getString("FDDBR"),
                rs.getString("LXDH"), rs.getObject("KFS", Integer.class), rs.getObject("CWS", Integer.class),
                rs.getString("ZBFZR"), rs.getObject("RKSJ", LocalDateTime.class), rs.getString("SQH"));
    }

    private static Result result(ResultSet rs, int rowNum) throws SQLException {
        return new Result(rs.getString("JGID"), rs.getString("YWLSH"), rs.getString("SQBH"),
                Status.ofCode(rs.getString("ZT")), rs.getString("YJ"), rs.getString("XKFW"),
                rs.getObject("BZSJ", LocalDateTime.class), rs.getString("SQH"));
    }
}
