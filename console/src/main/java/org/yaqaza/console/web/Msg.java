package org.yaqaza.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every label of the console. English here; {@code messages/msg_ar.properties} and {@code msg_fr.properties}
 * translate each key (a build fails on a key missing from this interface; {@code MessagesTest} fails on a key
 * missing from a translation).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Yaqaza")
    String app_name();

    @Message("Classification of this page")
    String banner_label();

    @Message("{#when marking}{#is 'RESTRICTED'}RESTRICTED{#is 'CONFIDENTIAL'}CONFIDENTIAL{#is 'SECRET'}SECRET"
            + "{#is 'TOP_SECRET'}TOP SECRET{#else}UNCLASSIFIED{/when}")
    String marking(String marking);

    @Message("Main navigation")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("Search reports")
    String nav_search();

    @Message("Write a report")
    String nav_new_report();

    @Message("Language")
    String nav_language();

    @Message("Sign out")
    String nav_sign_out();

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Welcome, {name}")
    String home_title(String name);

    @Message("Your roles: {roles}")
    String home_roles(String roles);

    @Message("Search")
    String search_title();

    @Message("Words to find (Arabic or Latin script)")
    String search_query();

    @Message("Language of the report")
    String search_language();

    @Message("Any")
    String any();

    @Message("Classification")
    String classification();

    @Message("Find")
    String search_submit();

    @Message("No report matches.")
    String search_none();

    @Message("Next results")
    String search_next();

    @Message("Results")
    String search_results();

    @Message("Report")
    String report_title();

    @Message("Source reliability")
    String report_reliability();

    @Message("Information credibility")
    String report_credibility();

    @Message("Collected at")
    String report_collected_at();

    @Message("Collected in")
    String report_collected_place();

    @Message("Language")
    String report_language();

    @Message("Title")
    String report_field_title();

    @Message("Text")
    String report_body();

    @Message("Compartments")
    String report_compartments();

    @Message("Shared with agencies")
    String report_shared_with();

    @Message("Legal authorisation")
    String report_legal();

    @Message("Source type")
    String report_source_type();

    @Message("Owning agency")
    String report_owner();

    @Message("Entities named in the report")
    String report_mentions();

    @Message("No entity is linked to this report.")
    String report_no_mentions();

    @Message("Audit trail of this report")
    String report_audit();

    @Message("Write a report")
    String new_report_title();

    @Message("Comma-separated codes, e.g. OPS-1")
    String codes_hint();

    @Message("A: completely reliable · B: usually reliable · C: fairly reliable · D: not usually reliable · "
            + "E: unreliable · F: reliability cannot be judged")
    String reliability_help();

    @Message("1: confirmed by other sources · 2: probably true · 3: possibly true · 4: doubtful · "
            + "5: improbable · 6: truth cannot be judged")
    String credibility_help();

    @Message("File the report")
    String new_report_submit();

    @Message("The report was not filed: correct the fields marked below.")
    String form_has_errors();

    @Message("Page not found")
    String not_found_title();

    @Message("There is nothing at this address, or nothing you may see.")
    String not_found_text();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your roles do not allow this action.")
    String forbidden_text();

    @Message("Service unavailable")
    String unavailable_title();

    @Message("A service did not answer. Try again in a moment; request {requestId}.")
    String unavailable_text(String requestId);

    @Message("You are signed out")
    String signed_out_title();

    @Message("Sign in again")
    String sign_in();

    @Message("Go to the home page")
    String go_home();

    @Message("Names in every script")
    String entity_names();

    @Message("Identifiers")
    String entity_identifiers();

    @Message("Status history")
    String entity_status_history();

    @Message("Links")
    String entity_graph();

    @Message("{hops} hop(s)")
    String entity_hops(int hops);

    @Message("Path to")
    String entity_path_to();

    @Message("Find the path")
    String entity_find_path();

    @Message("Path found: {length} link(s).")
    String entity_path_length(int length);

    @Message("No path within the links you may see.")
    String entity_no_path();

    @Message("Reports naming this entity")
    String entity_reports();

    @Message("No report names this entity.")
    String entity_no_reports();

    @Message("Expand")
    String entity_expand();

    @Message("Screen a name")
    String nav_screening();

    @Message("Name, in any script")
    String screening_name();

    @Message("Year of birth (optional)")
    String screening_birth_year();

    @Message("Nationality, ISO code (optional)")
    String screening_nationality();

    @Message("Screen")
    String screening_submit();

    @Message("Candidates")
    String screening_candidates();

    @Message("No candidate among the people and organisations you may see.")
    String screening_none();

    @Message("score {percent} %")
    String screening_score(int percent);

    @Message("above the alert threshold")
    String screening_hit();

    @Message("«{query}» matches «{candidate}» {#when how}{#is 'EXACT'}exactly{#is 'VARIANT'}as a known variant{#is 'TRANSLITERATION'}by transliteration (the same sounds in another script or spelling){#else}closely (a spelling difference){/when} ({percent} %)")
    String screening_part(String query, String candidate, String how, int percent);

    @Message("«{query}» has no counterpart in this name")
    String screening_part_unmatched(String query);

    @Message("«{part}» of this name was not in the query")
    String screening_candidate_part_unmatched(String part);

    @Message("Annual indicators")
    String nav_dashboard();

    @Message("Figures computed from the records you may see; the page is marked at your clearance, the highest marking that may have contributed.")
    String dashboard_aggregate();

    @Message("Annual indicators of the last ten years, as a bar chart")
    String dashboard_chart_alt();

    @Message("Annual indicators")
    String dashboard_table();

    @Message("Year")
    String dashboard_year();

    @Message("Cells dismantled")
    String dashboard_cells();

    @Message("Plots foiled")
    String dashboard_plots();

    @Message("Attacks on national territory")
    String dashboard_attacks();

    @Message("Arrests")
    String dashboard_arrests();

    @Message("Judicial referrals")
    String dashboard_referrals();

    @Message("Alerts")
    String nav_alerts();

    @Message("{count} unread")
    String alerts_unread(int count);

    @Message("Mark as read")
    String alerts_mark_read();

    @Message("No alert for the entities you watch.")
    String alerts_none();

    @Message("Watch this entity")
    String entity_watch();

    // ---- part 2 (issue 19): auditors and administrators

    @Message("Audit")
    String nav_audit();

    @Message("Directory")
    String nav_admin_users();

    @Message("Machine clients")
    String nav_admin_clients();

    @Message("Pending changes")
    String nav_admin_changes();

    @Message("Audit trail and chain verification")
    String audit_title();

    @Message("Audit chain of each service")
    String audit_chains();

    @Message("{#when service}{#is 'gateway'}Gateway (directory, sign-ins){#is 'intelligence'}Intelligence{#is 'liaison'}Liaison{#is 'prevention'}Prevention{#else}{service}{/when}")
    String audit_service(String service);

    @Message("Valid: {count} events checked")
    String audit_chain_valid(long count);

    @Message("BROKEN: first broken event no. {seq}")
    String audit_chain_broken(Long seq);

    @Message("Not checked: the service did not answer.")
    String audit_chain_unknown();

    @Message("Audit trail")
    String audit_trail();

    @Message("The filters were refused: correct the fields marked below.")
    String audit_filters_invalid();

    @Message("Service")
    String audit_service_label();

    @Message("Actor (subject)")
    String audit_actor();

    @Message("Object type")
    String audit_object_type();

    @Message("Object id")
    String audit_object_id();

    @Message("From (UTC)")
    String audit_from();

    @Message("To (UTC)")
    String audit_to();

    @Message("Show")
    String audit_submit();

    @Message("Audit events, oldest first")
    String audit_events();

    @Message("No audit event matches.")
    String audit_none();

    @Message("No.")
    String audit_seq();

    @Message("When")
    String audit_when();

    @Message("Action")
    String audit_action();

    @Message("Object")
    String audit_object();

    @Message("Detail")
    String audit_detail();

    @Message("Users")
    String admin_users_title();

    @Message("User")
    String admin_user_title();

    @Message("User name")
    String admin_username();

    @Message("Name")
    String admin_display_name();

    @Message("Roles")
    String admin_roles();

    @Message("Clearance")
    String admin_clearance();

    @Message("Agency")
    String admin_agency();

    @Message("Partner")
    String admin_partner();

    @Message("State")
    String admin_state();

    @Message("enabled")
    String admin_enabled();

    @Message("disabled")
    String admin_disabled();

    @Message("Last change")
    String admin_updated();

    @Message("Disable")
    String admin_disable();

    @Message("Unlock")
    String admin_unlock();

    @Message("Forgets the account’s failed sign-ins, lifting its sign-in throttling.")
    String admin_unlock_help();

    @Message("Change roles, clearance and compartments")
    String admin_edit();

    @Message("A clearance above RESTRICTED, a compartment or the admin role waits for a second administrator, who approves it in the pending changes; nobody approves their own request.")
    String admin_four_eyes_help();

    @Message("Account enabled")
    String admin_account_enabled();

    @Message("Save the change")
    String admin_save();

    @Message("The change was not made: correct the fields marked below.")
    String admin_form_errors();

    @Message("{#when what}{#is 'disabled'}The account is disabled.{#is 'unlocked'}The account’s sign-in throttling is lifted.{#else}The change is applied.{/when}")
    String admin_done(String what);

    @Message("This change needs a second administrator: it is pending, not applied. The values shown are the current ones.")
    String admin_pending();

    @Message("See the pending changes")
    String admin_pending_link();

    @Message("Machine clients")
    String admin_clients_title();

    @Message("Machine client")
    String admin_client_title();

    @Message("Client id")
    String admin_client_id();

    @Message("Authentication at the token endpoint")
    String admin_auth_methods();

    @Message("Changes waiting for a second administrator")
    String admin_changes_title();

    @Message("Status")
    String admin_change_status();

    @Message("{#when status}{#is 'PENDING'}pending{#is 'APPROVED'}approved{#is 'REJECTED'}rejected{#is 'ALL'}all{#else}{status}{/when}")
    String admin_status(String status);

    @Message("Why a second administrator")
    String admin_change_reasons();

    @Message("Before")
    String admin_change_before();

    @Message("After")
    String admin_change_after();

    @Message("Requested by")
    String admin_requested_by();

    @Message("Decided by")
    String admin_decided_by();

    @Message("Approve")
    String admin_approve();

    @Message("Reject")
    String admin_reject();

    @Message("You asked for this change: another administrator must approve it.")
    String admin_own_request();

    @Message("This change is about your own account: another administrator must approve it.")
    String admin_own_account();

    @Message("No change in this list.")
    String admin_no_changes();

    @Message("The decision was refused:")
    String admin_decision_refused();

    @Message("Approvals")
    String nav_approvals();

    @Message("Waiting for a second person")
    String approvals_title();

    @Message("Everything that waits for a supervisor's decision and that you may see, the longest waiting first."
            + " Whoever asked may not decide: another supervisor must.")
    String approvals_help();

    @Message("{#when done}{#is 'approved'}Approved: the change is applied.{#else}Rejected: nothing changes.{/when}")
    String approvals_done(String done);

    @Message("{#when list}{#is 'intelligence-assessment'}Threat assessments (intelligence)"
            + "{#is 'intelligence-intervention'}Interventions (intelligence cases)"
            + "{#is 'intelligence-marking'}Marking requests (intelligence)"
            + "{#is 'liaison-marking'}Marking requests (liaison)"
            + "{#is 'prevention-marking'}Marking requests (prevention){#else}{list}{/when}")
    String approvals_list(String list);

    @Message("{#when note}{#is 'refused'}not shown, the service refused to list them for you"
            + "{#is 'truncated'}more are waiting than this page lists, the oldest of them may be missing"
            + "{#else}not shown, the service did not answer{/when}")
    String approvals_note(String note);

    @Message("Nothing waits for your decision.")
    String approvals_none();

    @Message("{#when kind}{#is 'assessment'}Threat assessment{#is 'marking'}Marking change"
            + "{#is 'intervention'}Intervention in a case"
            + "{#else}{kind}{/when}")
    String approvals_kind(String kind);

    @Message("Service")
    String approvals_source();

    @Message("{#when service}{#is 'intelligence'}Intelligence{#is 'liaison'}Liaison{#is 'prevention'}Prevention"
            + "{#else}{service}{/when}")
    String approvals_service(String service);

    @Message("Proposed")
    String approvals_proposed();

    @Message("Reason given")
    String approvals_reason();

    @Message("Four-eyes rule")
    String approvals_rule();

    @Message("A supervisor other than the author approves it.")
    String approvals_rule_assessment();

    @Message("A supervisor of the owning agency ({agency}) who did not ask approves it.")
    String approvals_rule_marking(String agency);

    @Message("You asked for this: another supervisor must decide.")
    String approvals_own_request();

    @Message("Note with your decision (optional)")
    String approvals_note_label();

    @Message("Planned (date · place · arrests)")
    String approvals_planned();

    @Message("Seizures")
    String approvals_seizures();

    @Message("A supervisor other than the one who asked approves it.")
    String approvals_rule_intervention();

    @Message("Liaison")
    String nav_liaison();

    @Message("Liaison pages")
    String liaison_nav_label();

    @Message("Partners and agreements")
    String liaison_home_title();

    @Message("Each partner with its sharing agreements: the highest classification releasable, the categories allo"
            + "wed and the validity. Agreements ending within {days} days are flagged.")
    String liaison_home_help(int days);

    @Message("Partnership")
    String liaison_partner_status();

    @Message("{#when state}{#is 'PROSPECTIVE'}prospective{#is 'ACTIVE'}active{#is 'SUSPENDED'}suspended{#is 'ENDED"
            + "'}ended{#else}{state}{/when}")
    String liaison_partner_state(String state);

    @Message("Any")
    String liaison_any();

    @Message("Filter")
    String liaison_filter();

    @Message("Nothing to show.")
    String liaison_none();

    @Message("No sharing agreement.")
    String liaison_no_agreement();

    @Message("Sharing agreements")
    String liaison_agreements();

    @Message("Reference")
    String liaison_reference();

    @Message("Ceiling")
    String liaison_ceiling();

    @Message("Categories")
    String liaison_categories();

    @Message("Validity")
    String liaison_validity();

    @Message("State")
    String liaison_agreement_status();

    @Message("{#when state}{#is 'DRAFT'}draft{#is 'ACTIVE'}active{#is 'SUSPENDED'}suspended{#is 'TERMINATED'}termi"
            + "nated{#else}{state}{/when}")
    String liaison_agreement_state(String state);

    @Message("in force today")
    String liaison_in_force();

    @Message("widening waiting for approval")
    String liaison_pending_widening();

    @Message("{#when category}{#is 'TERRORISM'}terrorism{#is 'VIOLENT_EXTREMISM'}violent extremism{#is 'ORGANISED_"
            + "CRIME'}organised crime{#is 'HUMAN_TRAFFICKING'}human trafficking{#else}{category}{/when}")
    String liaison_category(String category);

    @Message("no end date")
    String liaison_open_ended();

    @Message("Ends in {days} days")
    String liaison_expires_in(long days);

    @Message("Ended")
    String liaison_expired();

    @Message("Next page")
    String liaison_next_page();

    @Message("Release to partners")
    String liaison_compose_title();

    @Message("Choose a product, the partners and the TLP: the release checks (agreement ceiling, categories, third"
            + "-party rule over the lineage, TLP) are shown before you submit.")
    String liaison_compose_help();

    @Message("Intelligence product")
    String liaison_product();

    @Message("Choose…")
    String liaison_choose();

    @Message("Partners")
    String liaison_partners();

    @Message("TLP marking")
    String liaison_tlp();

    @Message("Never weaker than the strictest TLP of the material it derives from.")
    String liaison_tlp_help();

    @Message("Note to the partners")
    String liaison_note();

    @Message("Check")
    String liaison_check_button();

    @Message("Submit the release")
    String liaison_submit_button();

    @Message("Release checks")
    String liaison_checks_title();

    @Message("Lineage (partners and TLP of the material)")
    String liaison_lineage();

    @Message("no partner material")
    String liaison_lineage_none();

    @Message("may receive it")
    String liaison_check_passed();

    @Message("refused")
    String liaison_check_refused();

    @Message("{#when rule}{#is 'unknown-partner'}unknown partner{#is 'agreement-active'}no active agreement{#is 'c"
            + "lassification-ceiling'}classification above the agreement's ceiling{#is 'category-allowed'}category "
            + "not allowed by the agreement{#is 'tlp-weaker'}TLP weaker than the material's{#is 'tlp-red'}TLP:RED m"
            + "aterial is never re-released{#is 'tlp-amber-strict'}TLP:AMBER+STRICT material stays in our organisat"
            + "ion{#is 'tlp-amber'}TLP:AMBER material needs the originator's consent{#is 'third-party'}third-party "
            + "rule: the originating partner has not consented{#else}{rule}{/when}")
    String liaison_rule(String rule);

    @Message("Every partner passes the checks: the release may be submitted.")
    String liaison_checks_all_passed();

    @Message("The checks refuse at least one partner: change the partners or the TLP, or record the consent first.")
    String liaison_checks_some_refused();

    @Message("The checks could not run on these fields:")
    String liaison_checks_not_run();

    @Message("Choose a product and at least one partner to see the checks.")
    String liaison_checks_choose();

    @Message("Sent releases")
    String liaison_releases_title();

    @Message("{#when status}{#is 'PENDING_APPROVAL'}Submitted: a supervisor must approve it before it goes out.{#e"
            + "lse}Released to the partners.{/when}")
    String liaison_release_done(String status);

    @Message("State")
    String liaison_release_status();

    @Message("{#when state}{#is 'DRAFT'}draft{#is 'PENDING_APPROVAL'}waiting for approval{#is 'RELEASED'}released{"
            + "#is 'ACKNOWLEDGED'}acknowledged{#is 'FEEDBACK_RECEIVED'}feedback received{#else}{state}{/when}")
    String liaison_release_state(String state);

    @Message("Partner")
    String liaison_partner_code();

    @Message("Submitted by")
    String liaison_submitted_by();

    @Message("Approved by")
    String liaison_approved_by();

    @Message("Rejected because")
    String liaison_rejection();

    @Message("Delivery and acknowledgement per partner")
    String liaison_recipients();

    @Message("Delivery")
    String liaison_delivery();

    @Message("Released")
    String liaison_released_at();

    @Message("Acknowledged")
    String liaison_acknowledged_at();

    @Message("{#when state}{#is 'RELEASED'}delivered, not acknowledged{#is 'ACKNOWLEDGED'}acknowledged{#is 'FEEDBA"
            + "CK_RECEIVED'}feedback received{#else}not sent yet{/when}")
    String liaison_recipient_state(String state);

    @Message("Threat warnings")
    String liaison_warnings_title();

    @Message("Each warning's precedence, the time left to its acknowledgement deadline and whether it was escalate"
            + "d to the supervisors.")
    String liaison_warnings_help();

    @Message("Precedence")
    String liaison_precedence();

    @Message("{#when precedence}{#is 'FLASH'}Flash{#is 'IMMEDIATE'}Immediate{#is 'PRIORITY'}Priority{#is 'ROUTINE'"
            + "}Routine{#else}{precedence}{/when}")
    String liaison_precedence_name(String precedence);

    @Message("State")
    String liaison_warning_status();

    @Message("{#when state}{#is 'pending_approval'}waiting for approval{#is 'issued'}issued{#is 'rejected'}rejecte"
            + "d{#is 'acknowledged'}acknowledged{#is 'escalated'}escalated to the supervisors{#is 'overdue'}past it"
            + "s deadline, escalation under way{#else}waiting for acknowledgement{/when}")
    String liaison_warning_state(String state);

    @Message("Subject")
    String liaison_subject();

    @Message("Acknowledgement deadline")
    String liaison_deadline();

    @Message("Time left")
    String liaison_time_left();

    @Message("deadline passed")
    String liaison_past_deadline();

    @Message("Requests for information")
    String liaison_rfis_title();

    @Message("Partners' requests to us, with their due dates (overdue ones flagged).")
    String liaison_rfis_help();

    @Message("State")
    String liaison_rfi_status();

    @Message("{#when state}{#is 'RECEIVED'}received{#is 'ASSIGNED'}assigned{#is 'ANSWERED'}answered{#is 'DECLINED'"
            + "}declined{#else}{state}{/when}")
    String liaison_rfi_state(String state);

    @Message("Due")
    String liaison_due();

    @Message("overdue")
    String liaison_overdue();

    @Message("Assigned to")
    String liaison_assigned_to();

    @Message("Incoming partner intelligence")
    String liaison_incoming_title();

    @Message("Received")
    String liaison_received();

    @Message("in the intelligence service (report)")
    String liaison_delivered();

    @Message("waiting for delivery")
    String liaison_waiting_delivery();

    @Message("Cooperation figures")
    String liaison_statistics_title();

    @Message("Releases, warnings and outcomes per partner in {year}")
    String liaison_chart_alt(int year);

    @Message("Releases")
    String liaison_stat_releases();

    @Message("Acknowledged")
    String liaison_stat_acknowledged();

    @Message("Warnings")
    String liaison_stat_warnings();

    @Message("Warnings acknowledged")
    String liaison_stat_warnings_ack();

    @Message("Warnings escalated")
    String liaison_stat_escalated();

    @Message("Outcomes reported")
    String liaison_stat_outcomes();

    @Message("{#when kind}{#is 'release'}Release to partners{#is 'warning'}Threat warning{#is 'consent'}Third-part"
            + "y consent{#is 'widening'}Agreement widening{#else}{kind}{/when}")
    String approvals_liaison_kind(String kind);

    @Message("{#when list}{#is 'liaison-release'}Releases (liaison){#is 'liaison-warning'}Threat warnings (liaison"
            + "){#is 'liaison-consent'}Third-party consents (liaison){#is 'liaison-widening'}Agreement widenings (l"
            + "iaison){#else}{list}{/when}")
    String approvals_liaison_list(String list);

    @Message("{#when kind}{#is 'release'}TLP → partners{#is 'warning'}Precedence · TLP → partner{#is 'consent'}Sco"
            + "pe{#else}Proposed{/when}")
    String approvals_liaison_what(String kind);

    @Message("{#when kind}{#is 'release'}Note to the partners{#is 'warning'}Category{#is 'consent'}Originator's re"
            + "ference{#else}Reason given{/when}")
    String approvals_liaison_detail(String kind);

    @Message("{#when kind}{#is 'release'}A supervisor who neither drafted nor submitted it approves it (SECRET and"
            + " above); rejecting needs a note.{#is 'warning'}A supervisor of the owning agency other than its auth"
            + "or approves it (SECRET and above); rejecting needs a note.{#is 'consent'}A supervisor other than the"
            + " one who recorded it approves it.{#else}A supervisor other than the one who proposed it approves it."
            + "{/when}")
    String approvals_liaison_rule(String kind);

    @Message("Sort ascending")
    String sort_ascending();

    @Message("Sort descending")
    String sort_descending();

    @Message("{#when what}{#is 'kind'}Directory grant{#is 'list'}Directory grants (gateway){#is 'service'}Directory ("
            + "gateway){#is 'why'}Change · why it needs a second administrator{#else}Another administrator than the"
            + " one who asked, and than the account changed, approves it.{/when}")
    String approvals_directory(String what);

    @Message("Sort by")
    String sort_by();

    @Message("{#if descending}sorted descending{#else}sorted ascending{/if}")
    String sort_state(boolean descending);

    @Message("Service")
    String liaison_sort_service();

    @Message("Code")
    String liaison_sort_code();

    @Message("Country")
    String liaison_sort_country();

    @Message("Unread only")
    String alerts_unread_only();

    @Message("Previous page")
    String page_previous();

    @Message("Kind")
    String alerts_type();

    @Message("All kinds")
    String alerts_type_all();

    @Message("Watched entity mentioned")
    String alerts_type_mentioned();

    @Message("Threat level raised")
    String alerts_type_threat();

    @Message("Screening hit")
    String alerts_type_screening();

    @Message("Order")
    String alerts_order();

    @Message("Unread first, newest first")
    String alerts_order_inbox();

    @Message("Newest first")
    String alerts_order_newest();

    @Message("Oldest first")
    String alerts_order_oldest();

    @Message("By kind")
    String alerts_order_type();

    @Message("across {count} hash chains")
    String audit_chain_count(int count);

    @Message("in chain {chain}")
    String audit_chain_broken_in(int chain);
}
