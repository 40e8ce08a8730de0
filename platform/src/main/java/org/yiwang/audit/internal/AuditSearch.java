package org.yiwang.audit.internal;

import cn.hutool.core.util.CreditCodeUtil;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yiwang.audit.AuditEntry;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.ViolationTexts;

/**
 * The data administrator's search, validated at the edge. {@code subject} may be a citizen ID (looked up by its
 * blind index — the ID itself is never stored), a credit code, a house code or a raw subject key; an 18-character
 * all-digit string can be both an ID number and a credit code, so every interpretation whose check character holds
 * is searched. A malformed identifier is refused, not searched for. Dates are {@code yyyy-MM-dd} (whole days in the
 * city's zone) or ISO-8601 instants.
 *
 * @param subjectKeys the subject keys to search, {@code null} for any subject
 */
record AuditSearch(List<String> subjectKeys, String actor, String department, Instant from, Instant to, int page,
                   int size) {

    static final int MAX_SIZE = 100;
    private static final Pattern ID_SHAPED = Pattern.compile("\\d{17}[\\dX]|\\d{15,16}");
    /** House codes and raw subject keys (blind-index hex): letters, digits and a few separators. */
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

    static AuditSearch parse(FieldCipher cipher, ViolationTexts texts, ZoneId zone, String subject, String actor,
            String department, String from, String to, Integer page, Integer size) {
        List<Violation> violations = new ArrayList<>();
        List<String> keys = subjectKeys(cipher, texts, subject, violations);
        Instant start = instant("from", from, false, zone, texts, violations);
        Instant end = instant("to", to, true, zone, texts, violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(shared(texts, "to", "range"));
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            violations.add(shared(texts, "page", "min", 0));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(shared(texts, "size", "range", 1, MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new AuditSearch(keys, blankToNull(actor), blankToNull(department), start, end, p, s);
    }

    /** Every subject key the identifier can name; {@code null} when none was given. */
    static List<String> subjectKeys(FieldCipher cipher, ViolationTexts texts, String raw, List<Violation> violations) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        String upper = s.toUpperCase();
        boolean idShaped = ID_SHAPED.matcher(upper).matches();
        boolean codeShaped = CreditCodeUtil.isCreditCodeSimple(upper);
        if (idShaped || codeShaped) {
            List<String> keys = new ArrayList<>();
            if (idShaped && upper.length() != 16) {
                try {
                    keys.add(AuditEntry.personKey(cipher, CitizenId.parse("subjectKey", upper)));
                } catch (InvalidInputException notAnId) {
                    // maybe a credit code, tried next
                }
            }
            if (codeShaped && CreditCodeUtil.isCreditCode(upper)) {
                keys.add(upper);
            }
            if (keys.isEmpty()) {
                violations.add(shared(texts, "subjectKey", "check-digit"));
            }
            return keys;
        }
        if (!KEY.matcher(s).matches()) {
            violations.add(Violation.of("subjectKey", "subject-format"));
            return List.of();
        }
        return List.of(s);
    }

    private static Instant instant(String field, String raw, boolean endOfDay, ZoneId zone, ViolationTexts texts,
            List<Violation> violations) {
        String s = blankToNull(raw);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 10) {
                LocalDate day = LocalDate.parse(s);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(shared(texts, field, "date-format"));
            return null;
        }
    }

    /**
     * A broken rule whose name other modules use too (range, date-format, ...): its text is this module's
     * {@code audit.problem.<field>.<rule>}, so that another bundle's {@code problem.<rule>} with other arguments
     * cannot garble it.
     */
    private static Violation shared(ViolationTexts texts, String field, String rule, Object... args) {
        return Violation.keyed(field, rule, "audit.problem." + field + "." + rule, args);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
