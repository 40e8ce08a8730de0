package org.yiwang.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yiwang.TestTotp;

/** The pure rules of sign-in: password policy, the growing login delay, RFC 6238 codes. */
class IdentityRulesTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aPasswordNeedsTenCharactersIsNotCommonAndIsNotTheUsername() {
        assertThat(policy.check("lihua", "short123")).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("password-length"));
        assertThat(policy.check("lihua", "x".repeat(73))).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("password-length"));
        for (String common : new String[] {"1234567890", "qwerty123456", "Password123", "WOAINI1314",
                "5201314520", "1qaz2wsx3edc"}) {
            if (common.length() < PasswordPolicy.MIN) continue;
            assertThat(policy.check("lihua", common)).as(common)
                    .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("password-common"));
        }
        assertThat(policy.check("zhangsan.1990", "Zhangsan.1990")).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("password");
            assertThat(v.rule()).isEqualTo("password-username");
        });
        assertThat(policy.check("lihua", "correct-horse-battery")).isEmpty();
    }

    @Test
    void theDemoPasswordOfTheReadmePassesThePolicy() {
        assertThat(policy.check("admin", DemoAccounts.PASSWORD)).isEmpty();
    }

    @Test
    void theCommonPasswordListIsLargeAndSaysWhereItComesFrom() throws Exception {
        String list = new String(getClass().getResourceAsStream("/directory/common-passwords.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(list).contains("# Source:").contains("# Licence:");
        assertThat(list.lines().filter(l -> !l.startsWith("#")).count()).isGreaterThan(3000);
    }

    @Test
    void theLoginDelayStartsAfterFiveFailuresDoublesAndIsCapped() {
        Duration base = Duration.ofSeconds(30), cap = Duration.ofMinutes(15);
        assertThat(LoginAttempts.wait(4, 5, base, cap)).isEmpty();
        assertThat(LoginAttempts.wait(5, 5, base, cap)).contains(Duration.ofSeconds(30));
        assertThat(LoginAttempts.wait(6, 5, base, cap)).contains(Duration.ofSeconds(60));
        assertThat(LoginAttempts.wait(7, 5, base, cap)).contains(Duration.ofSeconds(120));
        assertThat(LoginAttempts.wait(50, 5, base, cap)).contains(cap);
    }

    /** RFC 6238 appendix B, SHA-1, truncated to 6 digits (the last six of the 8-digit vectors). */
    @Test
    void totpCodesAreThoseOfRfc6238() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(key, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(key, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(key, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void aCodeIsAcceptedOneStepAroundNowButNotTwo() {
        String secret = Totp.newSecret(new java.security.SecureRandom());
        Instant now = Instant.parse("2026-03-01T02:00:10Z");
        long step = Totp.step(now);
        assertThat(TestTotp.code(secret, step)).isEqualTo(Totp.code(secret, step)); // same as an app computes
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12a456", now)).isEmpty();
        assertThat(Totp.uri("yiwang", "admin", secret)).startsWith("otpauth://totp/yiwang%3Aadmin?secret=" + secret);
        assertThat(Optional.ofNullable(LoginController.qrPng("otpauth://totp/x"))).isPresent();
    }
}
