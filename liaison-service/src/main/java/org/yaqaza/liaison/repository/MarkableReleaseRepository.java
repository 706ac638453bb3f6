package org.yaqaza.liaison.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.liaison.model.Release;

/**
 * Releases as the marking-request machinery loads them to change their marking. A released version is what the
 * partners received, marking included (the database refuses any change to it): asking for, or deciding, a new
 * marking of it is a 409 naming the correction route instead of a failed write.
 */
@ApplicationScoped
public class MarkableReleaseRepository implements VisibleRepository<Release> {

    @Override
    public Optional<Release> findVisibleForUpdate(Caller caller, UUID id) {
        Optional<Release> release = VisibleRepository.super.findVisibleForUpdate(caller, id);
        release.filter(r -> r.status.released()).ifPresent(r -> {
            throw ProblemException.conflict("Release released", "A released version keeps the marking it went out"
                    + " with; issue a correction (POST /api/liaison/releases/{id}/corrections) instead.");
        });
        return release;
    }
}
