package org.yaqaza.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The labels of the prevention pages ({@code {pmsg:…}} in templates): English here, {@code messages/pmsg_ar} and
 * {@code pmsg_fr.properties} translate each key ({@code PreventionMessagesTest} checks both). A bundle of its own,
 * not more keys in {@link Msg}: Quarkus 3.33's generated resolver of a message bundle breaks past 300 messages
 * (the second chunk is called with the wrong argument: {@code VerifyError} at start-up), see
 * {@code MessageBundleSizeTest}.
 */
@MessageBundle(value = "pmsg", locale = "en")
public interface PreventionMsg {

    @Message("Prevention")
    String nav_prevention();

    @Message("Prevention programmes")
    String prevention_programmes_title();

    @Message("Prevention case data: for prevention staff only, kept apart from intelligence. Participants are shown by their pseudonymous code.")
    String prevention_firewall_note();

    @Message("Check an imam’s or preacher’s certificate")
    String prevention_validity_title();

    @Message("Kind of programme")
    String prevention_kind();

    @Message("{#when kind}{#is 'IMAM_TRAINING'}Imam training{#is 'PREACHER_TRAINING'}Preacher training (morchidines/morchidates){#is 'OUTREACH_CAMPAIGN'}Outreach campaign{#is 'PRISON_RECONCILIATION'}Prison reconciliation (Moussalaha){#is 'POST_RELEASE_REINTEGRATION'}Post-release reintegration{#is 'YOUTH_OUTREACH'}Youth outreach{#else}{kind}{/when}")
    String prevention_kind_name(String kind);

    @Message("Show")
    String prevention_filter();

    @Message("No programme in this list.")
    String prevention_no_programmes();

    @Message("Programme")
    String prevention_programme();

    @Message("Institution")
    String prevention_institution();

    @Message("Region")
    String prevention_region();

    @Message("Capacity")
    String prevention_capacity();

    @Message("Evaluation")
    String prevention_evaluation_title();

    @Message("Editions")
    String prevention_editions();

    @Message("Edition")
    String prevention_edition();

    @Message("No edition yet.")
    String prevention_no_editions();

    @Message("Dates")
    String prevention_dates();

    @Message("Places taken")
    String prevention_places_taken();

    @Message("On the waiting list")
    String prevention_waiting_count();

    @Message("{taken} of {capacity} places taken")
    String prevention_occupancy(long taken, int capacity);

    @Message("Curriculum modules")
    String prevention_modules();

    @Message("No curriculum module yet.")
    String prevention_no_modules();

    @Message("{count} session(s) required")
    String prevention_required_sessions(int count);

    @Message("{#when done}{#is 'applied'}The application is recorded.{#is 'screened'}The applicant is screened.{#is 'enrolled'}The participant is enrolled.{#is 'waitlisted'}The edition is full: the applicant is on the waiting list.{#is 'active'}The participant is active.{#is 'completed'}The participant completed the programme.{#is 'withdrawn'}The participant withdrew.{#is 'excluded'}The participant is excluded.{#is 'created'}The session is created: record its attendance below.{#is 'recorded'}The attendance is recorded.{#is 'contact'}The contact is recorded.{#is 'assessed'}The assessment is recorded.{#else}Done.{/when}")
    String prevention_done(String done);

    @Message("This edition is full: a new enrolment goes to the waiting list.")
    String prevention_full();

    @Message("Counted over the participants you may work on; the service decides places over everyone, so an enrolment may be waitlisted even when places seem free.")
    String prevention_occupancy_help();

    @Message("Waiting list, in order")
    String prevention_waiting_list();

    @Message("Nobody is waiting.")
    String prevention_no_waiting();

    @Message("position {position}")
    String prevention_position(Integer position);

    @Message("Applied on")
    String prevention_applied_on();

    @Message("Enrol a participant")
    String prevention_apply_title();

    @Message("Records the application (the participant needs consent to take part); then screen and enrol it below. Past capacity, an enrolment goes to the waiting list.")
    String prevention_apply_help();

    @Message("Nothing was recorded: correct what is marked below.")
    String prevention_form_errors();

    @Message("Participant code")
    String prevention_participant_code();

    @Message("The person asked to take part (voluntary application)")
    String prevention_voluntary();

    @Message("Record the application")
    String prevention_apply_submit();

