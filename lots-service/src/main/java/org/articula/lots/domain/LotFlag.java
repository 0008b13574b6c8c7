package org.articula.lots.domain;

/**
 * Something about a lot its buyer should know that does not change its verdict: e.g. CERTIFICATE_NOT_VALID, the
 * agreement requiring a certification the producer had no valid certificate of on the delivery day.
 *
 * @param detail what it means, in a sentence for the user
 */
public record LotFlag(String code, String detail) {

    public static final String CERTIFICATE_NOT_VALID = "CERTIFICATE_NOT_VALID";
}
