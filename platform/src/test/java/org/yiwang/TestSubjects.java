package org.yiwang;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Unique, valid test identifiers so that tests sharing one database never collide. */
public final class TestSubjects {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    private TestSubjects() {}

    /** A valid 18-digit citizen ID registered in 徐汇区, born on a date derived from a running sequence. */
    public static String citizenId() {
        int n = SEQUENCE.incrementAndGet();
        int year = 1950 + (n / 1000) % 60;
        int day = 1 + (n / 10) % 28;
        String body = "310104" + year + "%02d".formatted(1 + n % 12) + "%02d".formatted(day) + "%03d".formatted(n % 1000);
        return body + checkDigit(body);
    }

    /**
     * A valid citizen ID registered in Shanghai that encodes the given gender ({@code 1} male, {@code 2} female)
     * and birth date, so that facts written with it agree with it. The division digits vary with the sequence so
     * that many people born on one day stay distinct.
     */
    public static String citizenId(String gender, java.time.LocalDate birthDate) {
        int n = SEQUENCE.incrementAndGet();
        int order = (n % 500) * 2 + ("1".equals(gender) ? 1 : 0); // odd for men, even for women (GB 11643)
        String body = "31" + "%04d".formatted((n / 500) % 10_000) + birthDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "%03d".formatted(order);
        return body + checkDigit(body);
    }

    public static String citizenId(String gender, String birthDate) {
        return citizenId(gender, java.time.LocalDate.parse(birthDate));
    }

    /** The same ID with its check digit changed: fails GB 11643. */
    public static String withWrongCheckDigit(String id) {
        char wrong = id.charAt(17) == '0' ? '1' : '0';
        return id.substring(0, 17) + wrong;
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }

    /** A house code in the given 9-digit street: the street and an 8-digit running number. */
    public static String houseCode(String street) {
        return street + "%08d".formatted(SEQUENCE.incrementAndGet() % 100_000_000);
    }

    /** A valid unified social credit code of an enterprise registered in 徐汇区. */
    public static String creditCode() {
        int n = SEQUENCE.incrementAndGet();
        String body = "91310104" + "MA%06d".formatted(n % 1_000_000) + "X";
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
        return body + CREDIT_CHARSET.charAt((31 - sum % 31) % 31);
    }
}
