package org.yaqaza.liaison.audit;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Every request of a partner system (REST partner API and TAXII) leaves an audit event naming the partner,
 * the method, path and outcome, whatever the resource did itself (unless the resource already wrote it in its own
 * transaction: {@link PartnerRequestAudit}).
 */
@ApplicationScoped
public class PartnerAuditFilter {

    private static final Logger LOG = Logger.getLogger(PartnerAuditFilter.class);
    static final Set<String> PREFIXES = Set.of("/api/liaison/partner", "/taxii2");

    private final AuditTrail audit;
    private final CurrentCaller currentCaller;
    private final PartnerRequestAudit recorded;

    public PartnerAuditFilter(AuditTrail audit, CurrentCaller currentCaller, PartnerRequestAudit recorded) {
        this.audit = audit;
        this.currentCaller = currentCaller;
        this.recorded = recorded;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (PREFIXES.stream().noneMatch(path::startsWith) || recorded.recorded()) {
            return;
        }
        Caller caller;
        try {
            caller = currentCaller.get();
        } catch (RuntimeException anonymous) {
            return;
        }
        if (!caller.hasRole(Role.PARTNER)) {
            return;
        }
        AuditActor actor = AuditActor.of(caller);
        String detail = PartnerRequestAudit.detail(request.getMethod(), path, response.getStatus());
        String requestId = RequestIds.current();
        Runnable write = () -> {
            try {
                audit.record(actor, PartnerRequestAudit.ACTION, PartnerRequestAudit.OBJECT_TYPE, requestId, null,
                        detail);
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not audit partner request %s", detail);
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(write);
        }
    }
}
