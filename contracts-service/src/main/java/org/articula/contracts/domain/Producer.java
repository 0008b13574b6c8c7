package org.articula.contracts.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A producing family or person, registered by an organisation, optionally in one of its groups. */
@Entity
@Table(name = "producer")
public class Producer {

    @Id
    public UUID id;

    public UUID organisationId;

    public UUID groupId;

    @Embedded
    public NationalId nationalId;

    public String name;

    public String district;

    public String region;

    public String phone;

    /** Whether the producer asked to be told of verdicts, settlements and payments by text message. */
    public boolean noticesOptIn;

    @Enumerated(EnumType.STRING)
    public NoticeChannel noticeChannel;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    /** Notices on only when asked for ({@code optIn} true); a producer who opts in without a channel gets SMS. */
    public void preferNotices(Boolean optIn, NoticeChannel channel) {
        noticesOptIn = Boolean.TRUE.equals(optIn);
        noticeChannel = noticesOptIn && channel == null ? NoticeChannel.SMS : channel;
    }
}
