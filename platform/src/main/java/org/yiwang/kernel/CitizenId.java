package org.yiwang.kernel;

import cn.hutool.core.util.IdcardUtil;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A citizen identity number (公民身份号码, GB 11643): 18 characters with an ISO 7064 MOD 11-2 check digit.
 * Legacy 15-digit numbers are upgraded to 18 on entry. County codes inside an ID may be historical, so only the
 * province prefix and the birth date are checked besides the check digit. {@link #toString()} is masked so
 * that an ID never reaches a log in clear.
 */
public record CitizenId(String value) {

    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");

    public CitizenId {
        if (value == null || !EIGHTEEN.matcher(value).matches()) {
            throw new InvalidInputException(java.util.List.of(InvalidInputException.Violation.keyed("citizenId", "format",
                    "kernel.problem.citizen-id-format")));
        }
    }

    /** Parses user input: trims, upper-cases the X, upgrades 15-digit numbers, and checks GB 11643. */
    public static CitizenId parse(String field, String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase();
        if (FIFTEEN.matcher(s).matches()) {
            if (birthDate(field, "19" + s.substring(6, 12)) == null) {
                throw InvalidInputException.of(field, "birth-date");
            }
            s = IdcardUtil.convert15To18(s);
        }
        if (!EIGHTEEN.matcher(s).matches()) {
            throw new InvalidInputException(java.util.List.of(InvalidInputException.Violation.keyed(field, "format",
                    "kernel.problem.citizen-id-format")));
        }
        if (IdcardUtil.getProvinceByIdCard(s) == null) {
            throw InvalidInputException.of(field, "province");
        }
        if (birthDate(field, s.substring(6, 14)) == null) {
            throw InvalidInputException.of(field, "birth-date");
        }
        if (!IdcardUtil.isValidCard18(s)) {
            throw InvalidInputException.of(field, "check-digit");
        }
        return new CitizenId(s);
    }

    public static CitizenId parse(String raw) {
        return parse("citizenId", raw);
    }

    private static LocalDate birthDate(String field, String yyyymmdd) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return d.isAfter(LocalDate.now()) || d.getYear() < 1880 ? null : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    public LocalDate birthDate() {
        return birthDate("citizenId", value.substring(6, 14));
    }

    /** GB/T 2261.1 gender code implied by the ID: 1 male, 2 female. */
    public String genderCode() {
        return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** The 6-digit division of registration (may be a historical county code). */
    public String divisionOfRegistration() {
        return value.substring(0, 6);
    }

    public String masked() {
        return Masking.citizenId(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
