package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * Builds contracts-service's ProducerRegistered and ProducerUpdated: a producer of Laredo with a made-up DNI unless
 * given a DNI or RUC.
 */
public final class ProducerEvents {

    private UUID id = UUID.randomUUID();
    private UUID organisation;
    private UUID group;
    private String name = "Rosa Quispe Huamán";
    private String nationalId;
    private String phone;
    private boolean noticesOptIn;
    private String noticeChannel;

    ProducerEvents() {
    }

    public ProducerEvents id(UUID id) {
        this.id = id;
        return this;
    }

    public ProducerEvents organisation(UUID organisation) {
        this.organisation = organisation;
        return this;
    }

    /** The producer group (network) the producer belongs to; none by default. */
    public ProducerEvents group(UUID group) {
        this.group = group;
        return this;
    }

    public ProducerEvents name(String name) {
        this.name = name;
        return this;
    }

    /**
     * The producer's DNI (8 digits) or RUC (11 digits: 10, 15 or 17 for a person, 20 for a company); by default a
     * DNI made up from the id ({@link UpstreamEvents#nationalId}).
     */
    public ProducerEvents nationalId(String nationalId) {
        this.nationalId = nationalId;
        return this;
    }

    /** The contact phone, without notices (none by default). */
    public ProducerEvents phone(String phone) {
        this.phone = phone;
        return this;
    }

    /** Opted in to notices at {@code phone} (e.g. "+51987654321") by {@code channel}: SMS or WHATSAPP. */
    public ProducerEvents notices(String phone, String channel) {
        this.phone = phone;
        this.noticesOptIn = true;
        this.noticeChannel = channel;
        return this;
    }

    /** Notices turned off again, the phone and channel kept. */
    public ProducerEvents noNotices() {
        this.noticesOptIn = false;
        return this;
    }

    /** ProducerRegistered: version 0. */
    public UpstreamEvent registered() {
        return event(0);
    }

    /** ProducerUpdated carrying the producer at {@code version} (1 after the first change). */
    public UpstreamEvent updated(long version) {
        return event(version);
    }

    private UpstreamEvent event(long version) {
        UUID org = UpstreamEvents.required(organisation, "organisation");
        ObjectNode p = UpstreamEvents.object();
        p.put("producerId", id.toString());
        p.put("organisationId", org.toString());
        p.put("groupId", group == null ? null : group.toString());
        String document = nationalId == null ? UpstreamEvents.nationalId(id) : nationalId;
        p.put("nationalIdType", document.length() == 8 ? "DNI" : "RUC");
        p.put("nationalId", document);
        p.put("name", name);
        p.put("district", "Laredo");
        p.putNull("region");
        p.put("phone", phone);
        p.put("noticesOptIn", noticesOptIn);
        p.put("noticeChannel", noticeChannel);
        p.put("version", version);
        return UpstreamEvents.envelope(version == 0 ? "ProducerRegistered" : "ProducerUpdated", "Producer",
                id.toString(), org, UpstreamEvents.AT.plusSeconds(version), p, UpstreamEvents.CONTRACTS,
                "contracts.events", id.toString());
    }
}
