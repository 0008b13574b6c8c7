package org.articula.payments.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.articula.platform.replay.ReadModel;

/** What {@link UpstreamEventHandler} writes, rebuilt by POST /api/v1/read-model/rebuilds. */
@ApplicationScoped
public class UpstreamReadModel implements ReadModel {

    @Override
    public List<Table> tables() {
        return List.of(Table.of("organisation_ref"), Table.of("producer_ref"), Table.of("agreement_ref"),
                Table.of("terms_version"), Table.of("price_adjustment"), Table.of("volume_tier"),
                Table.of("incentive_rule"), Table.of("quality_limit"),
                Table.of("assistance_promise"), Table.of("assistance_delivered"),
                // What closed settlements paid for a lot is payments-service's own record, not the events'.
                Table.of("lot_ref", "settled_revision", "settled_amount"));
    }
}