    @Message("Applications and enrolments")
    String prevention_enrolments();

    @Message("State")
    String prevention_state();

    @Message("{#when state}{#is 'APPLIED'}applied{#is 'SCREENED'}screened{#is 'WAITLISTED'}waiting list{#is 'ENROLLED'}enrolled{#is 'ACTIVE'}active{#is 'COMPLETED'}completed{#is 'WITHDRAWN'}withdrawn{#is 'EXCLUDED'}excluded{#else}{state}{/when}")
    String prevention_state_name(String state);

    @Message("No application in this list.")
    String prevention_no_enrolments();

    @Message("Voluntary")
    String prevention_voluntary_short();

    @Message("Next step")
    String prevention_next_step();

    @Message("yes")
    String prevention_yes();

    @Message("no")
    String prevention_no();

    @Message("Move to")
    String prevention_move_to();

    @Message("Apply")
    String prevention_move();

    @Message("Sessions and attendance")
    String prevention_sessions();

    @Message("No session yet.")
    String prevention_no_sessions();

    @Message("New session")
    String prevention_new_session();

    @Message("Module")
    String prevention_module();

    @Message("Held on")
    String prevention_held_on();

    @Message("Topic")
    String prevention_topic();

    @Message("Facilitator")
    String prevention_facilitator();

    @Message("Create the session")
    String prevention_session_submit();

    @Message("Attendance sheet")
    String prevention_attendance_title();

    @Message("One mark per participant holding a place (enrolled, active or completed); a mark left empty is not changed.")
    String prevention_attendance_help();

    @Message("Nobody holds a place in this edition yet.")
    String prevention_no_attending();

    @Message("Attendance")
    String prevention_mark();

    @Message("{#when mark}{#is 'PRESENT'}present{#is 'ABSENT'}absent{#is 'EXCUSED'}excused{#else}{mark}{/when}")
    String prevention_mark_name(String mark);

    @Message("— not recorded")
    String prevention_not_recorded();

    @Message("Record the attendance")
    String prevention_attendance_submit();

    @Message("{#when code}{#is 'required'}Required.{#is 'date'}Must be a date.{#is 'unknown'}No participant with this code among those you may work on.{#is 'none'}Choose at least one mark.{#is 'marks'}The sheet was not understood; open it again.{#is 'number'}Must be a whole number.{#is 'schedule'}A line is not “DAY HH:MM-HH:MM place”.{#else}{code}{/when}")
    String prevention_error(String code);

    @Message("Completion, re-offence rates and time to re-offence after release (Kaplan–Meier), computed by the service from the records you may see.")
    String prevention_evaluation_help();

    @Message("As of")
    String prevention_as_of();

    @Message("Cohorts")
    String prevention_cohorts();

    @Message("Cohort")
    String prevention_cohort();

    @Message("All editions")
    String prevention_overall();

    @Message("Started")
    String prevention_started();

    @Message("Completed")
    String prevention_completed();

    @Message("Completion rate")
    String prevention_completion_rate();

    @Message("Mean attendance")
    String prevention_attendance_rate();

    @Message("Released")
    String prevention_released();

    @Message("Re-offence within {years} year(s)")
    String prevention_reoffence_rate(int years);

    @Message("Time to re-offence after release (Kaplan–Meier)")
    String prevention_km_title();

    @Message("Share of people not having re-offended, by months since release, with the 95 % confidence band of all editions and the numbers at risk below; the same figures are in the tables after the chart.")
    String prevention_km_desc();

    @Message("Months since release")
    String prevention_km_x();

    @Message("Not re-offended")
    String prevention_km_y();

    @Message("95 % confidence band")
    String prevention_km_band();

    @Message("withheld: too few people")
    String prevention_suppressed();

    @Message("Numbers at risk")
    String prevention_at_risk();

    @Message("As of {asOf}; confidence interval: {interval}.")
    String prevention_km_caption(Object asOf, String interval);

    @Message("Month {month}")
    String prevention_month(String month);

    @Message("People still followed and not re-offended at each month mark, counted at the next re-offence the service lists; “–”: not known after the last re-offence.")
    String prevention_at_risk_help();

    @Message("Survival at each re-offence time (all editions)")
    String prevention_km_table();

    @Message("Days since release")
    String prevention_days();

    @Message("At risk")
    String prevention_at_risk_short();

