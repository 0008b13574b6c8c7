package org.articula.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: the user (subject), the organisation they act for
 * (claim {@code org}, or {@code articula.security.organisation-claim}), their roles ({@code groups})
 * and, for a producer, which producer they are (claim {@code producer}). Another organisation's
 * resources are answered as not found, so their ids do not reveal that they exist.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;
    @Inject
    ClaimNames claims;

    private UUID organisation;

    /** The token's name (upn, else preferred_username, else subject): what the audit trail and records show. */
    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }

    /** The organisation the user acts for; a token without one is refused (403). */
    public UUID organisationId() {
        if (organisation == null) { // read once per request: a custom claim is a slow lookup in smallrye-jwt
            organisation = uuidClaim(claims.organisation).orElseThrow(() -> ProblemException.forbidden(
                    "El token no indica la organización (claim '" + claims.organisation + "')"));
        }
        return organisation;
    }

    /** The producer a producer-role user is, if the token says so. */
    public Optional<UUID> producerId() {
        return uuidClaim(claims.producer);
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** A producer and nothing else: sees only their own lots and statements. */
    public boolean isOnlyProducer() {
        return hasRole(Roles.PRODUCER) && token.getGroups().size() == 1;
    }

    /** Whether the user acts for this organisation. */
    public boolean actsFor(UUID organisationId) {
        return organisationId != null && organisationId.equals(organisationId());
    }

    /**
     * Refuses, as "not found", anything of another organisation: {@code what} and {@code id} name the
     * resource asked for (e.g. "Organización" and the id in the URL or body).
     */
    public void requireOrganisation(UUID organisationId, String what, Object id) {
        if (!actsFor(organisationId)) {
            throw ProblemException.notFound(what, id);
        }
    }

    /**
     * The organisation a request is about: the one given, or the caller's own when none is. Another
     * organisation's is "not found", as one that does not exist (decision 0022).
     */
    public UUID organisationOrOwn(UUID given) {
        UUID organisation = given == null ? organisationId() : given;
        requireOrganisation(organisation, "Organización", organisation);
        return organisation;
    }

    /**
     * The producer a request is about: the one given, or the caller's own when none is (then required of
     * staff, who have none). A producer-only user asking for another producer's is "not found".
     */
    public UUID producerOrOwn(UUID given) {
        UUID producer = given != null
                ? given
                : producerId().orElseThrow(() -> ProblemException.invalidField("producerId", "es obligatorio"));
        requireProducerOrStaff(producer, "Productor", producer);
        return producer;
    }

    /** A producer-only user asking for another producer's data gets "not found"; staff pass. */
    public void requireProducerOrStaff(UUID producerId, String what, Object id) {
        if (isOnlyProducer() && !producerId().map(producerId::equals).orElse(false)) {
            throw ProblemException.notFound(what, id);
        }
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
