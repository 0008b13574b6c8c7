package org.articula.payments.delivery;

/**
 * What a sender made of one message: sent (with the provider's message id), or not, to be tried again later,
 * or refused for good (the provider will never take it, e.g. a number it does not serve). The error never
 * carries the number or the text.
 */
public record SendResult(boolean sent, String providerId, String error, boolean permanent) {

    public static SendResult sent(String providerId) {
        return new SendResult(true, providerId, null, false);
    }

    public static SendResult tryAgain(String error) {
        return new SendResult(false, null, error, false);
    }

    public static SendResult refused(String error) {
        return new SendResult(false, null, error, true);
    }
}
