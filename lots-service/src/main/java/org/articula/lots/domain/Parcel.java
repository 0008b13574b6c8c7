package org.articula.lots.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;

/**
 * A producer's plot of cacao or coffee as lots-service knows it from ParcelRegistered, for the EUDR due diligence
 * of the shipments its lots go into. The geometry is the GeoJSON received, as text: its coordinates keep the
 * decimals they were written with.
 */
@Entity
@Table(name = "parcel_ref")
public class Parcel {

    @Id
    public UUID id;

    public UUID organisationId;

    public UUID producerId;

    public String name;

    public String product;

    public String geometry;

    public BigDecimal declaredAreaHectares;

    /** Measured on the WGS84 ellipsoid for a polygon; null for a point. */
    public BigDecimal computedAreaHectares;

    public boolean deforestationFreeSince2020;

    public LocalDate deforestationCutOffDate;

    /**
     * Why a lot of this producer and product cannot name this parcel ({@code parcel} null: unknown to lots-service);
     * null when it can. Another producer's parcel is answered as unknown, so the refusal does not confirm it exists.
     */
    public static Violation refusal(Parcel parcel, UUID parcelId, UUID producerId, String product) {
        if (parcel == null || !parcel.producerId.equals(producerId)) {
            return new Violation("parcelId", "la parcela " + parcelId + " no es una parcela registrada del productor");
        }
        if (!parcel.product.equals(product)) {
            return new Violation("parcelId", "la parcela " + parcelId + " es de " + parcel.product
                    + ", el lote es de " + product);
        }
        return null;
    }
}
