package org.articula.contracts.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.rest.dto.OrganisationView;
import org.articula.contracts.rest.dto.ProducerView;

/** Entities to API views and event payloads; the only place that knows both shapes. */
public final class ContractsMapper {

    private ContractsMapper() {
    }

    public static OrganisationView view(Organisation o) {
        return new OrganisationView(o.id, o.name, o.kind, o.ruc, o.parentId, o.district, o.region, o.createdAt,
                o.version);
    }

    public static ProducerView view(Producer p) {
        return new ProducerView(p.id, p.organisationId, p.groupId, p.nationalId.type().name(),
                p.nationalId.number(), p.name, p.district, p.region, p.phone, p.createdAt, p.updatedAt, p.version);
    }

    /** Payload of ProducerRegistered / ProducerUpdated: everything another service keeps about a producer. */
    public static Map<String, Object> eventPayload(Producer p) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("producerId", p.id);
        payload.put("organisationId", p.organisationId);
        payload.put("groupId", p.groupId);
        payload.put("nationalIdType", p.nationalId.type().name());
        payload.put("nationalId", p.nationalId.number());
        payload.put("name", p.name);
        payload.put("district", p.district);
        payload.put("region", p.region);
        payload.put("phone", p.phone);
        payload.put("version", p.version);
        return payload;
    }
}
