package org.articula.payments.service;

/** What an idempotent create returns: the stored value and whether this request stored it. */
public record Created<T>(T value, boolean isNew) {
}