    @Message("Re-offences")
    String prevention_events();

    @Message("Censored")
    String prevention_censored();

    @Message("Not re-offended")
    String prevention_survival();

    @Message("Lower bound (95 %)")
    String prevention_lower();

    @Message("Upper bound (95 %)")
    String prevention_upper();

    @Message("{subjects} people followed, {events} re-offence(s), {censored} censored.")
    String prevention_km_summary(long subjects, long events, long censored);

    @Message("Answers whether a certificate is valid on a date, with its kind and dates; never who holds it.")
    String prevention_validity_help();

    @Message("Certificate number")
    String prevention_certificate_number();

    @Message("Valid on (empty: today)")
    String prevention_valid_on();

    @Message("Check")
    String prevention_check();

    @Message("{#when status}{#is 'VALID'}valid{#is 'EXPIRED'}expired{#is 'REVOKED'}revoked{#is 'UNKNOWN'}unknown certificate{#else}{status}{/when}")
    String prevention_validity_status(String status);

    @Message("Expires on")
    String prevention_expires_on();

    @Message("Revoked on")
    String prevention_revoked_on();

    @Message("Follow-up calendar")
    String prevention_calendar_title();

    @Message("Follow-up contacts not yet made and assessments falling due, up to the date chosen, week by week; overdue ones are flagged.")
    String prevention_calendar_help();

    @Message("Up to")
    String prevention_until();

    @Message("{count} overdue")
    String prevention_overdue_count(long count);

    @Message("Nothing falls due by this date.")
    String prevention_nothing_due();

    @Message("Week of")
    String prevention_week_of();

    @Message("{month}-month contact")
    String prevention_contact_month(Integer month);

    @Message("re-assessment due")
    String prevention_assessment_due();

    @Message("{days} day(s) overdue")
    String prevention_days_overdue(long days);

    @Message("Follow-up of")
    String prevention_follow_up_of();

    @Message("Follow-up")
    String prevention_follow_up();

    @Message("File")
    String prevention_file();

    @Message("Releases and contacts")
    String prevention_releases();

    @Message("No release recorded.")
    String prevention_no_releases();

    @Message("Released on")
    String prevention_released_on();

    @Message("Follow-up ended on")
    String prevention_follow_up_ended();

    @Message("Follow-up contacts")
    String prevention_contacts();

    @Message("Contact")
    String prevention_contact();

    @Message("Due on")
    String prevention_due_on();

    @Message("Made on")
    String prevention_done_on();

    @Message("Outcome")
    String prevention_outcome();

    @Message("Note")
    String prevention_note();

    @Message("Record the contact")
    String prevention_record_contact();

    @Message("Reintegration milestones")
    String prevention_milestones();

    @Message("{#when kind}{#is 'EMPLOYMENT'}work{#is 'HOUSING'}housing{#is 'FAMILY'}family{#is 'EDUCATION'}education{#else}{kind}{/when}")
    String prevention_milestone_kind(String kind);

    @Message("Re-offences")
    String prevention_reoffences();

    @Message("{#when kind}{#is 'TERRORISM'}terrorism{#is 'VIOLENT'}violent offence{#is 'OTHER'}other offence{#else}{kind}{/when}")
    String prevention_reoffence_kind(String kind);

    @Message("None.")
    String prevention_none();

    @Message("Assessments")
    String prevention_assessments_title();

    @Message("Structured professional judgement: the assessor rates each indicator with its evidence and records the overall judgement and its rationale; nothing is decided by a score.")
    String prevention_spj_help();

    @Message("No assessment yet.")
    String prevention_no_assessments();

    @Message("{#when occasion}{#is 'INITIAL'}initial{#is 'SCHEDULED'}scheduled re-assessment{#is 'NEW_INFORMATION'}on new information{#is 'FINAL'}final{#else}{occasion}{/when}")
    String prevention_occasion(String occasion);

    @Message("Assessment of")
    String prevention_assessment_of();

    @Message("Instrument")
    String prevention_instrument();

    @Message("Assessor")
    String prevention_assessor();

    @Message("Overall judgement")
    String prevention_judgement();

    @Message("Rationale")
    String prevention_rationale();

    @Message("Next assessment due")
    String prevention_next_due();

    @Message("Compared with the previous assessment ({previous} → {current})")
    String prevention_comparison(Object previous, Object current);

