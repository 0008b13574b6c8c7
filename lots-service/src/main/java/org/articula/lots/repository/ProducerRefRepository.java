package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.articula.lots.domain.ProducerRef;

@ApplicationScoped
public class ProducerRefRepository implements PanacheRepositoryBase<ProducerRef, UUID> {
}
