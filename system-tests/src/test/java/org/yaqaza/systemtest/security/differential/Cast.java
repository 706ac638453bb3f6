package org.yaqaza.systemtest.security.differential;

import java.util.List;

import org.yaqaza.systemtest.ShortDeadlineSuite;
import org.yaqaza.systemtest.scenarios.Gateway;

/**
 * Who asks and who hides. The outsiders are the demo accounts plus one caller per way of not seeing a record:
 * a clearance too low (with the compartment and the agency), a compartment missing (the demo analysts), another
 * agency (with every clearance and compartment). The owners hold the compartment {@value #COMPARTMENT} and create
 * what the outsiders must not see.
 */
final class Cast {

    /** The need-to-know compartment of every hidden record (no outsider of intelligence holds it). */
    static final String COMPARTMENT = ShortDeadlineSuite.HIDDEN_COMPARTMENT;

    static final String COLLECTOR = "collector";
    static final String ANALYST = "analyst";
    static final String SUPERVISOR = "supervisor";
    static final String LIAISON = "liaison-officer";
    static final String PREVENTION = "prevention-officer";
    static final String AUDITOR = "auditor";
    /** The demo partner system. */
    static final String PARTNER = "es-cni";

    /** Analyst of DGST with the compartment, one clearance short of TOP_SECRET. */
    static final String LOW_CLEARANCE = "dn-low-clearance";
    /** Supervisor of DGSN (another agency), TOP_SECRET, every compartment. */
    static final String OTHER_AGENCY = "dn-other-agency";
    /** Liaison officer of DGSN, TOP_SECRET, every compartment. */
    static final String OTHER_LIAISON = "dn-other-liaison";
    /** Supervisor of MHAI: prevention staff (the demo supervisor is DGST's). */
    static final String PREVENTION_SUPERVISOR = "dn-prevention-supervisor";
    /** Prevention officer of MHAI with the compartment, SECRET. */
    static final String LOW_PREVENTION = "dn-low-prevention";
    /** Prevention officer of another agency (DGAPR), TOP_SECRET, with the compartment. */
    static final String OTHER_PREVENTION = "dn-other-prevention";

    static final String OWNER_ANALYST = "dn-owner-analyst";
    static final String OWNER_SUPERVISOR = "dn-owner-supervisor";
    static final String OWNER_LIAISON = "dn-owner-liaison";
    /** A supervisor of the liaison owner's agency (DGED): the second person for its SECRET+ warnings. */
    static final String OWNER_LIAISON_SUPERVISOR = "dn-owner-liaison-supervisor";
    static final String OWNER_PREVENTION = "dn-owner-prevention";
    /** A partner system of a hidden partner (TOP_SECRET, compartment) and of an ordinary other partner. */
    static final String HIDDEN_PARTNER = "dn-hidden-partner";
    static final String OTHER_PARTNER = "dn-other-partner";

    static final List<String> INTELLIGENCE_READERS = List.of(COLLECTOR, ANALYST, SUPERVISOR, LOW_CLEARANCE,
            OTHER_AGENCY);
    static final List<String> ANALYSTS = List.of(ANALYST, SUPERVISOR, LOW_CLEARANCE, OTHER_AGENCY);
    static final List<String> LIAISON_READERS = List.of(LIAISON, SUPERVISOR, AUDITOR, OTHER_LIAISON);
    static final List<String> PREVENTION_READERS = List.of(PREVENTION, PREVENTION_SUPERVISOR, LOW_PREVENTION,
            OTHER_PREVENTION, SUPERVISOR, ANALYST);
    static final List<String> DASHBOARD_READERS = List.of(ANALYST, SUPERVISOR, LIAISON, PREVENTION, AUDITOR,
            LOW_CLEARANCE, OTHER_AGENCY);

    private Cast() {
    }

    /** Creates the accounts beyond the demo directory (as the demo admin). */
    static void register(Gateway gw) {
        List<String> every = List.of("CT-NORTH", "CT-SOUTH", "CYBER", COMPARTMENT);
        gw.user(LOW_CLEARANCE, "analyst", "SECRET", every, "DGST");
        gw.user(OTHER_AGENCY, "supervisor", "TOP_SECRET", every, "DGSN");
        gw.user(OTHER_LIAISON, "liaison-officer", "TOP_SECRET", every, "DGSN");
        gw.user(PREVENTION_SUPERVISOR, "supervisor", "SECRET", List.of(), "MHAI");
        gw.user(LOW_PREVENTION, "prevention-officer", "SECRET", List.of(COMPARTMENT), "MHAI");
        gw.user(OTHER_PREVENTION, "prevention-officer", "TOP_SECRET", List.of(COMPARTMENT), "DGAPR");
        gw.user(OWNER_ANALYST, "analyst", "TOP_SECRET", every, "DGST");
        gw.user(OWNER_SUPERVISOR, "supervisor", "TOP_SECRET", every, "DGST");
        gw.user(OWNER_LIAISON, "liaison-officer", "TOP_SECRET", every, "DGED");
        gw.user(OWNER_LIAISON_SUPERVISOR, "supervisor", "TOP_SECRET", every, "DGED");
        gw.user(OWNER_PREVENTION, "prevention-officer", "TOP_SECRET", List.of(COMPARTMENT), "MHAI");
        gw.partnerClient(HIDDEN_PARTNER, HIDDEN_PARTNER, "TOP_SECRET");
        gw.partnerClient(OTHER_PARTNER, OTHER_PARTNER, "SECRET");
    }
}
