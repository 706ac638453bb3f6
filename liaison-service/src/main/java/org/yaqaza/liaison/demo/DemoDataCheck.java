package org.yaqaza.liaison.demo;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/demo}: UP once the demo data is complete (or when there is none to seed), DOWN with what it
 * waits for. The launcher waits for it after creating the gateway's demo clients, so a suite it reports as started
 * already shows the demo partner its releases. Not a readiness check: the service serves before its demo data exists.
 */
@HealthGroup("demo")
@ApplicationScoped
public class DemoDataCheck implements HealthCheck {

    private final DemoSeeder seeder;

    public DemoDataCheck(DemoSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("demo-data").status(seeder.done()).withData("state", seeder.state()).build();
    }
}
