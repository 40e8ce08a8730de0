package org.yiwang.directory.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.InvalidInputException.Violation;

/**
 * Which passwords may be set: {@value #MIN}–{@value #MAX} characters (bcrypt reads 72 bytes), not one of the
 * common passwords in {@code directory/common-passwords.txt} and not the username, both ignoring case.
 */
@Component
class PasswordPolicy {

    static final int MIN = 10;
    static final int MAX = 72;

    private final Set<String> common;

    PasswordPolicy() {
        this(load());
    }

    PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The rule the password breaks, if any, as a violation of the field {@code password}. */
    Optional<Violation> check(String username, String password) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            return Optional.of(Violation.of("password", "password-length", MIN, MAX));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Violation.of("password", "password-username"));
        }
        if (common.contains(lower)) {
            return Optional.of(Violation.of("password", "password-common"));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("directory/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
