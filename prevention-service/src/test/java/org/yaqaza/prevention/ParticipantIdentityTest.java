package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.prevention.identity.IdentityCipher;
import org.yaqaza.prevention.identity.IdentityKeyCheck;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ParticipantIdentityTest {

    private static final String NAME_AR = "عبد الرحيم بن عمر الإدريسي";
    private static final String NAME_LATIN = "Abderrahim Ben Omar El Idrissi";
    private static final String NATIONAL_ID = "JK482913";

    @Inject
    DataSource dataSource;

    private static String auditor() {
        return PostgresTestResource.primary().token().subject("auditor-1").roles("auditor").clearance("TOP_SECRET")
                .sign();
    }

    @Test
    void storedIdentityBytesContainNeitherTheNameNorTheNationalId() throws Exception {
        String code = Fixtures.participant(NAME_AR, NAME_LATIN, NATIONAL_ID);
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code).then()
                .statusCode(200).body("code", equalTo(code)).body("fullNameAr", nullValue())
                .body("consent.PARTICIPATION", equalTo("ACTIVE"));
        try (Connection c = PostgresTestResource.superuser("prevention");
                PreparedStatement s = c.prepareStatement("select full_name_ar, full_name_latin, national_id,"
                        + " birth_date from participant where code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                for (int i = 1; i <= 4; i++) {
                    byte[] raw = rs.getBytes(i);
                    assertNotNull(raw);
                    for (String secret : new String[] { NAME_AR, NAME_LATIN, NATIONAL_ID, "1990-04-12", "Idrissi",
                            "482913" }) {
                        assertFalse(contains(raw, secret.getBytes(StandardCharsets.UTF_8)),
                                "column " + i + " leaks " + secret);
                        assertFalse(contains(raw, secret.getBytes(StandardCharsets.UTF_16BE)));
                    }
                    assertEquals("k1", IdentityCipher.keyIdOf(raw), "key id stored with the ciphertext");
                }
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void identityIsDisclosedOnlyWithAPurposeAndEachDisclosureIsAudited() {
        String code = Fixtures.participant(NAME_AR, NAME_LATIN, "QA" + System.nanoTime() % 100000);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body("{}")
                .post("/api/prevention/participants/" + code + "/identity-disclosures").then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
        String purpose = "تحضير ملف الإفراج — release file for the court";
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(Map.of("purpose", purpose))
                .post("/api/prevention/participants/" + code + "/identity-disclosures").then().statusCode(200)
                .body("fullNameAr", equalTo(NAME_AR)).body("fullNameLatin", equalTo(NAME_LATIN))
                .body("birthDate", equalTo("1990-04-12"));
        given().auth().oauth2(auditor()).queryParam("objectType", "participant").queryParam("objectId", code)
                .queryParam("limit", 100).get("/api/prevention/audit").then().statusCode(200)
                .body("items.action", hasItem("DISCLOSE_IDENTITY"))
                .body("items.detail", hasItem("purpose: " + purpose))
                .body("items.detail", not(hasItem(containsString(NAME_LATIN))));
    }

    @Test
    void afterWithdrawalTheIdentityIsNoLongerShownAndNoNewProcessingHappens() {
        String code = Fixtures.anyParticipant();
        String consentId = given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code
                + "/consents").then().statusCode(200).extract().path("find { it.scope == 'PARTICIPATION' }.id");
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"withdrawnOn\":\"2024-03-01\"}")
                .post("/api/prevention/participants/" + code + "/consents/" + consentId + "/withdrawal").then()
                .statusCode(200).body("withdrawnOn", equalTo("2024-03-01"));
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code).then()
                .body("consent.PARTICIPATION", equalTo("WITHDRAWN"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"purpose\":\"checking the file after withdrawal\"}")
                .post("/api/prevention/participants/" + code + "/identity-disclosures").then().statusCode(409)
                .body("title", equalTo("Consent withdrawn"));
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 5);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"voluntary\":true,\"appliedOn\":\"2024-03-05\"}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(409)
                .body("title", equalTo("Consent withdrawn"));
    }

    @Test
    void theKeyCheckRefusesAWrongKeyWithAClearMessage() {
        // the running service's key passes
        IdentityKeyCheck.verify(dataSource, new IdentityCipher("k1",
                "dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", Map.of()), Instant.now());
        byte[] other = new byte[32];
        Arrays.fill(other, (byte) 7);
        IdentityCipher wrong = new IdentityCipher("k1", Base64.getEncoder().encodeToString(other), Map.of());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> IdentityKeyCheck.verify(dataSource, wrong, Instant.now()));
        assertTrue(refused.getMessage().startsWith("Refusing to start"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not the key that encrypted the stored identities"));
        // a new key id without the old key cannot read what exists either
        Fixtures.anyParticipant();
        IdentityCipher rotatedWithoutOld = new IdentityCipher("k2", Base64.getEncoder().encodeToString(other),
                Map.of());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> IdentityKeyCheck.verify(dataSource, rotatedWithoutOld, Instant.now()));
        assertTrue(missing.getMessage().contains("key id 'k1', which is not configured"), missing.getMessage());
    }

    @Test
    void aWrongKeyNeverYieldsGarbage() {
        IdentityCipher right = new IdentityCipher("k1", "dGVzdC1vbmx5LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=", Map.of());
        byte[] sealed = right.encrypt(NAME_AR, "participant:x:full_name_ar");
        assertFalse(Arrays.equals(sealed, right.encrypt(NAME_AR, "participant:x:full_name_ar")),
                "a fresh nonce per value");
        assertEquals(NAME_AR, right.decrypt(sealed, "participant:x:full_name_ar"));
        assertThrows(IdentityCipher.IdentityDecryptionException.class,
                () -> right.decrypt(sealed, "participant:y:full_name_ar"), "bound to its row");
        byte[] other = new byte[32];
        IdentityCipher wrong = new IdentityCipher("k1", Base64.getEncoder().encodeToString(other), Map.of());
        assertThrows(IdentityCipher.IdentityDecryptionException.class,
                () -> wrong.decrypt(sealed, "participant:x:full_name_ar"));
        assertThrows(IllegalStateException.class, () -> new IdentityCipher("k1", "c2hvcnQ=", Map.of()),
                "a short key is refused");
    }
}