    @Message("Indicator")
    String prevention_indicator();

    @Message("Before")
    String prevention_previous();

    @Message("Now")
    String prevention_current();

    @Message("Change")
    String prevention_movement();

    @Message("{#when movement}{#is 'UP'}higher on its scale{#is 'DOWN'}lower on its scale{#is 'SAME'}unchanged{#is 'NOT_COMPARABLE'}not comparable (insufficient information or another scale){#is 'NEW_INDICATOR'}new indicator{#else}{movement}{/when}")
    String prevention_movement_name(String movement);

    @Message("Overall judgement: {previous} → {current}")
    String prevention_judgement_change(String previous, String current);

    @Message("No earlier assessment to compare with.")
    String prevention_no_comparison();

    @Message("Ratings")
    String prevention_ratings();

    @Message("Level")
    String prevention_level();

    @Message("Evidence")
    String prevention_evidence();

    @Message("Referrals and handovers")
    String prevention_referrals_title();

    @Message("Referrals from other agencies into a programme, decided by a prevention supervisor: the identity stays sealed until approval. Handovers of a file to another agency are purpose-bound and decided by a second supervisor.")
    String prevention_referrals_help();

    @Message("Status")
    String prevention_status();

    @Message("{#when status}{#is 'PENDING'}pending{#is 'APPROVED'}approved{#is 'DECLINED'}declined{#else}{status}{/when}")
    String prevention_status_name(String status);

    @Message("No referral in this list.")
    String prevention_no_referrals();

    @Message("Referred by")
    String prevention_referred_by();

    @Message("Purpose")
    String prevention_purpose();

    @Message("Summary")
    String prevention_summary();

    @Message("Decided by")
    String prevention_decided_by();

    @Message("Reason for the decision")
    String prevention_reason();

    @Message("Marking of the participant’s file if approved")
    String prevention_participant_marking();

    @Message("Approve")
    String prevention_approve();

    @Message("Decline")
    String prevention_decline();

    @Message("{#when done}{#is 'approved'}Approved.{#is 'declined'}Declined.{#is 'requested'}The handover is requested: a prevention supervisor other than you decides.{#else}{done}{/when}")
    String prevention_decided(String done);

    @Message("Ask for a handover")
    String prevention_new_handover();

    @Message("A participant’s file goes to another agency only for the purpose and on the legal basis stated here, once a prevention supervisor other than the requester approves.")
    String prevention_handover_help();

    @Message("Recipient agency (code)")
    String prevention_recipient();

    @Message("Legal basis")
    String prevention_legal_basis();

    @Message("Include the identity")
    String prevention_include_identity();

    @Message("Ask for the handover")
    String prevention_request_handover();

    @Message("Handover")
    String prevention_handover_title();

    @Message("Requested by")
    String prevention_requested_by();

    @Message("You asked for this handover: another prevention supervisor must decide.")
    String prevention_own_handover();

    @Message("New assessment")
    String prevention_new_assessment();

    @Message("Assessed on")
    String prevention_assessed_on();

    @Message("Occasion")
    String prevention_occasion_label();

    @Message("Record the assessment")
    String prevention_assessment_submit();

    @Message("In the registry")
    String prevention_registry_record();

    @Message("Holder (participant code)")
    String prevention_holder();

    @Message("Issued on")
    String prevention_issued_on();

    @Message("Renewals")
    String prevention_renewals();

    @Message("Renewed on")
    String prevention_renewed_on();

    @Message("Certificate registry")
    String prevention_registry_title();

    @Message("Imams’ and preachers’ certificates whose holder you may work on. Search by the start of a number or by part of the holder’s name: spellings with or without hamza, diacritics or a final taa marbuta match. Names are searched, never shown.")
    String prevention_registry_help();

    @Message("Number or holder’s name")
    String prevention_registry_search();

    @Message("Valid and ending within (days)")
    String prevention_expiring_within();

    @Message("Any status")
    String prevention_any_status();

    @Message("No certificate in this list.")
    String prevention_no_certificates();

    @Message("Issue a certificate")
    String prevention_issue_certificate();

    @Message("Renew")
    String prevention_renew();

    @Message("Revoke")
    String prevention_revoke();

    @Message("Actions")
    String prevention_actions();

