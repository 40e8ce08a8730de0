package org.yiwang.licenses.internal;

/**
 * ISO/IEC 7064 MOD 37,36: the hybrid system over the 36 alphanumerics ({@code 0-9A-Z}) that GB/T 36904 uses for
 * the check character of an e-license identifier. Catches every single substitution and adjacent transposition.
 */
final class Mod3736 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int M = 36;

    private Mod3736() {}

    /** The check character for {@code body} (characters of {@link #ALPHABET} only). */
    static char checkCharacter(String body) {
        int p = M;
        for (int i = 0; i < body.length(); i++) {
            int s = (p + value(body.charAt(i))) % M;
            if (s == 0) s = M;
            p = (2 * s) % (M + 1);
        }
        return ALPHABET.charAt((M + 1 - p) % M);
    }

    static boolean valid(String bodyWithCheck) {
        if (bodyWithCheck.isEmpty()) return false;
        int last = bodyWithCheck.length() - 1;
        return bodyWithCheck.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                && checkCharacter(bodyWithCheck.substring(0, last)) == bodyWithCheck.charAt(last);
    }

    private static int value(char c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) throw new IllegalArgumentException("not in the MOD 37,36 alphabet: " + c);
        return v;
    }
}
