package org.yaqaza.liaison.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.request.PublicBaseUrl;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.audit.PartnerRequestAudit;
import org.yaqaza.liaison.config.LiaisonConfig;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.service.PartnerAccess;

import io.vertx.core.http.HttpServerRequest;

/**
 * TAXII 2.1 for partner systems: discovery, one API root ({@code /taxii2/liaison/}), a read collection per
 * partner with what was released to it and a write-only inbox. Another partner's collection answers 404.
 */
@Path("/taxii2")
@RolesAllowed(Role.PARTNER)
public class TaxiiResource {

    static final String ROOT = "liaison";
    private static final DateTimeFormatter DATE_ADDED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final CurrentCaller caller;
    private final PartnerAccess access;
    private final TaxiiService service;
    private final LiaisonConfig.Taxii config;
    private final ObjectMapper json;
    private final PartnerRequestAudit audited;
    private final PublicBaseUrl publicBaseUrl;

    public TaxiiResource(CurrentCaller caller, PartnerAccess access, TaxiiService service, LiaisonConfig config,
            ObjectMapper json, PartnerRequestAudit audited, PublicBaseUrl publicBaseUrl) {
        this.caller = caller;
        this.access = access;
        this.service = service;
        this.config = config.taxii();
        this.json = json;
        this.audited = audited;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** {@code default} and {@code api_roots} are absolute URLs the client can follow as given (PublicBaseUrl). */
    @GET
    public Response discovery(@HeaderParam(HttpHeaders.ACCEPT) String accept, @Context HttpServerRequest request) {
        TaxiiMedia.requireAccept(accept);
        access.require(caller.get());
        String root = publicBaseUrl.of(request) + "/taxii2/" + ROOT + "/";
        ObjectNode o = json.createObjectNode();
        o.put("title", "Yaqaza TAXII server");
        o.put("description", "Intelligence released to partner services, and their inbox.");
        o.put("default", root);
        o.putArray("api_roots").add(root);
        return taxii(o);
    }

    @GET
    @Path("/" + ROOT)
    public Response apiRoot(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TaxiiMedia.requireAccept(accept);
        access.require(caller.get());
        ObjectNode o = json.createObjectNode();
        o.put("title", "Yaqaza liaison");
        o.put("description", "Releases to your service (read) and your inbox (write).");
        o.putArray("versions").add(TaxiiMedia.TAXII);
        o.put("max_content_length", 10 * 1024 * 1024);
        return taxii(o);
    }

    @GET
    @Path("/" + ROOT + "/collections")
    public Response collections(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TaxiiMedia.requireAccept(accept);
        Partner partner = access.require(caller.get());
        ObjectNode o = json.createObjectNode();
        ArrayNode list = o.putArray("collections");
        list.add(collection(partner, TaxiiStore.collectionOf(partner.code)));
        list.add(collection(partner, TaxiiStore.INBOX));
        return taxii(o);
    }

    @GET
    @Path("/" + ROOT + "/collections/{collection}")
    public Response collection(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @PathParam("collection") String collection) {
        TaxiiMedia.requireAccept(accept);
        Partner partner = access.require(caller.get());
        return taxii(collection(partner, own(partner, collection)));
    }

    @GET
    @Path("/" + ROOT + "/collections/{collection}/objects")
    public Response objects(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @PathParam("collection") String collection, @QueryParam("added_after") String addedAfter,
            @QueryParam("limit") String limit, @QueryParam("next") String next, @QueryParam("match[id]") String id,
            @QueryParam("match[type]") String type, @QueryParam("match[version]") String version,
            @QueryParam("match[spec_version]") String specVersion, @Context UriInfo uri) {
        TaxiiMedia.requireAccept(accept);
        Caller reader = caller.get();
        UUID cid = readable(reader, collection);
        TaxiiFilter filter = TaxiiFilter.parse(addedAfter, next, id, type, version, specVersion, true);
        return page(reader, cid, filter, null, limit, TaxiiService.Kind.OBJECTS, uri);
    }

    @GET
    @Path("/" + ROOT + "/collections/{collection}/manifest")
    public Response manifest(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @PathParam("collection") String collection, @QueryParam("added_after") String addedAfter,
            @QueryParam("limit") String limit, @QueryParam("next") String next, @QueryParam("match[id]") String id,
            @QueryParam("match[type]") String type, @QueryParam("match[version]") String version,
            @QueryParam("match[spec_version]") String specVersion, @Context UriInfo uri) {
        TaxiiMedia.requireAccept(accept);
        Caller reader = caller.get();
        UUID cid = readable(reader, collection);
        TaxiiFilter filter = TaxiiFilter.parse(addedAfter, next, id, type, version, specVersion, true);
        return page(reader, cid, filter, null, limit, TaxiiService.Kind.MANIFEST, uri);
    }

    @GET
    @Path("/" + ROOT + "/collections/{collection}/objects/{id}")
    public Response object(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @PathParam("collection") String collection, @PathParam("id") String objectId,
            @QueryParam("added_after") String addedAfter, @QueryParam("limit") String limit,
            @QueryParam("next") String next, @QueryParam("match[version]") String version,
            @QueryParam("match[spec_version]") String specVersion, @Context UriInfo uri) {
        TaxiiMedia.requireAccept(accept);
        Caller reader = caller.get();
        UUID cid = readable(reader, collection);
        TaxiiFilter filter = TaxiiFilter.parse(addedAfter, next, null, null, version, specVersion, true);
        return page(reader, cid, filter, objectId, limit, TaxiiService.Kind.OBJECTS, uri);
    }

    @GET
    @Path("/" + ROOT + "/collections/{collection}/objects/{id}/versions")
    public Response versions(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @PathParam("collection") String collection, @PathParam("id") String objectId,
            @QueryParam("added_after") String addedAfter, @QueryParam("limit") String limit,
            @QueryParam("next") String next, @QueryParam("match[spec_version]") String specVersion,
            @Context UriInfo uri) {
        TaxiiMedia.requireAccept(accept);
        Caller reader = caller.get();
        UUID cid = readable(reader, collection);
        TaxiiFilter filter = TaxiiFilter.parse(addedAfter, next, null, null, null, specVersion, false)
                .allVersions();
        return page(reader, cid, filter, objectId, limit, TaxiiService.Kind.VERSIONS, uri);
    }

    @POST
    @Path("/" + ROOT + "/collections/{collection}/objects")
    public Response add(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("collection") String collection,
            byte[] body) {
        TaxiiMedia.requireAccept(accept);
        Partner partner = access.require(caller.get());
        UUID cid = own(partner, collection);
        if (!cid.equals(TaxiiStore.INBOX)) {
            throw ProblemException.forbidden("This collection is read-only; write to your inbox collection.");
        }
        TaxiiMedia.requireContentType(contentType);
        ObjectNode status = service.receive(caller.get(), partner, body, config.maxObjectsPerEnvelope());
        return Response.accepted(status.toString()).type(TaxiiMedia.TAXII).build();
    }

    @GET
    @Path("/" + ROOT + "/status/{id}")
    public Response status(@HeaderParam(HttpHeaders.ACCEPT) String accept, @PathParam("id") String id) {
        TaxiiMedia.requireAccept(accept);
        Partner partner = access.require(caller.get());
        return taxii(service.status(partner, id));
    }

    /** A page read and audited in one transaction; the response filter then has nothing left to audit. */
    private Response page(Caller reader, UUID collection, TaxiiFilter filter, String onlyId, String limit,
            TaxiiService.Kind kind, UriInfo uri) {
        TaxiiService.Page page = service.page(reader, collection, filter, onlyId, limit(limit), kind,
                PartnerRequestAudit.detail("GET", uri.getPath(), 200));
        audited.markRecorded();
        Response.ResponseBuilder response = Response.ok(page.body()).type(TaxiiMedia.TAXII);
        if (page.firstAdded() != null) {
            response.header("X-TAXII-Date-Added-First", DATE_ADDED.format(page.firstAdded()));
            response.header("X-TAXII-Date-Added-Last", DATE_ADDED.format(page.lastAdded()));
        }
        return response.build();
    }

    private ObjectNode collection(Partner partner, UUID id) {
        boolean inbox = id.equals(TaxiiStore.INBOX);
        ObjectNode c = json.createObjectNode();
        c.put("id", id.toString());
        c.put("title", inbox ? "Inbox" : "Releases to " + partner.serviceName);
        c.put("description", inbox ? "Send your STIX 2.1 objects here; they reach our analysts as partner "
                + "intelligence." : "Everything released to your service, as STIX 2.1.");
        c.put("can_read", !inbox);
        c.put("can_write", inbox);
        c.putArray("media_types").add(TaxiiMedia.STIX);
        return c;
    }

    /** The collection if it is one of this partner's (its releases or the inbox); 404 otherwise. */
    private static UUID own(Partner partner, String collection) {
        UUID id;
        try {
            id = UUID.fromString(collection);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Collection", collection);
        }
        if (!id.equals(TaxiiStore.INBOX) && !id.equals(TaxiiStore.collectionOf(partner.code))) {
            throw ProblemException.notFound("Collection", collection);
        }
        return id;
    }

    /**
     * The caller's own release collection, checked without a database round trip (the page query applies the
     * partner rule itself). Refusals keep their order: 403 for a client that is not a registered partner client
     * comes before 404 for someone else's collection.
     */
    private UUID readable(Caller reader, String collection) {
        if (!reader.isPartner()) {
            access.require(reader);
        }
        UUID id = null;
        try {
            id = UUID.fromString(collection);
        } catch (IllegalArgumentException e) {
            // not a collection id: 404 below
        }
        if (id == null || (!id.equals(TaxiiStore.INBOX) && !id.equals(TaxiiStore.collectionOf(reader.partner())))) {
            access.require(reader);
            throw ProblemException.notFound("Collection", collection);
        }
        if (id.equals(TaxiiStore.INBOX)) {
            throw ProblemException.forbidden("The inbox collection is write-only.");
        }
        return id;
    }

    private int limit(String value) {
        if (value == null) {
            return config.defaultPageSize();
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return Math.min(n, config.maxPageSize());
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("Invalid limit", "limit must be a positive integer.", "limit");
    }

    private static Response taxii(ObjectNode body) {
        return Response.ok(body.toString()).type(TaxiiMedia.TAXII).build();
    }

    static String dateAdded(Instant instant) {
        return DATE_ADDED.format(instant);
    }
}
