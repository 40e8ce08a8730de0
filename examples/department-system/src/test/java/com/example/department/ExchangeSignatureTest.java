package com.example.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExchangeSignatureTest {

    private static final byte[] BODY = "{\"id\":\"0b6f\",\"data\":{\"QYMC\":\"上海某某旅馆有限公司\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private final ExchangeSignature signature = new ExchangeSignature("test-secret");

    @Test
    void signsTimestampDotRawBodyAsTheContractSays() {
        // computed independently: printf '%s' '1763775600.<body>' | openssl dgst -sha256 -hmac test-secret
        assertThat(signature.sign(1763775600L, BODY))
                .isEqualTo("sha256=254b54a9daf213e62fdc1ed09a96a1bebedc9459eb2f79b9279c69245a543ca5");
    }

    @Test
    void verifiesOnlyTheSameBodyTimestampAndSecret() {
        String header = signature.sign(1763775600L, BODY);
        assertThat(signature.verifies(header, 1763775600L, BODY)).isTrue();
        assertThat(signature.verifies(header, 1763775601L, BODY)).isFalse();
        assertThat(signature.verifies(header, 1763775600L, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new ExchangeSignature("other-secret").verifies(header, 1763775600L, BODY)).isFalse();
        assertThat(signature.verifies(header.substring("sha256=".length()), 1763775600L, BODY)).isFalse();
        assertThat(signature.verifies("sha256=not-hex", 1763775600L, BODY)).isFalse();
        assertThat(signature.verifies(null, 1763775600L, BODY)).isFalse();
    }
}
