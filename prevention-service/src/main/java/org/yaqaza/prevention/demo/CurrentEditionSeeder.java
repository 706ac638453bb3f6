package org.yaqaza.prevention.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.api.ApplicationRequest;
import org.yaqaza.prevention.api.AttendanceMark;
import org.yaqaza.prevention.api.AttendanceRequest;
import org.yaqaza.prevention.api.ConsentRequest;
import org.yaqaza.prevention.api.ContactRequest;
import org.yaqaza.prevention.api.EditionRequest;
import org.yaqaza.prevention.api.Identity;
import org.yaqaza.prevention.api.ModuleRequest;
import org.yaqaza.prevention.api.ProgrammeRequest;
import org.yaqaza.prevention.api.RegisterRequest;
import org.yaqaza.prevention.api.ReleaseRequest;
import org.yaqaza.prevention.api.SessionRequest;
import org.yaqaza.prevention.api.TransitionRequest;
import org.yaqaza.prevention.model.AttendanceStatus;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.CurriculumModule;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.model.PartnerInstitution;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.ProgrammeSession;
import org.yaqaza.prevention.model.ReleaseRecord;
import org.yaqaza.prevention.model.ScheduleSlot;
import org.yaqaza.prevention.repository.FollowUpContactRepository;
import org.yaqaza.prevention.service.EnrolmentService;
import org.yaqaza.prevention.service.FollowUpService;
import org.yaqaza.prevention.service.ParticipantService;
import org.yaqaza.prevention.service.ProgrammeService;
import org.yaqaza.prevention.service.SessionService;

/**
 * The edition a prevention officer works on today: a post-release reintegration cohort that began six weeks
 * before the seeding day, with sessions held (attendance recorded) and to come, applicants still to screen, and
 * follow-up contacts falling due around today — a few within days, one overdue. Every date is relative to the
 * seeding day, and everything goes through the services, so it is validated like an officer's own work.
 *
 * <p>The participants are RESTRICTED (the historical cohorts are CONFIDENTIAL) so that the demo prevention officer,
 * cleared RESTRICTED, finds this caseload. The retention job leaves them alone: each has an open enrolment, and the
 * six active ones an open follow-up.
 */
@ApplicationScoped
public class CurrentEditionSeeder {

    static final String PROGRAMME_NAME = "Accompagnement post-carcéral — Fès";
    private static final String INSTITUTION = "Prison locale de Fès — Ras El Ma (fictional)";
    private static final String FACILITATOR = "Mme Leila Benkirane / ليلى بنكيران (fictional)";

    /** A fictional person: names in Arabic and in their French-style transcription. */
    private record Person(String nameAr, String nameLatin, int age) {
    }

    /** Ordered as {@link #seed} uses them: six active, one screened, one who applied two days ago. */
    private static final List<Person> PEOPLE = List.of(
            new Person("سفيان بنجلون", "Soufiane Benjelloun", 24),
            new Person("أمين الصقلي", "Amine Sqalli", 31),
            new Person("نبيل العمراني", "Nabil El Amrani", 27),
            new Person("هشام الرحماني", "Hicham Rahmani", 35),
            new Person("طارق المنصوري", "Tarik Mansouri", 29),
            new Person("عادل القادري", "Adil Kadiri", 42),
            new Person("مروان الحسني", "Marouane Hassani", 22),
            new Person("جواد السباعي", "Jaouad Sbai", 38));
    private static final int ACTIVE = 6;

    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final EnrolmentService enrolments;
    private final SessionService sessions;
    private final FollowUpService followUp;
    private final FollowUpContactRepository contacts;

    public CurrentEditionSeeder(ProgrammeService programmes, ParticipantService participants,
            EnrolmentService enrolments, SessionService sessions, FollowUpService followUp,
            FollowUpContactRepository contacts) {
        this.programmes = programmes;
        this.participants = participants;
        this.enrolments = enrolments;
        this.sessions = sessions;
        this.followUp = followUp;
        this.contacts = contacts;
    }

