package org.yiwang.kernel;

/** How personal data is shown when policy does not allow it in clear. */
public final class Masking {

    private Masking() {}

    /** {@code 310104199001011234} → {@code 3101**********1234}. */
    public static String citizenId(String id) {
        if (id == null || id.length() < 8) return "****";
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) return "****";
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** {@code 张三丰} → {@code 张**}. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) return "*";
        return name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }

    /** Anything else: keep the first and last quarter. */
    public static String generic(String value) {
        if (value == null || value.length() < 4) return "****";
        int keep = value.length() / 4;
        return value.substring(0, keep) + "*".repeat(value.length() - 2 * keep) + value.substring(value.length() - keep);
    }
}
