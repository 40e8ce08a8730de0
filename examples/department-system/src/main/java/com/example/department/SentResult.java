package com.example.department;

import java.time.Instant;

/**
 * A result as sent to yiwang, with yiwang's answer.
 *
 * @param httpStatus yiwang's HTTP status, or {@code null} when yiwang could not be reached
 * @param answer     yiwang's answer body, or why it could not be reached
 */
public record SentResult(String resultId, String key, String partId, String status, String reason, String sent,
        Instant sentAt, Integer httpStatus, String answer) {

    public boolean accepted() {
        return httpStatus != null && httpStatus / 100 == 2;
    }
}
