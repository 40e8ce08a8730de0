package org.yiwang.exchange.internal;

/**
 * A send that did not take effect. {@code permanent}: retrying cannot help until someone fixes the cause (the
 * mapping, the subscription), so the delivery goes straight to the dead letters. The message never holds values.
 */
class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    DeliveryFailure(String message, Throwable cause) {
        super(message + ": " + describe(cause), null, false, false);
        this.permanent = false;
    }

    private static String describe(Throwable cause) {
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    boolean permanent() {
        return permanent;
    }
}
