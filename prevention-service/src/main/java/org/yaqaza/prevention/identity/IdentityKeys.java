package org.yaqaza.prevention.identity;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import org.yaqaza.prevention.config.PreventionConfig;

import io.quarkus.runtime.StartupEvent;

/** Builds the identity cipher from configuration and refuses to start when the key does not match the data. */
@ApplicationScoped
public class IdentityKeys {

    @Produces
    @Singleton
    IdentityCipher cipher(PreventionConfig config) {
        return new IdentityCipher(config.identityKeyId(), config.identityKey(), config.previousIdentityKeys());
    }

    void checkAtStartup(@Observes StartupEvent start, DataSource dataSource, IdentityCipher cipher, Clock clock) {
        IdentityKeyCheck.verify(dataSource, cipher, clock.instant());
    }
}
