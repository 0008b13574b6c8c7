package org.articula.lots.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.articula.lots.domain.Reading;

/**
 * The counter-sample's re-test: judged by the clause version that judged the lot.
 *
 * @param testedBy the person or laboratory that tested it, e.g. "Laboratorio de la UNT"
 * @param readings every reading of the re-test, as a lot's
 * @param testedAt when it was tested: not in the future nor before the delivery
 */
public record RetestRequest(
        @NotBlank @Size(max = 200) String testedBy,
        @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid Reading> readings,
        @NotNull Instant testedAt) {
}