    @Message("{#when done}{#is 'issued'}The certificate was issued.{#is 'renewed'}The certificate was renewed.{#is 'revoked'}The certificate was revoked.{#else}Done.{/when}")
    String prevention_certificate_done(String done);

    @Message("Leave empty: the registry numbers it.")
    String prevention_number_help();

    @Message("Certifying programme (imam or preacher training)")
    String prevention_certifying_programme();

    @Message("— choose —")
    String prevention_choose();

    @Message("{#when change}{#is 'renewal'}Renew the certificate{#else}Revoke the certificate{/when}")
    String prevention_change_title(String change);

    @Message("New expiry date")
    String prevention_new_expiry();

    @Message("Reason for the revocation")
    String prevention_revocation_reason();

    @Message("New programme")
    String prevention_new_programme();

    @Message("Edit the programme")
    String prevention_edit_programme();

    @Message("Name of the programme")
    String prevention_programme_name();

    @Message("Compartments")
    String prevention_compartments();

    @Message("Shared with (agencies)")
    String prevention_shared_with();

    @Message("Codes separated by commas, e.g. CT-NORTH.")
    String prevention_codes_help();

    @Message("Description")
    String prevention_description();

    @Message("Weekly schedule")
    String prevention_schedule();

    @Message("One slot a line: day (in English), start-end, place. E.g. TUESDAY 09:00-12:00 prison library.")
    String prevention_schedule_help();

    @Message("Partner institutions")
    String prevention_partner_institutions();

    @Message("One institution a line; its role after a bar: Conseil des oulémas | curriculum.")
    String prevention_partners_help();

    @Message("Re-assessment every (days)")
    String prevention_cadence();

    @Message("Save")
    String prevention_save();

    @Message("Module code")
    String prevention_module_code();

    @Message("Module title")
    String prevention_module_title();

    @Message("Sessions required")
    String prevention_sessions_needed();

    @Message("Add the module")
    String prevention_add_module();

    @Message("New edition")
    String prevention_new_edition();

    @Message("Starts on")
    String prevention_starts_on();

    @Message("Ends on")
    String prevention_ends_on();

    @Message("Register a participant")
    String prevention_register_title();

    @Message("The identity is encrypted by the prevention service and never shown again here: the participant is known by the pseudonymous code it returns.")
    String prevention_register_help();

    @Message("Full name in Arabic")
    String prevention_name_ar();

    @Message("Full name in Latin letters")
    String prevention_name_latin();

    @Message("National identity card number")
    String prevention_national_id();

    @Message("Date of birth")
    String prevention_birth_date();

    @Message("Consent to participation given on")
    String prevention_consent_participation();

    @Message("Consent to follow-up given on (optional)")
    String prevention_consent_follow_up();

    @Message("Register")
    String prevention_register();

    @Message("{#when done}{#is 'created'}The programme was created.{#is 'saved'}The programme was saved.{#is 'module'}The module was added.{#else}Done.{/when}")
    String prevention_programme_done(String done);

    @Message("Registered: the participant’s code is {code}. Use it to enrol them in an edition.")
    String prevention_registered(String code);

    @Message("{#when kind}{#is 'referral'}Referral into a prevention programme{#is 'handover'}Handover of a participant’s file{#else}{kind}{/when}")
    String prevention_inbox_kind(String kind);

    @Message("{#when kind}{#is 'referral'}Programme and region asked for{#else}Recipient and legal basis{/when}")
    String prevention_inbox_what(String kind);

    @Message("Purpose")
    String prevention_inbox_detail();

    @Message("{#when kind}{#is 'referral'}A prevention supervisor decides; the identity stays sealed until approval.{#else}A prevention supervisor other than the requester decides.{/when}")
    String prevention_inbox_rule(String kind);

    @Message("{#when list}{#is 'prevention-referral'}Referrals (prevention){#is 'prevention-handover'}Handovers (prevention){#else}{list}{/when}")
    String prevention_inbox_list(String list);

    @Message("Reason (the prevention service records it with the decision)")
    String prevention_inbox_reason();

    @Message("Referring agency")
    String prevention_referring_agency();

    @Message("Handovers")
    String prevention_handovers_title();

    @Message("{#when state}{#is 'PENDING'}Waiting for a decision{#is 'DECIDED'}Decided{#else}{state}{/when}")
    String prevention_handover_state(String state);

    @Message("No handover in this list.")
    String prevention_no_handovers();
}
