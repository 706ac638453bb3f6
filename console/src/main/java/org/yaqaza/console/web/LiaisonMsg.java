package org.yaqaza.console.web;

import java.util.Map;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The liaison pages' labels added in issue 19's second round ({@code {lmsg:…}} in templates): English here,
 * {@code messages/lmsg_ar} and {@code lmsg_fr.properties} translate each key ({@code LiaisonMessagesTest} checks
 * both). A bundle of its own because {@link Msg} is close to the 300 messages one generated resolver handles
 * ({@code MessageBundleSizeTest}).
 */
@MessageBundle(value = "lmsg", locale = "en")
public interface LiaisonMsg {

    /**
     * A release-check refusal in words, from the liaison API's stable {@code reasonCode} and its
     * {@code reasonParams}; every code the service can produce has a branch ({@code LiaisonMessagesTest}).
     */
    @Message("{#when code}"
            + "{#is 'unknown-partner'}No partner {p.get('partner')} is registered."
            + "{#is 'partner-not-active'}The partnership with {p.get('partner')} is not active ({p.get('status')})."
            + "{#is 'no-active-agreement'}No sharing agreement with {p.get('partner')} is in force on {p.get('date')}."
            + "{#is 'above-ceiling'}{p.get('classification')} is above the ceiling of the agreement with "
            + "{p.get('partner')} ({p.get('ceiling')})."
            + "{#is 'category-not-allowed'}The agreement with {p.get('partner')} does not cover the category "
            + "{p.get('category')}."
            + "{#is 'tlp-weaker'}The material came under TLP:{p.get('strictest')}; it cannot go to {p.get('partner')} "
            + "under the weaker TLP:{p.get('outgoing')}."
            + "{#is 'tlp-red'}The product derives from TLP:RED material of {p.get('originator')}: it is never passed "
            + "on to {p.get('partner')}."
            + "{#is 'tlp-amber-strict'}The product derives from TLP:AMBER+STRICT material of {p.get('originator')}: "
            + "it never leaves our organisation."
            + "{#is 'tlp-amber-no-consent'}The product derives from TLP:AMBER material of {p.get('originator')}, "
            + "which has not consented to its release to {p.get('partner')}."
            + "{#is 'third-party-no-consent'}The product derives from material sent by {p.get('originator')}, "
            + "which has not consented to its release to {p.get('partner')}."
            + "{#else}{code}{/when}")
    String check_reason(String code, Map<String, String> p);

    @Message("Requests from partners")
    String rfi_incoming_title();

    @Message("Requests we sent")
    String rfi_outgoing_title();

    @Message("Our requests to partners, with their due dates: a request not answered by its due date has expired. "
            + "The partner answers through the partner API; its answer is shown here.")
    String rfi_outgoing_help();

    @Message("Send a request for information")
    String rfi_send_title();

    @Message("Partner")
    String rfi_partner();

    @Message("Subject")
    String rfi_subject();

    @Message("Question")
    String rfi_question();

    @Message("Category (of the agreement)")
    String rfi_category();

    @Message("TLP of the question")
    String rfi_tlp();

    @Message("Due date")
    String rfi_due_date();

    @Message("Classification (within the agreement's ceiling)")
    String rfi_classification();

    @Message("Send the request")
    String rfi_send_button();

    @Message("{#when state}{#is 'SENT'}sent{#is 'EXPIRED'}expired{#is 'ANSWERED'}answered{#is 'WITHDRAWN'}withdrawn"
            + "{#else}{state}{/when}")
    String rfi_out_state(String state);

    @Message("Answer")
    String rfi_answer();

    @Message("Withdraw")
    String rfi_withdraw_button();

    @Message("Reason for withdrawing (optional)")
    String rfi_withdraw_reason();

    @Message("The request was sent to the partner.")
    String rfi_sent_notice();

    @Message("The request was withdrawn.")
    String rfi_withdrawn_notice();

    @Message("No request sent.")
    String rfi_no_outgoing();

    @Message("Choose…")
    String rfi_choose();
}
