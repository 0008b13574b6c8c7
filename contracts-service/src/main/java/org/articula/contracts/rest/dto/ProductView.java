package org.articula.contracts.rest.dto;

import java.util.UUID;

/** @param organisationId absent for the common catalogue */
public record ProductView(String code, String name, String unit, UUID organisationId) {
}
