package com.example.department;

import org.springframework.http.HttpStatus;

/**
 * A request this system will not act on, rendered as {@code application/problem+json} naming the field and the
 * rule it broke. Thrown before anything is written.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String field;
    private final String rule;

    public Refusal(HttpStatus status, String field, String rule, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
