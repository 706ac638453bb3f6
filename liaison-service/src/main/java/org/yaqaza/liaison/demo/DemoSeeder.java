package org.yaqaza.liaison.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.yaqaza.common.config.DemoConfig;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.ActorRequest;
import org.yaqaza.liaison.api.AgreementRequest;
import org.yaqaza.liaison.api.ContactRequest;
import org.yaqaza.liaison.api.CorrectionRequest;
import org.yaqaza.liaison.api.IndicatorRequest;
import org.yaqaza.liaison.api.PartnerRequest;
import org.yaqaza.liaison.api.ReleaseRequest;
import org.yaqaza.liaison.api.RfiAnswerRequest;
import org.yaqaza.liaison.api.RfiRequest;
import org.yaqaza.liaison.api.WarningRequest;
import org.yaqaza.liaison.model.AgreementStatus;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.Rfi;
import org.yaqaza.liaison.model.RfiStatus;
import org.yaqaza.liaison.model.StixExtras;
import org.yaqaza.liaison.model.Tlp;
import org.yaqaza.liaison.model.Warning;
import org.yaqaza.liaison.repository.PartnerRepository;
import org.yaqaza.liaison.repository.ReleaseRecipientRepository;
import org.yaqaza.liaison.repository.RfiRepository;
import org.yaqaza.liaison.service.AgreementService;
import org.yaqaza.liaison.service.PartnerService;
import org.yaqaza.liaison.service.Product;
import org.yaqaza.liaison.service.ProductSource;
import org.yaqaza.liaison.service.ReleaseService;
import org.yaqaza.liaison.service.RfiService;
import org.yaqaza.liaison.service.WarningService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The local suite's fictional liaison data, when {@code yaqaza.demo.seed=true}, written through the services as a
 * liaison officer and a partner system would (checks, markings and audit as in real use):
 * <ul>
 * <li>at startup, unless the demo partner exists: three partners (Spain's CNI, France's DGSI, Belgium's VSSE) with
 * contacts, machine clients and agreements, threat warnings to {@code es-cni} near their deadline, and two RFIs from
 * {@code es-cni} (French and Arabic);</li>
 * <li>once the intelligence-service lists products the demo liaison officer may see and this service has its token
 * (the gateway's clients are created after the services start), unless something was released to it: releases of
 * those products to {@code es-cni} with an intrusion set, a threat actor, indicators and their relationships, a
 * correction (a second version of the same STIX objects), and the answer to the French RFI. Tried every
 * {@code yaqaza.liaison.demo.releases-every} until done; {@link DemoDataCheck} tells when.</li>
 * </ul>
 * Everything is held by DGED (external intelligence, the demo liaison officer's agency) and shared with DGST. Each
 * part is one transaction under an advisory lock, so two starting replicas never seed twice and a failed attempt
 * leaves nothing half done.
 */
@ApplicationScoped
public class DemoSeeder {

    /** The demo data set is written in one transaction, which may outlast the 60 s default on a busy machine. */
    private static final int DEMO_SEED_TIMEOUT_SECONDS = 600;
    private static final long SEED_LOCK = 0x4c494153L;
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    /** The partner system of the demo (its gateway client has the same id). */
    public static final String DEMO_PARTNER = "es-cni";

    /** The demo's liaison officer as the seed acts: the agency, clearance and compartments of the demo user. */
    static final Caller OFFICER = new Caller("system:demo-seed", Set.of(Role.LIAISON_OFFICER), Classification.SECRET,
            new TreeSet<>(Set.of("CT-NORTH", "CT-SOUTH")), "DGED", null);
    /** The demo partner's system, as its gateway client would call (subject = client id). */
    static final Caller PARTNER_SYSTEM = new Caller(DEMO_PARTNER, Set.of(Role.PARTNER), Classification.UNCLASSIFIED,
            new TreeSet<>(), "ES-CNI", DEMO_PARTNER);

    private final DemoConfig config;
    private final EntityManager em;
    private final CurrentCaller currentCaller;
    private final PartnerService partners;
    private final AgreementService agreements;
    private final WarningService warnings;
    private final RfiService rfiService;
    private final RfiRepository rfis;
    private final ReleaseService releaseService;
    private final PartnerRepository partnerRepository;
    private final ReleaseRecipientRepository recipients;
    private final ProductSource products;
    private final Clock clock;
    private volatile String releasesState;
    private volatile boolean releasesDone;

    public DemoSeeder(DemoConfig config, EntityManager em, CurrentCaller currentCaller, PartnerService partners,
            AgreementService agreements, WarningService warnings, RfiService rfiService, RfiRepository rfis,
            ReleaseService releaseService, PartnerRepository partnerRepository, ReleaseRecipientRepository recipients,
            ProductSource products, Clock clock) {
        this.config = config;
        this.em = em;
        this.currentCaller = currentCaller;
        this.partners = partners;
        this.agreements = agreements;
        this.warnings = warnings;
        this.rfiService = rfiService;
        this.rfis = rfis;
        this.releaseService = releaseService;
        this.partnerRepository = partnerRepository;
        this.recipients = recipients;
        this.products = products;
        this.clock = clock;
        this.releasesState = config.seed() ? "not tried yet" : "demo data off";
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed() && seedDirectory()) {
            LOG.info("seeded the demo partners, warnings and RFIs");
        }
    }

    @Scheduled(identity = "demo-releases", every = "${yaqaza.liaison.demo.releases-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releasesWhenReady() {
        if (config.seed() && !releasesDone) {
            seedReleases();
        }
    }

    /** Whether the demo data is complete (always, when the demo is off), and what it waits for otherwise. */
    public boolean done() {
        return !config.seed() || releasesDone;
    }

    public String state() {
        return releasesState;
    }

    /** Partners, agreements, warnings and RFIs, unless the demo partner exists. Returns whether it seeded. */
    @ActivateRequestContext
    public boolean seedDirectory() {
        return QuarkusTransaction.requiringNew().timeout(DEMO_SEED_TIMEOUT_SECONDS).call(() -> {
            lock();
            if (partnerRepository.codeTaken(DEMO_PARTNER)) {
                return false;
            }
            seedPartners();
            seedWarnings();
            seedRfis();
            return true;
        });
    }

    /**
     * The releases to the demo partner, unless something was released to it: done, or left for the next attempt
     * when the intelligence-service (or this service's token) is not there yet. Returns whether they now exist.
     */
    @ActivateRequestContext
    public boolean seedReleases() {
        try {
            releasesDone = QuarkusTransaction.requiringNew().timeout(DEMO_SEED_TIMEOUT_SECONDS).call(() -> {
                lock();
                if (recipients.count("partnerCode", DEMO_PARTNER) > 0) {
                    return true;
                }
                return releaseToDemoPartner();
            });
            releasesState = releasesDone ? "done" : releasesState;
        } catch (ProblemException e) {
            releasesState = "waiting for the intelligence-service: " + e.getMessage();
            LOG.debugf("demo releases not seeded yet: %s", e.getMessage());
        } catch (RuntimeException e) {
            releasesState = "failed, tried again: " + e;
            LOG.warn("demo releases failed; tried again", e);
        }
        return releasesDone;
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
    }

    private void seedPartners() {
        currentCaller.actAs(OFFICER);
        partner(DEMO_PARTNER, "ES", "Centro Nacional de Inteligencia", new ContactRequest("Javier Morales",
                "oficial de enlace", "enlace@cni.example", "+34 91 000 00 00"), Classification.SECRET,
                List.of(Category.TERRORISM, Category.VIOLENT_EXTREMISM, Category.ORGANISED_CRIME,
                        Category.HUMAN_TRAFFICKING));
        partner("fr-dgsi", "FR", "Direction générale de la sécurité intérieure", new ContactRequest("Claire Martin",
                "officier de liaison", "liaison@dgsi.example", "+33 1 00 00 00 00"), Classification.SECRET,
                List.of(Category.TERRORISM, Category.VIOLENT_EXTREMISM));
        partner("be-vsse", "BE", "Veiligheid van de Staat / Sûreté de l'État", new ContactRequest("Pieter Janssens",
                "liaison officer", "liaison@vsse.example", null), Classification.CONFIDENTIAL,
                List.of(Category.TERRORISM));
    }

    private void partner(String code, String country, String name, ContactRequest contact, Classification ceiling,
            List<Category> categories) {
        Partner partner = partners.create(OFFICER, new PartnerRequest(code, country, name, PartnerStatus.ACTIVE,
                Classification.CONFIDENTIAL, List.of(), List.of("DGST"), List.of(contact), List.of(code), null));
        agreements.create(OFFICER, partner.id, new AgreementRequest("MoU " + country + "-MA 2024", ceiling, categories,
                LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31), AgreementStatus.ACTIVE, null));
    }

    /**
     * Due within the hour and within six hours; a routine one the partner already acknowledged. All below SECRET
     * (issued at once, no second person needed) and in categories of the demo partner's agreement.
     */
    private void seedWarnings() {
        currentCaller.actAs(OFFICER);
        warnings.issue(OFFICER, new WarningRequest(DEMO_PARTNER, Precedence.IMMEDIATE, Tlp.AMBER,
                Category.TERRORISM, null,
                "Alerte : passage imminent d'un membre de la Cellule du Détroit vers Algésiras",
                "Un membre présumé de la Cellule du Détroit (fictive) pourrait embarquer à Tanger Med dans les "
                        + "prochaines 48 heures à destination d'Algésiras. Merci d'accuser réception.",
                Classification.CONFIDENTIAL, List.of()));
        warnings.issue(OFFICER, new WarningRequest(DEMO_PARTNER, Precedence.PRIORITY, Tlp.AMBER,
                Category.TERRORISM, null,
                "تحذير: تحويلات مالية مشبوهة لفائدة خلية الساحل",
                "رُصدت تحويلات مالية متكررة من حسابات في مدريد لفائدة عناصر من خلية الساحل (وهمية). نرجو التأكيد "
                        + "والإفادة بأي معلومات إضافية.",
                Classification.CONFIDENTIAL, List.of()));
        Warning routine = warnings.issue(OFFICER, new WarningRequest(DEMO_PARTNER, Precedence.ROUTINE, Tlp.GREEN,
                Category.VIOLENT_EXTREMISM, null,
                "Note : recrutement en ligne via des groupes de messagerie",
                "Des groupes de messagerie chiffrée servent au recrutement de jeunes à Tétouan et Ceuta (données de "
                        + "démonstration).",
                Classification.RESTRICTED, List.of()));
        currentCaller.actAs(PARTNER_SYSTEM);
        warnings.acknowledge(PARTNER_SYSTEM, routine.id);
    }

    /** Two questions from the demo partner: one to answer with a release, one assigned and due soon. */
    private void seedRfis() {
        currentCaller.actAs(PARTNER_SYSTEM);
        LocalDate today = LocalDate.now(clock);
        rfiService.receive(PARTNER_SYSTEM, new RfiRequest("Demande d'information : passeurs entre Tanger et Tarifa",
                "Disposez-vous d'éléments sur les passeurs qui organisent des traversées en bateau rapide entre "
                        + "Tanger et Tarifa, et sur leurs liens avec le Réseau des Barques (fictif) ?",
                "fr", today.plusDays(5), Classification.RESTRICTED));
        Rfi arabic = rfiService.receive(PARTNER_SYSTEM, new RfiRequest("طلب معلومات: عناصر خلية المضيق في مدريد",
                "هل لديكم معلومات عن اتصالات عناصر خلية المضيق (وهمية) بأشخاص مقيمين في مدريد "
                        + "خلال الأشهر الستة الأخيرة؟",
                "ar", today.plusDays(2), Classification.RESTRICTED));
        currentCaller.actAs(OFFICER);
        rfiService.assign(OFFICER, arabic.id, "liaison-officer");
    }

    /** False while no product the demo officer may see is listed yet. */
    private boolean releaseToDemoPartner() {
        currentCaller.actAs(OFFICER);
        List<Product> visible = products.newest(OFFICER, 20);
        if (visible.isEmpty()) {
            releasesState = "waiting for a product the demo liaison officer may see";
            return false;
        }
        Product first = visible.get(0);
        Product second = visible.size() > 1 ? visible.get(1) : first;
        Release threatReport = release(first, Tlp.AMBER, "Diffusion au CNI (démonstration).", List.of(
                new ActorRequest("خلية المضيق", StixExtras.ActorKind.INTRUSION_SET,
                        List.of("Cellule du Détroit (fictive)", "Strait cell"),
                        "مجموعة وهمية تنشط بين طنجة والجزيرة الخضراء / Groupe fictif actif entre Tanger et Algésiras."),
                new ActorRequest("جند الساحل الوهمي", StixExtras.ActorKind.THREAT_ACTOR,
                        List.of("Jund al-Sahil (fictif)"), "Organisation terroriste fictive (démonstration).")),
                List.of(new IndicatorRequest("Domaine de recrutement de la Cellule du Détroit",
                        "[domain-name:value = 'madiq-recrutement.example']", "خلية المضيق"),
                        new IndicatorRequest("رابط مجموعة التجنيد",
                                "[url:value = 'https://t.example/madiq-join']", "خلية المضيق")));
        release(second, Tlp.GREEN, "Réseaux de passeurs : éléments partageables.", List.of(
                new ActorRequest("Réseau des Barques (fictif)", StixExtras.ActorKind.INTRUSION_SET,
                        List.of("شبكة القوارب"), "Réseau de passeurs fictif opérant dans le détroit de Gibraltar.")),
                List.of(new IndicatorRequest("Numéro de contact des passeurs",
                        "[url:value = 'https://wa.example/barques-contact']", "Réseau des Barques (fictif)")));
        Release correction = releaseService.correct(OFFICER, threatReport.id, new CorrectionRequest(
                "Précision sur la zone d'activité (démonstration)", null, null));
        releaseService.submit(OFFICER, correction.id);
        Rfi question = rfis.find("partnerCode = ?1 and status = ?2 and language = ?3", DEMO_PARTNER,
                RfiStatus.RECEIVED, "fr").firstResult();
        if (question != null) {
            rfiService.answer(OFFICER, question.id, new RfiAnswerRequest(second.id(), Tlp.GREEN,
                    "Réponse à votre demande : voir le produit joint."));
        }
        LOG.infof("seeded the demo releases to %s (%d products)", DEMO_PARTNER, first == second ? 1 : 2);
        return true;
    }

    private Release release(Product product, Tlp tlp, String note, List<ActorRequest> actors,
            List<IndicatorRequest> indicators) {
        Release draft = releaseService.create(OFFICER, new ReleaseRequest(product.id(), List.of(DEMO_PARTNER), tlp,
                note, new ArrayList<>(actors), new ArrayList<>(indicators), null), null);
        return releaseService.submit(OFFICER, draft.id);
    }

}
