package org.articula.platform.replay;

import java.util.List;
import java.util.Set;

/**
 * The tables a service keeps of other services' data, written only by its
 * {@link org.articula.platform.inbox.EventHandler}: what {@link ReadModelRebuild} rebuilds from the topics. A
 * consuming service declares them as a CDI bean.
 */
public interface ReadModel {

    /**
     * Every table the event handler writes, each before the tables whose foreign keys refer to it. A table the
     * handler writes but that is missing here would be written in place during a rebuild, so none may be left
     * out.
     */
    List<Table> tables();

    /**
     * @param name       the table, unqualified
     * @param ownColumns columns the service itself writes (not the events), which a rebuild leaves as they are:
     *                   e.g. what a closed settlement paid for a lot, or the transaction that last changed a row
     */
    record Table(String name, Set<String> ownColumns) {

        public static Table of(String name, String... ownColumns) {
            return new Table(name, Set.of(ownColumns));
        }
    }
}
