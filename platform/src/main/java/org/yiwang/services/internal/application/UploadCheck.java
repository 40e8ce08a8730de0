package org.yiwang.services.internal.application;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yiwang.kernel.InvalidInputException.Violation;

/**
 * What an uploaded material must be: not empty, at most {@link #MAX_BYTES}, a plain file name (no path, no control
 * characters) and really a PDF, JPEG or PNG — told by its first bytes, not by its name or the browser's word — whose
 * extension matches what it is. The stored content type is the detected one.
 */
final class UploadCheck {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_NAME = 120;

    enum Kind {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "png");

        final String contentType;
        private final byte[] magic;
        private final List<String> extensions;

        Kind(String contentType, byte[] magic, String... extensions) {
            this.contentType = contentType;
            this.magic = magic;
            this.extensions = List.of(extensions);
        }

        boolean matches(byte[] content) {
            return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
        }
    }

    private UploadCheck() {}

    /** The kind the content really is, by its magic bytes. */
    static Optional<Kind> detect(byte[] content) {
        if (content == null) return Optional.empty();
        return Arrays.stream(Kind.values()).filter(k -> k.matches(content)).findFirst();
    }

    /** Why the upload is refused (its rule and text in {@code problem.upload-*}), or empty when it is fine. */
    static Optional<Violation> problem(String field, String fileName, byte[] content) {
        if (content == null || content.length == 0) return Optional.of(Violation.of(field, "upload-empty"));
        if (content.length > MAX_BYTES) return Optional.of(Violation.of(field, "upload-size", MAX_BYTES / 1024 / 1024));
        if (!safeName(fileName)) return Optional.of(Violation.of(field, "upload-name"));
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Optional<Kind> kind = detect(content);
        if (kind.isEmpty()) return Optional.of(Violation.of(field, "upload-type"));
        if (!kind.get().extensions.contains(ext)) return Optional.of(Violation.of(field, "upload-extension", ext));
        return Optional.empty();
    }

    /** A name, not a path: no separators, no "..", no control or bidi-override characters, not too long. */
    static boolean safeName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) return false;
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")) return false;
        return name.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == ':' || c == '"' || c == '<' || c == '>'
                || c == '|' || c == '*' || c == '?');
    }

    static String contentType(byte[] content) {
        return detect(content).map(k -> k.contentType).orElse("application/octet-stream");
    }
}
