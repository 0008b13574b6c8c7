package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.articula.contracts.domain.CounterpartyType;

/** The selling side: a producer id, or a producer group id whose members the agreement covers. */
public record CounterpartyRef(@NotNull CounterpartyType type, @NotNull UUID id) {
}
