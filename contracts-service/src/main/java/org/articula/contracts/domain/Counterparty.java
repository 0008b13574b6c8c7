package org.articula.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** The selling side of an agreement: a producer, or a producer group whose members it covers. */
@Embeddable
public class Counterparty {

    @Enumerated(EnumType.STRING)
    @Column(name = "counterparty_type")
    public CounterpartyType type;

    public UUID producerId;

    public UUID groupId;

    public static Counterparty producer(UUID producerId) {
        Counterparty c = new Counterparty();
        c.type = CounterpartyType.PRODUCER;
        c.producerId = producerId;
        return c;
    }

    public static Counterparty group(UUID groupId) {
        Counterparty c = new Counterparty();
        c.type = CounterpartyType.PRODUCER_GROUP;
        c.groupId = groupId;
        return c;
    }

    public UUID id() {
        return type == CounterpartyType.PRODUCER ? producerId : groupId;
    }

    /** Whether a producer in the given group (or none) sells under this counterparty. */
    public boolean covers(UUID producer, UUID producersGroup) {
        return type == CounterpartyType.PRODUCER ? producerId.equals(producer) : groupId.equals(producersGroup);
    }
}
