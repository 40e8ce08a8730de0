package org.yiwang.licenses.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-license identifier per GB/T 36904: {@code 1.2.156.3005.2.{type}.{issuer}.{serial}.{version}.{check}}.
 * Here {type} is the license type's number code (e.g. {@code 202}), {issuer} the issuing department's code without
 * the hyphen ({@code 310104WJW}), {serial} eight digits, {version} three digits, and {check} the ISO 7064 MOD 37,36
 * check character over the whole identifier before it with the dots removed.
 */
record LicenseId(String type, String issuer, long serial, int version) {

    static final String ROOT = "1.2.156.3005.2";
    private static final Pattern FORM = Pattern.compile(
            Pattern.quote(ROOT) + "\\.([0-9]{1,6})\\.([0-9A-Z]{1,40})\\.([0-9]{8,12})\\.([0-9]{3})\\.([0-9A-Z])");

    static String issuerToken(String departmentCode) {
        return departmentCode.replace("-", "").toUpperCase();
    }

    String value() {
        String body = ROOT + "." + type + "." + issuer + "." + "%08d".formatted(serial) + "." + "%03d".formatted(version);
        return body + "." + Mod3736.checkCharacter(body.replace(".", ""));
    }

    LicenseId next() {
        return new LicenseId(type, issuer, serial, version + 1);
    }

    /** What a typed or scanned identifier turned out to be. */
    sealed interface Parsed {}

    /** Not of the GB/T 36904 form at all. */
    record Malformed() implements Parsed {}

    /** Well formed, but the check character does not match: typed wrongly or made up. */
    record WrongCheck() implements Parsed {}

    record Ok(LicenseId id, String value) implements Parsed {}

    static Parsed parse(String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase();
        Matcher m = FORM.matcher(s);
        if (!m.matches()) return new Malformed();
        String body = s.substring(0, s.length() - 2).replace(".", "");
        if (Mod3736.checkCharacter(body) != m.group(5).charAt(0)) return new WrongCheck();
        return new Ok(new LicenseId(m.group(1), m.group(2), Long.parseLong(m.group(3)), Integer.parseInt(m.group(4))), s);
    }

    /** The identifier normalised (trimmed, upper case) when it is well formed with a matching check character. */
    static Optional<String> normalise(String raw) {
        return parse(raw) instanceof Ok ok ? Optional.of(ok.value()) : Optional.empty();
    }
}
