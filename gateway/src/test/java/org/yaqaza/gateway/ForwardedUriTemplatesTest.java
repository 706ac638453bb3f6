package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.gateway.edge.ForwardedUriTemplates;
import org.yaqaza.testsupport.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Forwarded requests are counted under route templates, not raw paths: an id in the path would otherwise make
 * a series of its own per record, and the uri tag cap would then drop new series, 5xx counts included.
 */
@QuarkusTest
class ForwardedUriTemplatesTest {

    private static final List<String> PREFIXES = List.of("/api/intelligence", "/api/liaison", "/taxii2");

    @Test
    void idSegmentsAfterTheUpstreamPrefixBecomeIdPlaceholders() {
        assertEquals(Optional.of("/api/intelligence/reports/{id}"), ForwardedUriTemplates.template(PREFIXES,
                "/api/intelligence/reports/8d0c6f0e-6b1a-4c59-9a43-0f0a2b9e1c77"));
        assertEquals(Optional.of("/api/intelligence/cases/{id}/interventions/{id}/approve"),
                ForwardedUriTemplates.template(PREFIXES, "/api/intelligence/cases/8d0c6f0e-6b1a-4c59-9a43-0f0a2b9e1c77"
                        + "/interventions/5e0f1e0a-1b2c-4d3e-8f9a-0b1c2d3e4f5a/approve"));
        // the prefix's own digit (taxii2) stays; STIX ids and collection ids go
        assertEquals(Optional.of("/taxii2/liaison/collections/{id}/objects/{id}/versions"),
                ForwardedUriTemplates.template(PREFIXES, "/taxii2/liaison/collections/c0ffee01/objects/"
                        + "indicator--8d0c6f0e-6b1a-4c59-9a43-0f0a2b9e1c77/versions"));
    }

    @Test
    void pathsWithoutAnIdOrOutsideTheUpstreamsKeepMicrometersOwnTag() {
        assertEquals(Optional.empty(), ForwardedUriTemplates.template(PREFIXES, "/api/intelligence/reports/search"));
        assertEquals(Optional.empty(), ForwardedUriTemplates.template(PREFIXES, "/taxii2/"));
        assertEquals(Optional.empty(), ForwardedUriTemplates.template(PREFIXES, "/api/admin/users/user1"));
        assertEquals(Optional.empty(), ForwardedUriTemplates.template(PREFIXES, "/api/intelligence2/x/1"));
    }

    @Test
    void theGatewayCountsAForwardedRequestUnderItsTemplate() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Fixtures.analyst()).get("/api/intelligence/uri-templates/" + id).then()
                .statusCode(200);
        String metrics = PrometheusText.scrape();
        assertTrue(PrometheusText.value(metrics, "http_server_requests_seconds_count",
                "uri", "/api/intelligence/uri-templates/{id}", "status", "200").orElse(0) >= 1,
                "counted under the template");
        assertFalse(metrics.contains(id), "no series names the raw id");
    }
}