    /** Writes the programme, its running edition and its people as {@code officer} on {@code today}. */
    @Transactional
    public void seed(Caller officer, LocalDate today) {
        Programme programme = programmes.create(officer, new ProgrammeRequest(
                ProgrammeKind.POST_RELEASE_REINTEGRATION, PROGRAMME_NAME, "Délégation régionale de Fès (fictional)",
                "Fès-Meknès", 40, Classification.RESTRICTED, List.of(), List.of("DGST"),
                "Accompagnement des sortants de prison : repères, emploi, famille. مرافقة المفرج عنهم بعد السجن.",
                List.of(new ScheduleSlot(DayOfWeek.WEDNESDAY, "14:00", "17:00", "دار الشباب — Fès")),
                List.of(new PartnerInstitution("Association Al Amal — accompagnement (fictional)", "association")),
                false, 18, null, 90, null));
        List<CurriculumModule> modules = List.of(
                programmes.addModule(officer, programme.id,
                        new ModuleRequest("REPERES", "إعادة بناء المعالم — Retrouver ses repères", 4, 1)),
                programmes.addModule(officer, programme.id,
                        new ModuleRequest("EMPLOI", "Insertion professionnelle — الإدماج المهني", 4, 2)),
                programmes.addModule(officer, programme.id,
                        new ModuleRequest("FAMILLE", "الأسرة والمحيط — Famille et entourage", 4, 3)));
        LocalDate starts = today.minusWeeks(6);
        Edition edition = programmes.createEdition(officer, programme.id, new EditionRequest(
                "الدورة الجارية — Session en cours", starts, starts.plusWeeks(12), 12));

        List<Enrolment> active = new ArrayList<>();
        for (int i = 0; i < PEOPLE.size(); i++) {
            LocalDate appliedOn = i == PEOPLE.size() - 1 ? today.minusDays(2) : starts.minusWeeks(2);
            Participant person = register(officer, PEOPLE.get(i), i, appliedOn, today);
            Enrolment enrolment = enrolments.apply(officer, edition.id,
                    new ApplicationRequest(person.code, true, appliedOn, null));
            if (i < ACTIVE + 1) {
                move(officer, enrolment, EnrolmentState.SCREENED, "Entretien préalable concluant",
                        starts.minusWeeks(1));
            }
            if (i < ACTIVE) {
                move(officer, enrolment, EnrolmentState.ENROLLED, null, starts);
                move(officer, enrolment, EnrolmentState.ACTIVE, "حضر الجلسة الأولى", starts);
                active.add(enrolment);
                followUp(officer, person, i, today);
            }
        }
        sessionsWithAttendance(officer, edition, modules, active, today);
    }

    private Participant register(Caller officer, Person person, int index, LocalDate consentOn, LocalDate today) {
        String note = index % 2 == 0 ? "موافقة مكتوبة بحضور المرشد" : "Consentement écrit recueilli à la délégation";
        return participants.register(officer, new RegisterRequest(
                new Identity(person.nameAr(), person.nameLatin(), "ZF" + (700_001 + index),
                        today.minusYears(person.age()).minusDays(37L * index + 11)),
                Classification.RESTRICTED, List.of(), List.of("DGST"),
                List.of(new ConsentRequest(ConsentScope.PARTICIPATION, consentOn, note),
                        new ConsentRequest(ConsentScope.FOLLOW_UP, consentOn, note))));
    }

    private void move(Caller officer, Enrolment enrolment, EnrolmentState to, String reason, LocalDate on) {
        enrolments.transition(officer, enrolment.id, new TransitionRequest(to, reason, on));
    }

    /**
     * The release each active participant came out of, placed so that the contacts (at 3, 6, 12, 24 months) fall
     * around today: 3-month contacts due in 4 and 10 days, one 3 months + 9 days ago and not made (the overdue
     * one), a 6-month contact due in 6 days; earlier contacts made, with notes in Arabic or French.
     */
    private void followUp(Caller officer, Participant person, int index, LocalDate today) {
        LocalDate releasedOn = switch (index) {
            case 0 -> today.plusDays(4).minusMonths(3);
            case 1 -> today.plusDays(10).minusMonths(3);
            case 2 -> today.minusDays(9).minusMonths(3);
            case 3 -> today.minusMonths(4);
            case 4 -> today.plusDays(6).minusMonths(6);
            default -> today.minusMonths(2);
        };
        ReleaseRecord release = followUp.release(officer, person.code,
                new ReleaseRequest(releasedOn, INSTITUTION, null, null));
        contacts.ofRelease(release.id).stream().filter(c -> c.dueOn.isBefore(today) && index != 2)
                .forEach(c -> followUp.recordContact(officer, c.id, new ContactRequest(c.dueOn.plusDays(2),
                        index % 2 == 0 ? "rencontré" : "تم اللقاء",
                        index % 2 == 0 ? "Logement stable chez la famille, cherche un emploi dans le bâtiment."
                                : "يواظب على الحضور ويبحث عن تكوين مهني في النجارة.",
                        null)));
    }

    /** One session a week, module after module; those already held carry attendance, mostly present. */
    private void sessionsWithAttendance(Caller officer, Edition edition, List<CurriculumModule> modules,
            List<Enrolment> active, LocalDate today) {
        LocalDate heldOn = edition.startsOn;
        int week = 0;
        for (CurriculumModule module : modules) {
            for (int i = 1; i <= module.requiredSessions; i++, week++, heldOn = heldOn.plusWeeks(1)) {
                ProgrammeSession session = sessions.create(officer, edition.id, new SessionRequest(module.id,
                        heldOn, module.title + " — " + i, FACILITATOR));
                if (heldOn.isBefore(today)) {
                    List<AttendanceMark> marks = new ArrayList<>();
                    for (int p = 0; p < active.size(); p++) {
                        marks.add(new AttendanceMark(active.get(p).id, status(week, p)));
                    }
                    sessions.record(officer, session.id, new AttendanceRequest(marks));
                }
            }
        }
    }

    /** A fixed pattern, so that the demo reads the same every time: one absence and one excuse in six weeks. */
    private static AttendanceStatus status(int week, int participant) {
        if (week == 2 && participant == 3) {
            return AttendanceStatus.ABSENT;
        }
        if (week == 4 && participant == 1) {
            return AttendanceStatus.EXCUSED;
        }
        return AttendanceStatus.PRESENT;
    }
}
