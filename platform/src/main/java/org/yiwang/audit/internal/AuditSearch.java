package org.yiwang.audit.internal;

import cn.hutool.core.util.CreditCodeUtil;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.yiwang.audit.AuditEntry;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;

/**
 * The data administrator's search, validated at the edge. {@code subject} may be a citizen ID (looked up by its
 * blind index — the ID itself is never stored), a credit code, a house code or a raw subject key; dates are
 * {@code yyyy-MM-dd} (whole days in China Standard Time) or ISO-8601 instants.
 */
record AuditSearch(String subjectKey, String actor, String department, Instant from, Instant to, int page,
                   int size) {

    static final int MAX_SIZE = 100;

    static AuditSearch parse(FieldCipher cipher, String subject, String actor, String department, String from,
            String to, Integer page, Integer size) {
        List<InvalidInputException.Violation> violations = new ArrayList<>();
        Instant start = instant("from", from, false, violations);
        Instant end = instant("to", to, true, violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new InvalidInputException.Violation("to", "range",
                    "结束时间应晚于开始时间 / 'to' must be after 'from'"));
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            violations.add(new InvalidInputException.Violation("page", "min", "页码不能为负 / page must be ≥ 0"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new InvalidInputException.Violation("size", "range",
                    "每页条数应在1到" + MAX_SIZE + "之间 / size must be 1.." + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new AuditSearch(subjectKey(cipher, subject), blankToNull(actor), blankToNull(department), start, end,
                p, s);
    }

    private static String subjectKey(FieldCipher cipher, String raw) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        String upper = s.toUpperCase();
        if (upper.matches("\\d{17}[\\dX]|\\d{15}")) {
            return AuditEntry.personKey(cipher, CitizenId.parse("subjectKey", upper));
        }
        return CreditCodeUtil.isCreditCodeSimple(upper) ? upper : s;
    }

    private static Instant instant(String field, String raw, boolean endOfDay,
            List<InvalidInputException.Violation> violations) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(AuditQueries.CHINA).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new InvalidInputException.Violation(field, "date-format",
                    "日期格式应为 yyyy-MM-dd 或 ISO-8601 / expected yyyy-MM-dd or an ISO-8601 date-time"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
