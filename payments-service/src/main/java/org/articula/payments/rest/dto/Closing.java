package org.articula.payments.rest.dto;

/** Closing takes nothing but the token that says who closes. */
public record Closing() {
}
