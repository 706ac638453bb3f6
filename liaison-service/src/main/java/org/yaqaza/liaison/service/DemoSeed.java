package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.config.DemoConfig;
import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Agreement;
import org.yaqaza.liaison.model.AgreementStatus;
import org.yaqaza.liaison.model.Contact;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;

/**
 * Fictional demo partners (Spain's CNI, France's DGSI, Belgium's VSSE) with contacts, machine clients and
 * agreements, when {@code yaqaza.demo.seed=true} and no partner exists yet. Held by DGED (external
 * intelligence, the demo liaison officer's agency) and shared with DGST; an advisory lock keeps two starting
 * replicas from seeding twice.
 */
@ApplicationScoped
public class DemoSeed {

    /** The demo data set is written in one transaction, which may outlast the 60 s default on a busy machine. */
    private static final int DEMO_SEED_TIMEOUT_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(DemoSeed.class);
    private static final long SEED_LOCK = 0x4c494153L;

    private final DemoConfig config;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    public DemoSeed(DemoConfig config, EntityManager em, AuditTrail audit, Clock clock) {
        this.config = config;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed()) {
            int n = seed();
            if (n > 0) {
                LOG.infof("seeded %d demo partners", n);
            }
        }
    }

    @Transactional
    @TransactionConfiguration(timeout = DEMO_SEED_TIMEOUT_SECONDS)
    int seed() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        if (((Number) em.createNativeQuery("select count(*) from partner").getSingleResult()).longValue() > 0) {
            return 0;
        }
        partner("es-cni", "ES", "Centro Nacional de Inteligencia", List.of(
                new Contact("Javier Morales", "oficial de enlace", "enlace@cni.example", "+34 91 000 00 00")),
                Classification.SECRET, List.of("TERRORISM", "VIOLENT_EXTREMISM", "ORGANISED_CRIME",
                        "HUMAN_TRAFFICKING"));
        partner("fr-dgsi", "FR", "Direction générale de la sécurité intérieure", List.of(
                new Contact("Claire Martin", "officier de liaison", "liaison@dgsi.example", "+33 1 00 00 00 00")),
                Classification.SECRET, List.of("TERRORISM", "VIOLENT_EXTREMISM"));
        partner("be-vsse", "BE", "Veiligheid van de Staat / Sûreté de l'État", List.of(
                new Contact("Pieter Janssens", "liaison officer", "liaison@vsse.example", null)),
                Classification.CONFIDENTIAL, List.of("TERRORISM"));
        return 3;
    }

    private void partner(String code, String country, String name, List<Contact> contacts,
            Classification ceiling, List<String> categories) {
        Instant now = clock.instant();
        Partner p = new Partner();
        p.id = UUID.randomUUID();
        p.classification = Classification.CONFIDENTIAL;
        p.compartments = new String[0];
        p.ownerAgency = "DGED";
        p.sharedWith = new String[] { "DGST" };
        p.createdAt = now;
        p.createdBy = "system:demo-seed";
        p.code = code;
        p.country = country;
        p.serviceName = name;
        p.status = PartnerStatus.ACTIVE;
        p.updatedAt = now;
        p.contacts = new ArrayList<>(contacts);
        p.clientIds = new String[] { code };
        em.persist(p);
        Agreement a = new Agreement();
        a.id = UUID.randomUUID();
        a.partnerId = p.id;
        a.reference = "MoU " + country + "-MA 2024";
        a.ceiling = ceiling;
        a.categories = categories.toArray(String[]::new);
        a.validFrom = LocalDate.of(2024, 1, 1);
        a.validTo = LocalDate.of(2028, 12, 31);
        a.status = AgreementStatus.ACTIVE;
        a.createdAt = now;
        a.createdBy = "system:demo-seed";
        a.updatedAt = now;
        em.persist(a);
        audit.record(AuditActor.system("demo-seed"), "CREATE", PartnerService.OBJECT_TYPE, p.id, p.classification,
                "demo partner " + code);
    }
}
