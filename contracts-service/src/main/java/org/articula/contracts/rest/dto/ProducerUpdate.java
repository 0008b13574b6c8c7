package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.articula.contracts.domain.NoticeChannel;

/**
 * The national id is not changed here: a different id is a different person.
 *
 * @param version the version the client read; a stale one is refused (someone else changed it)
 * @param noticesOptIn  as in {@link ProducerRequest}; absent or null: unchanged (a form that does not show it
 *                      does not turn notices off); while opted in, {@code phone} must stay a Peruvian mobile
 * @param noticeChannel as in {@link ProducerRequest}; absent or null: unchanged
 */
public record ProducerUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String district,
        @Size(max = 100) String region,
        @Pattern(regexp = "\\+?\\d{6,15}", message = "teléfono: solo dígitos, 6 a 15, con + opcional") String phone,
        UUID groupId,
        @NotNull Long version,
        Boolean noticesOptIn,
        NoticeChannel noticeChannel) {
}
