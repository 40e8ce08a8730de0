package org.yiwang.demo;

/**
 * Check characters of the national identifiers, for building valid synthetic ones (hutool only validates).
 * Validation of input stays with {@code org.yiwang.kernel.CitizenId} / {@code CreditCode}.
 */
final class IdentityCodes {

    /** GB 32100 charset; also the alphabet the synthetic organization codes are drawn from. */
    static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] CITIZEN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CITIZEN_CHECKS = "10X98765432";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private IdentityCodes() {}

    /** GB 11643 (ISO 7064 MOD 11-2) check digit over the first 17 digits. */
    static char citizenIdCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * CITIZEN_WEIGHTS[i];
        return CITIZEN_CHECKS.charAt(sum % 11);
    }

    /** GB 32100 check character over the first 17 characters. */
    static char creditCodeCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        return CREDIT_CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714 check character of an organization code over its first 8 characters (digits and capitals). */
    static char organizationCodeCheck(CharSequence first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
