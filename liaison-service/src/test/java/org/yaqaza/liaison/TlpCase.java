package org.yaqaza.liaison;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;

/**
 * An originator and a recipient partner, both with agreements, and a product derived from the originator's material
 * under one TLP: the setting in which releases and warnings to a second partner are checked.
 */
record TlpCase(String originator, String recipient, UUID product) {

    static TlpCase of(String tlp) {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        return new TlpCase(originator, recipient,
                IntelligenceStub.productWithLineage("RESTRICTED", "TERRORISM", Map.of(originator, tlp)));
    }

    /** A 422 of the release checks naming {@code rule} and the partner refused. */
    static void refused(ValidatableResponse response, String rule, String partner) {
        response.statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:liaison:release-check:" + rule))
                .body("detail", containsString(partner));
    }
}
