package org.yaqaza.liaison.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.yaqaza.liaison.service.PartnerReport;
import org.yaqaza.liaison.service.ReportDelivery;

/** Partner reports created in the intelligence-service with this service's own token (the OIDC client filter). */
@ApplicationScoped
public class IntelligenceReports implements ReportDelivery {

    private final IntelligenceServiceClient intelligence;

    public IntelligenceReports(@RestClient IntelligenceServiceClient intelligence) {
        this.intelligence = intelligence;
    }

    @Override
    public UUID deliver(String idempotencyKey, PartnerReport report) throws Rejected, NotDelivered {
        try {
            CreatedReport created = intelligence.createReport(idempotencyKey, report);
            return created == null ? null : created.id();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 400 || status == 422) {
                throw new Rejected(status);
            }
            throw new NotDelivered("answered " + status, e);
        } catch (RuntimeException e) {
            // unreachable, a timeout, or no token from the gateway yet (the OIDC client's failure surfaces here)
            throw new NotDelivered(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
