package org.articula.contracts.service;

/** Result of an idempotent create: the stored thing, and whether this call created it. */
public record Created<T>(T value, boolean isNew) {
}
