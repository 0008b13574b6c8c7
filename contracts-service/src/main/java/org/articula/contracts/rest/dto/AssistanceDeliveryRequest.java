package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.AssistanceKind;

/**
 * A visit, training, veterinary or insemination service the buyer delivered under the agreement. Whether it is
 * charged to the producers is not asked: the agreement's assistance clause in force on {@code deliveredOn} says.
 *
 * @param id          chosen by the client; the same delivery sent twice is stored once
 * @param deliveredBy who gave it (the veterinarian, the technician)
 * @param cost        what it cost, in soles with céntimos at most; split among the producers when charged
 * @param producerIds the producers served; left out or empty, the whole network of the agreement
 */
public record AssistanceDeliveryRequest(
        @NotNull UUID id,
        @NotNull AssistanceKind kind,
        @NotNull LocalDate deliveredOn,
        @NotBlank @Size(max = 200) String deliveredBy,
        @Size(max = 500) String description,
        @NotNull @DecimalMin(value = "0", message = "no puede ser negativo") @Digits(integer = 10,
                fraction = 2) BigDecimal cost,
        @Size(max = 500) List<@NotNull UUID> producerIds) {
}
