package com.example.department;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Verifies that a delivery comes from yiwang for this connector, signed with its secret, and is fresh. */
@Component
class SignatureCheck {

    private final String connector;
    private final ExchangeSignature signature;
    private final Duration maxSkew;

    SignatureCheck(DepartmentProperties department) {
        this.connector = department.connector();
        this.signature = new ExchangeSignature(department.secret());
        this.maxSkew = department.maxSkew();
    }

    void verify(String connectorHeader, String timestampHeader, String signatureHeader, byte[] body) {
        if (!connector.equals(connectorHeader)) {
            throw unauthorized("X-Yiwang-Connector", "this-connector", "the delivery is not for connector " + connector);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("X-Yiwang-Timestamp", "epoch-seconds", "the timestamp is missing or not unix epoch seconds");
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > maxSkew.toSeconds()) {
            throw unauthorized("X-Yiwang-Timestamp", "max-skew",
                    "the timestamp is more than " + maxSkew.toSeconds() + " s away from now");
        }
        if (!signature.verifies(signatureHeader, timestamp, body)) {
            throw unauthorized("X-Yiwang-Signature", "hmac-sha256", "the signature does not match the body and timestamp");
        }
    }

    private static Refusal unauthorized(String field, String rule, String detail) {
        return new Refusal(HttpStatus.UNAUTHORIZED, field, rule, detail);
    }
}
