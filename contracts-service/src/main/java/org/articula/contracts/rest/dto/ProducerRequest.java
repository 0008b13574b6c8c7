package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.articula.contracts.domain.NoticeChannel;

/**
 * @param id         chosen by the client (e.g. generated on the device), so a retry never duplicates
 * @param nationalId DNI (8 digits) or RUC (11 digits, valid check digit)
 * @param groupId    the producer group ("red") of the organisation the producer belongs to, if any
 * @param noticesOptIn  true when the producer asked for notices by text message (then {@code phone} must be
 *                      a Peruvian mobile {@code +519xxxxxxxx}); absent or null: false
 * @param noticeChannel SMS (when absent) or WHATSAPP
 */
public record ProducerRequest(
        @NotNull UUID id,
        @NotBlank String nationalId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String district,
        @Size(max = 100) String region,
        @Pattern(regexp = "\\+?\\d{6,15}", message = "teléfono: solo dígitos, 6 a 15, con + opcional") String phone,
        UUID groupId,
        Boolean noticesOptIn,
        NoticeChannel noticeChannel) {
}
