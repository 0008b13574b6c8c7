package org.articula.platform.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A resource that fails in every way a real one can, to pin the problem+json answers. */
@Path("/problem-test")
public class ProblemTestResource {

    enum Shift {
        MORNING,
        AFTERNOON
    }

    public record Reading(@NotBlank String parameter, @NotNull @DecimalMin("0") BigDecimal value) {
    }

    public record LotRequest(@NotNull UUID id, @NotNull @Positive BigDecimal quantity, LocalDate deliveredOn,
            @NotEmpty List<@Valid Reading> readings) {
    }

    @POST
    @Path("/lots")
    public LotRequest create(@Valid @NotNull LotRequest request) {
        return request;
    }

    @GET
    @Path("/lots/{id}")
    public LotRequest find(@PathParam("id") UUID id) {
        throw ProblemException.notFound("Lote", id);
    }

    @GET
    @Path("/lots")
    public List<LotRequest> list(@QueryParam("size") @Max(100) int size, @QueryParam("reference") String reference,
            @QueryParam("centreId") UUID centreId, @QueryParam("day") LocalDate day,
            @QueryParam("shift") Shift shift, @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("tolerance") BigDecimal tolerance) {
        return List.of();
    }

    @POST
    @Path("/conflict")
    public void conflict() {
        throw ProblemException.conflict("El acuerdo ya está ACTIVO");
    }

    @GET
    @Path("/stale")
    public void stale() {
        throw new OptimisticLockException("row was updated by another transaction");
    }

    @GET
    @Path("/duplicate")
    public void duplicate() {
        throw new org.hibernate.exception.ConstraintViolationException("duplicate key value violates unique constraint",
                new java.sql.SQLException("duplicate key", "23505"), "lot_pkey");
    }

    @GET
    @Path("/duplicate-at-commit")
    public void duplicateAtCommit() {
        throw new jakarta.persistence.PersistenceException(new org.hibernate.exception.ConstraintViolationException(
                "duplicate key value violates unique constraint", new java.sql.SQLException("duplicate key", "23505"),
                "lot_pkey"));
    }

    @GET
    @Path("/broken-check")
    public void brokenCheck() {
        throw new org.hibernate.exception.ConstraintViolationException("new row violates check constraint",
                new java.sql.SQLException("check", "23514"), "lot_quantity_check");
    }

    @GET
    @Path("/boom")
    public void boom() {
        throw new IllegalStateException("secret internal detail: password=hunter2");
    }
}
