package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void servicesDocumentsAreServedThroughTheGateway() {
        given().get("/openapi/intelligence")
                .then().statusCode(200)
                .contentType("application/json")
                .body("info.title", equalTo("fake upstream"));
        given().get("/openapi/prevention")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7");
        given().get("/openapi/nothing")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theGatewaysOwnDocumentAndSwaggerUiAreThere() {
        // title and security scheme are build-time settings shared from yaqaza-common's defaults
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Yaqaza gateway"))
                .body("components.securitySchemes.SecurityScheme.bearerFormat", equalTo("JWT"))
                .body("paths", org.hamcrest.Matchers.hasKey("/auth/token"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/admin/users"));
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("/openapi/intelligence"))
                .body(containsString("/openapi/liaison"))
                .body(containsString("/openapi/prevention"));
    }
}
