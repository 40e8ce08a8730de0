package org.yiwang.catalog;

/**
 * The answer to "may this consumer use this element for this purpose?".
 *
 * @param allowed whether the value may be given
 * @param reason  a stable code: {@code SELF}, {@code DEMAND_LIST}, {@code RESPONSIBLE_DEPARTMENT},
 *                {@code NEGATIVE_LIST}, {@code NO_DEMAND_ENTRY}, {@code UNKNOWN_ELEMENT}, {@code OUT_OF_SCOPE}
 * @param detail  human-readable explanation (Chinese / English), e.g. which list entry decided it
 * @param clear   when allowed: whether a sensitive value may be shown unmasked
 */
public record SharingDecision(boolean allowed, String reason, String detail, boolean clear) {

    public static SharingDecision deny(String reason, String detail) {
        return new SharingDecision(false, reason, detail, false);
    }

    public static SharingDecision allow(String reason, String detail, boolean clear) {
        return new SharingDecision(true, reason, detail, clear);
    }
}
