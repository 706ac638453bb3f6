package org.yaqaza.prevention.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.config.DemoConfig;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.identity.IdentityCipher;
import org.yaqaza.prevention.model.Assessment;
import org.yaqaza.prevention.model.AssessmentOccasion;
import org.yaqaza.prevention.model.AttendanceStatus;
import org.yaqaza.prevention.model.Campaign;
import org.yaqaza.prevention.model.Certificate;
import org.yaqaza.prevention.model.Consent;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.ContentItem;
import org.yaqaza.prevention.model.CurriculumModule;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.model.FollowUpContact;
import org.yaqaza.prevention.model.Milestone;
import org.yaqaza.prevention.model.MilestoneKind;
import org.yaqaza.prevention.model.PartnerInstitution;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.ProgrammeSession;
import org.yaqaza.prevention.model.ReachFigure;
import org.yaqaza.prevention.model.ReleaseRecord;
import org.yaqaza.prevention.model.Reoffence;
import org.yaqaza.prevention.model.ReoffenceKind;
import org.yaqaza.prevention.model.ScheduleSlot;
import org.yaqaza.prevention.repository.ProgrammeRepository;
import org.yaqaza.prevention.repository.SessionRepository;
import org.yaqaza.prevention.service.FollowUpService;
import org.yaqaza.prevention.service.ParticipantService;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;

/**
 * Seeds fictional demo data at startup when {@code yaqaza.demo.seed=true} and no programme exists yet: two prison
 * reconciliation editions (2019, 2021) with participants, attendance, assessments, releases and several years of
 * follow-up so the survival curves have a real shape, an imam training with certificates, an outreach campaign
 * with reach figures, a youth programme, and the edition a prevention officer works on today
 * ({@link CurrentEditionSeeder}, written through the services). The history is written directly: years of past
 * records whose creation times and states the services, which stamp the present, cannot produce. Every name is
 * invented; a fixed random seed makes it reproducible. Demo records are shared with DGST so that intelligence
 * analysts see the aggregate figures (the role firewall still keeps case data from them).
 */
@ApplicationScoped
public class DemoSeeder {

    /** The demo data set is written in one transaction, which may outlast the 60 s default on a busy machine. */
    private static final int DEMO_SEED_TIMEOUT_SECONDS = 600;

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    private static final String AGENCY = "MHAI";
    private static final String EXAMPLE_INSTRUMENT = "6f1f9a52-3c1e-4d7e-9a51-0d1c2b3a4e01";
    private static final String[] GIVEN_AR = { "يوسف", "محمد", "عبد الله", "حمزة", "إدريس", "سعيد", "عمر", "أنس",
            "ياسين", "مهدي", "رشيد", "كريم", "إلياس", "أيوب", "زكرياء", "بلال" };
    private static final String[] GIVEN_LATIN = { "Youssef", "Mohammed", "Abdellah", "Hamza", "Driss", "Said",
            "Omar", "Anas", "Yassine", "Mehdi", "Rachid", "Karim", "Ilyas", "Ayoub", "Zakaria", "Bilal" };
    private static final String[] FAMILY_AR = { "العلوي", "الإدريسي", "بناني", "التازي", "الفاسي", "المراكشي",
            "الزياني", "الشرقاوي", "البقالي", "الوزاني" };
    private static final String[] FAMILY_LATIN = { "Alaoui", "Idrissi", "Bennani", "Tazi", "Fassi", "Marrakchi",
            "Ziani", "Cherkaoui", "Bakkali", "Ouazzani" };

    private final DemoConfig config;
    private final EntityManager em;
    private final Sql sql;
    private final ProgrammeRepository programmes;
    private final SessionRepository sessionRepository;
    private final CurrentEditionSeeder currentEdition;
    private final IdentityCipher cipher;
    private final AuditTrail audit;
    private final Random random = new Random(20_190_301L);
    private final Clock clock;
    private final Caller seeder = new Caller("system:demo-seed", Set.of(Role.PREVENTION_OFFICER),
            Classification.SECRET, new TreeSet<>(), AGENCY, null);
    private int participantCount;

