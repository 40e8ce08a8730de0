package org.yiwang.kernel;

import cn.hutool.core.util.CreditCodeUtil;

/**
 * A unified social credit code (统一社会信用代码, GB 32100): 18 characters with a MOD 31 check character.
 * Legacy codes with a failing check character are accepted only through {@link #parseLenient}, which callers
 * report as a warning (bulk imports of old registers).
 */
public record CreditCode(String value) {

    public CreditCode {
        if (value == null || !CreditCodeUtil.isCreditCodeSimple(value)) {
            throw formatError("creditCode");
        }
    }

    public static CreditCode parse(String field, String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase();
        if (!CreditCodeUtil.isCreditCodeSimple(s)) {
            throw formatError(field);
        }
        if (!CreditCodeUtil.isCreditCode(s)) {
            throw InvalidInputException.of(field, "check-digit");
        }
        return new CreditCode(s);
    }

    public static CreditCode parse(String raw) {
        return parse("creditCode", raw);
    }

    /** For legacy registers: a well-formed code whose check character fails is kept, flagged by the caller. */
    public static CreditCode parseLenient(String field, String raw) {
        String s = raw == null ? "" : raw.strip().toUpperCase();
        if (!CreditCodeUtil.isCreditCodeSimple(s)) {
            throw formatError(field);
        }
        return new CreditCode(s);
    }

    /** Rule {@code format}, worded by {@code kernel.problem.credit-code-format} in the messages bundle. */
    private static InvalidInputException formatError(String field) {
        return new InvalidInputException(java.util.List.of(
                InvalidInputException.Violation.keyed(field, "format", "kernel.problem.credit-code-format")));
    }

    public boolean checkDigitValid() {
        return CreditCodeUtil.isCreditCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
