package org.articula.lots.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.articula.platform.replay.ReadModel;

/** What {@link ContractsEventHandler} writes, rebuilt by POST /api/v1/read-model/rebuilds. */
@ApplicationScoped
public class ContractsReadModel implements ReadModel {

    @Override
    public List<Table> tables() {
        // changed_xid is the transaction that last changed the row, for the centres' roster download: a rebuild
        // leaves it, and a row the rebuild changes gets the rebuild's (the trigger), so devices fetch it again.
        return List.of(Table.of("producer_ref", "changed_xid"), Table.of("agreement_terms", "changed_xid"),
                Table.of("certification_ref"), Table.of("parcel_ref"));
    }
}