    public DemoSeeder(DemoConfig config, EntityManager em, Sql sql, ProgrammeRepository programmes,
            SessionRepository sessionRepository, CurrentEditionSeeder currentEdition, IdentityCipher cipher,
            AuditTrail audit, Clock clock) {
        this.config = config;
        this.em = em;
        this.sql = sql;
        this.programmes = programmes;
        this.sessionRepository = sessionRepository;
        this.currentEdition = currentEdition;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.seed()) {
            seedIfEmpty(LocalDate.now(clock));
        }
    }

    @Transactional
    @TransactionConfiguration(timeout = DEMO_SEED_TIMEOUT_SECONDS)
    public boolean seedIfEmpty(LocalDate today) {
        // one seeder at a time when several replicas start together
        sql.one("select pg_advisory_xact_lock(4242)", Map.of(), rs -> null);
        if (programmes.count() > 0) {
            return false;
        }
        seed(today);
        return true;
    }

    /** Writes the demo data set (once: participant codes are fixed). */
    @Transactional // joins seedIfEmpty's transaction (and its timeout) when called from it
    public void seed(LocalDate today) {
        Programme moussalaha = programme(ProgrammeKind.PRISON_RECONCILIATION,
                "مصالحة — برنامج المصالحة بالسجن المحلي سلا 2", "Prison locale de Salé 2", "Rabat-Salé-Kénitra", 30);
        moussalaha.assessmentCadenceDays = 90;
        moussalaha.voluntaryApplicationRequired = true;
        moussalaha.description = "Reconciliation with oneself, with the religious text and with society (fictional).";
        moussalaha.schedule = List.of(new ScheduleSlot(java.time.DayOfWeek.TUESDAY, "09:00", "12:00", "مكتبة السجن"),
                new ScheduleSlot(java.time.DayOfWeek.THURSDAY, "09:00", "12:00", "مكتبة السجن"));
        moussalaha.partnerInstitutions = List.of(new PartnerInstitution("المجلس العلمي المحلي (fictional)", "ulema"),
                new PartnerInstitution("Délégation générale à l'administration pénitentiaire (fictional desk)",
                        "prison administration"));
        List<CurriculumModule> modules = List.of(module(moussalaha, 1, "SELF", "المصالحة مع الذات", 4),
                module(moussalaha, 2, "TEXT", "المصالحة مع النص الديني", 4),
                module(moussalaha, 3, "SOCIETY", "المصالحة مع المجتمع", 4));
        reconciliationEdition(moussalaha, modules, "الدورة الأولى 2019", LocalDate.of(2019, 3, 4), 28, today);
        reconciliationEdition(moussalaha, modules, "الدورة الثانية 2021", LocalDate.of(2021, 2, 1), 30, today);
        imamTraining(today);
        outreach(today);
        currentEdition.seed(seeder, today);
        programme(ProgrammeKind.YOUTH_OUTREACH, "شباب المدينة — ورشات الحوار", "Maison des jeunes Hay Mohammadi",
                "Casablanca-Settat", 60);
        audit.record(AuditActor.system("demo-seed"), "DEMO_SEED", "programme", null, null,
                participantCount + " fictional participants");
        LOG.infof("demo data seeded: %d fictional participants", participantCount);
    }

    private Programme programme(ProgrammeKind kind, String name, String institution, String region, int capacity) {
        Programme p = new Programme();
        p.protect(seeder, clock.instant(), Classification.RESTRICTED, List.of(), List.of("DGST"));
        p.kind = kind;
        p.name = name;
        p.institution = institution;
        p.region = region;
        p.capacity = capacity;
        p.voluntaryApplicationRequired = kind == ProgrammeKind.PRISON_RECONCILIATION;
        p.updatedAt = clock.instant();
        em.persist(p);
        return p;
    }

    private CurriculumModule module(Programme p, int position, String code, String title, int sessions) {
        CurriculumModule m = new CurriculumModule();
        m.id = UUID.randomUUID();
        m.programmeId = p.id;
        m.position = position;
        m.code = code;
        m.title = title;
        m.requiredSessions = sessions;
        em.persist(m);
        return m;
    }

    private Edition edition(Programme p, String name, LocalDate starts, LocalDate ends, int capacity) {
        Edition e = new Edition();
        e.id = UUID.randomUUID();
        e.programmeId = p.id;
        e.name = name;
        e.startsOn = starts;
        e.endsOn = ends;
        e.capacity = capacity;
        e.createdAt = clock.instant();
        em.persist(e);
        return e;
    }

    private Participant participant(LocalDate consentOn) {
        participantCount++;
        int g = random.nextInt(GIVEN_AR.length);
        int f = random.nextInt(FAMILY_AR.length);
        Participant p = new Participant();
        p.protect(seeder, clock.instant(), Classification.CONFIDENTIAL, List.of(), List.of("DGST"));
        p.code = String.format("YQ-DEMO-%04d", participantCount);
        p.fullNameAr = cipher.encrypt(GIVEN_AR[g] + " " + FAMILY_AR[f], p.context(ParticipantService.NAME_AR));
        p.fullNameLatin = cipher.encrypt(GIVEN_LATIN[g] + " " + FAMILY_LATIN[f],
                p.context(ParticipantService.NAME_LATIN));
        p.nationalId = cipher.encrypt("ZZ" + (900000 + participantCount), p.context(ParticipantService.NATIONAL_ID));
        p.birthDate = cipher.encrypt(LocalDate.of(1975 + random.nextInt(25), 1 + random.nextInt(12),
                1 + random.nextInt(28)).toString(), p.context(ParticipantService.BIRTH_DATE));
        em.persist(p);
        for (ConsentScope scope : ConsentScope.values()) {
            Consent c = new Consent();
            c.id = UUID.randomUUID();
            c.participantId = p.id;
            c.scope = scope;
            c.givenOn = consentOn;
            c.recordedBy = seeder.subject();
            c.createdAt = clock.instant();
            em.persist(c);
        }
        return p;
    }

    private Enrolment enrolment(Edition e, Participant p, LocalDate applied, EnrolmentState state, LocalDate ended) {
        Enrolment en = new Enrolment();
        en.id = UUID.randomUUID();
        en.editionId = e.id;
        en.participantId = p.id;
        en.state = state;
        en.voluntary = true;
        en.appliedOn = applied;
        en.enrolledOn = e.startsOn;
        en.endedOn = ended;
        en.createdAt = clock.instant();
        en.updatedAt = en.createdAt;
        em.persist(en);
        return en;
    }

    private void reconciliationEdition(Programme p, List<CurriculumModule> modules, String name, LocalDate starts,
            int size, LocalDate today) {
        LocalDate ends = starts.plusMonths(6);
        Edition edition = edition(p, name, starts, ends, size);
        List<ProgrammeSession> sessions = new ArrayList<>();
        LocalDate day = starts;
        for (CurriculumModule m : modules) {
            for (int i = 0; i < m.requiredSessions; i++) {
                ProgrammeSession s = new ProgrammeSession();
                s.id = UUID.randomUUID();
                s.editionId = edition.id;
                s.moduleId = m.id;
                s.heldOn = day;
                s.topic = m.title + " — " + (i + 1);
                s.facilitator = "مرشد ديني (fictional)";
                s.createdAt = clock.instant();
                em.persist(s);
                sessions.add(s);
                day = day.plusDays(14);
            }
        }
        for (int i = 0; i < size; i++) {
            Participant person = participant(starts.minusDays(20));
            double r = random.nextDouble();
            EnrolmentState state = r < 0.78 ? EnrolmentState.COMPLETED
                    : r < 0.92 ? EnrolmentState.WITHDRAWN : EnrolmentState.EXCLUDED;
            LocalDate endedOn = state == EnrolmentState.COMPLETED ? ends : starts.plusDays(30 + random.nextInt(120));
            Enrolment en = enrolment(edition, person, starts.minusDays(30), state, endedOn);
            double diligence = state == EnrolmentState.COMPLETED ? 0.92 : 0.45;
            for (ProgrammeSession s : sessions) {
                if (s.heldOn.isAfter(endedOn)) {
                    continue;
                }
                AttendanceStatus status = random.nextDouble() < diligence ? AttendanceStatus.PRESENT
                        : random.nextBoolean() ? AttendanceStatus.ABSENT : AttendanceStatus.EXCUSED;
                sessionRepository.mark(s.id, en.id, status);
            }
            assessments(en, starts, state, today);
            // releases spread over the years after the edition; the excluded stay in prison longer
            LocalDate released = ends.plusDays(random.nextInt(state == EnrolmentState.EXCLUDED ? 900 : 600));
            if (released.isBefore(today)) {
                followUp(person, en, released, state == EnrolmentState.COMPLETED ? 0.10 : 0.28, today);
            }
        }
    }

    private void assessments(Enrolment en, LocalDate starts, EnrolmentState state, LocalDate today) {
        LocalDate on = starts.plusDays(7);
        String[] codes = { "SELF_REFLECTION", "SELF_REGULATION", "TEXT_CONTEXT", "TEXT_PLURALITY", "SOCIETY_TIES",
                "SOCIETY_PLANS", "SOCIETY_NONVIOLENCE" };
        String[] levels = { "NOT_EVIDENT", "PARTLY_EVIDENT", "CLEARLY_EVIDENT" };
        int rounds = state == EnrolmentState.COMPLETED ? 3 : 1;
        for (int round = 0; round < rounds && on.isBefore(today); round++) {
            List<Assessment.Rating> ratings = new ArrayList<>();
            for (String code : codes) {
                int level = Math.min(2, Math.max(0, round + random.nextInt(2) - (random.nextInt(4) == 0 ? 1 : 0)));
                boolean unknown = random.nextInt(12) == 0;
                ratings.add(new Assessment.Rating(code, unknown ? "INSUFFICIENT_INFORMATION" : levels[level],
                        unknown ? null : "ملاحظة المؤطر خلال الجلسات (fictional)"));
            }
            Assessment a = new Assessment();
            a.id = UUID.randomUUID();
            a.enrolmentId = en.id;
            a.instrumentId = UUID.fromString(EXAMPLE_INSTRUMENT);
            a.assessedOn = on;
            a.occasion = round == 0 ? AssessmentOccasion.INITIAL
                    : round == rounds - 1 ? AssessmentOccasion.FINAL : AssessmentOccasion.SCHEDULED;
            a.assessor = "demo-assessor";
            a.ratings = ratings;
            a.overallJudgement = round == rounds - 1 && rounds > 1 ? "Engagement sustained, continue the programme"
                    : "Concerns remain, continue with closer follow-up";
            a.rationale = "Fictional rationale for the demo.";
            a.nextDueOn = a.occasion == AssessmentOccasion.FINAL ? null : on.plusDays(90);
            a.createdAt = clock.instant();
            em.persist(a);
            on = on.plusDays(85);
        }
    }

    private void followUp(Participant person, Enrolment en, LocalDate released, double threeYearRisk,
            LocalDate today) {
        ReleaseRecord r = new ReleaseRecord();
        r.id = UUID.randomUUID();
        r.participantId = person.id;
        r.enrolmentId = en.id;
        r.releasedOn = released;
        r.institution = "Prison locale de Salé 2";
        r.createdAt = clock.instant();
        // some are lost to follow-up, which the analysis treats as censoring
        if (random.nextInt(6) == 0) {
            LocalDate lost = released.plusDays(200 + random.nextInt(600));
            r.followUpEndedOn = lost.isBefore(today) ? lost : null;
        }
        em.persist(r);
        LocalDate observedUntil = r.followUpEndedOn != null ? r.followUpEndedOn : today;
        for (int month : FollowUpService.CONTACT_MONTHS) {
            FollowUpContact c = new FollowUpContact();
            c.id = UUID.randomUUID();
            c.releaseId = r.id;
            c.month = month;
            c.dueOn = released.plusMonths(month);
            if (c.dueOn.isBefore(observedUntil) && random.nextInt(8) != 0) {
                c.doneOn = c.dueOn.plusDays(random.nextInt(20));
                c.outcome = "met";
            }
            em.persist(c);
        }
        // exponential time to re-offence with the given 3-year probability
        double rate = -Math.log(1 - threeYearRisk) / (3 * 365.0);
        long days = (long) (-Math.log(1 - random.nextDouble()) / rate);
        LocalDate offence = released.plusDays(Math.max(20, days));
        if (offence.isBefore(observedUntil)) {
            Reoffence o = new Reoffence();
            o.id = UUID.randomUUID();
            o.participantId = person.id;
            o.occurredOn = offence;
            o.kind = random.nextInt(5) == 0 ? ReoffenceKind.TERRORISM : ReoffenceKind.OTHER;
            o.legalBasis = "court record (fictional)";
            o.createdAt = clock.instant();
            em.persist(o);
        }
        MilestoneKind[] kinds = MilestoneKind.values();
        for (int i = 0; i < random.nextInt(3); i++) {
            LocalDate achieved = released.plusDays(30 + random.nextInt(400));
            if (achieved.isBefore(today)) {
                Milestone m = new Milestone();
                m.id = UUID.randomUUID();
                m.participantId = person.id;
                m.kind = kinds[random.nextInt(kinds.length)];
                m.achievedOn = achieved;
                m.createdAt = clock.instant();
                em.persist(m);
            }
        }
    }

    private void imamTraining(LocalDate today) {
        Programme p = programme(ProgrammeKind.IMAM_TRAINING, "Formation des imams et morchidines — promotion 2023",
                "Institut de formation des imams (fictional)", "Rabat-Salé-Kénitra", 40);
        module(p, 1, "FIQH", "الفقه المالكي", 6);
        module(p, 2, "DISCOURSE", "الخطاب الديني المعتدل", 6);
        Edition edition = edition(p, "Promotion 2023", LocalDate.of(2023, 9, 18), LocalDate.of(2024, 6, 28), 40);
        for (int i = 0; i < 20; i++) {
            Participant person = participant(LocalDate.of(2023, 9, 1));
            enrolment(edition, person, LocalDate.of(2023, 7, 1), EnrolmentState.COMPLETED,
                    LocalDate.of(2024, 6, 28));
            Certificate c = new Certificate();
            c.id = UUID.randomUUID();
            c.number = String.format("IMAM-2024-%06d", 100 + i);
            c.participantId = person.id;
            c.programmeId = p.id;
            c.issuedOn = LocalDate.of(2024, 7, 15);
            c.expiresOn = i == 1 ? LocalDate.of(2025, 7, 15) : LocalDate.of(2028, 7, 15);
            if (i == 2) {
                c.revokedOn = LocalDate.of(2025, 3, 3);
                c.revocationReason = "Fictional: sermon content contrary to the charter";
            }
            c.createdAt = clock.instant();
            em.persist(c);
        }
    }

    private void outreach(LocalDate today) {
        Programme p = programme(ProgrammeKind.OUTREACH_CAMPAIGN, "حملة الخطاب المعتدل — Discours du juste milieu",
                null, "National", 1);
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.programmeId = p.id;
        c.name = "الوسطية والاعتدال 2024";
        c.startsOn = LocalDate.of(2024, 1, 1);
        c.endsOn = LocalDate.of(2024, 12, 31);
        c.regions = new String[] { "Casablanca-Settat", "Fès-Meknès", "Oriental", "Tanger-Tétouan-Al Hoceïma" };
        c.channels = new String[] { "radio", "social-media", "mosque-sermon" };
        c.createdAt = clock.instant();
        em.persist(c);
        String[][] items = { { "Série radio : la miséricorde dans le Coran", "fr", "radio" },
                { "سلسلة فيديو: الوسطية في الإسلام", "ar", "video" },
                { "Tadwina: chabab w l-hiwar", "ary", "podcast" } };
        List<ContentItem> content = new ArrayList<>();
        for (String[] item : items) {
            ContentItem ci = new ContentItem();
            ci.id = UUID.randomUUID();
            ci.campaignId = c.id;
            ci.title = item[0];
            ci.language = item[1];
            ci.medium = item[2];
            em.persist(ci);
            content.add(ci);
        }
        for (int month = 1; month <= 12; month++) {
            LocalDate reported = LocalDate.of(2024, month, 28);
            if (reported.isAfter(today)) {
                break;
            }
            for (String region : c.regions) {
                ReachFigure f = new ReachFigure();
                f.id = UUID.randomUUID();
                f.campaignId = c.id;
                f.contentItemId = content.get(random.nextInt(content.size())).id;
                f.channel = c.channels[random.nextInt(c.channels.length)];
                f.region = region;
                f.reportedOn = reported;
                f.reach = 5_000 + random.nextInt(40_000);
                f.engagements = f.reach / (8 + random.nextInt(10));
                em.persist(f);
            }
        }
    }
}
