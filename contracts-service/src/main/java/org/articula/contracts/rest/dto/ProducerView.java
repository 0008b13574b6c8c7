package org.articula.contracts.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.articula.contracts.domain.NoticeChannel;

public record ProducerView(UUID id, UUID organisationId, UUID groupId, String nationalIdType,
        String nationalId, String name, String district, String region, String phone, boolean noticesOptIn,
        NoticeChannel noticeChannel, Instant createdAt,
        Instant updatedAt, long version) {
}
