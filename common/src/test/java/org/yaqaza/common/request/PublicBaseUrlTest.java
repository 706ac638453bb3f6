package org.yaqaza.common.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The rule for advertised URLs: configured, else trusted forwarding headers, else the request's Host. */
class PublicBaseUrlTest {

    private static String resolve(boolean trusted, boolean tls, String host, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return PublicBaseUrl.resolve(null, trusted, tls, host, byName::get, "10.0.0.5:8080");
    }

    @Test
    void theHostHeaderKeepsItsPortAndDefaultPortsAreDropped() {
        assertEquals("http://localhost:18080", resolve(false, false, "localhost:18080", Map.of()));
        assertEquals("https://yaqaza.example.org", resolve(false, true, "Yaqaza.Example.org:443", Map.of()));
        assertEquals("http://[::1]:8080", resolve(false, false, "[::1]:8080", Map.of()));
        // no usable Host: the address the request came in on
        assertEquals("http://10.0.0.5:8080", resolve(false, false, null, Map.of()));
        assertEquals("http://10.0.0.5:8080", resolve(false, false, "evil.example/path", Map.of()));
    }

    @Test
    void forwardingHeadersCountOnlyFromATrustedPeer() {
        Map<String, String> forwarded = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host",
                "yaqaza.example.org", "X-Forwarded-Port", "8443");
        assertEquals("https://yaqaza.example.org:8443", resolve(true, false, "gateway:8080", forwarded));
        assertEquals("http://gateway:8080", resolve(false, false, "gateway:8080", forwarded));
    }

    @Test
    void xForwardedPartsCombineWithTheHostHeader() {
        // a TLS-terminating ingress that keeps the Host header and only says https
        assertEquals("https://yaqaza.example.org",
                resolve(true, false, "yaqaza.example.org", Map.of("X-Forwarded-Proto", "https")));
        assertEquals("https://yaqaza.example.org:9443",
                resolve(true, false, "yaqaza.example.org:9443", Map.of("X-Forwarded-Proto", "https")));
        // the host with its port in X-Forwarded-Host, the first of a list of proxies
        assertEquals("http://public.example:8081", resolve(true, false, "127.0.0.1:8081",
                Map.of("X-Forwarded-Host", "public.example:8081, inner.example")));
        assertEquals("http://public.example:7000", resolve(true, false, "127.0.0.1:8081",
                Map.of("X-Forwarded-Host", "public.example:8081", "X-Forwarded-Port", "7000")));
    }

    @Test
    void forwardedTakesPrecedenceOverXForwarded() {
        assertEquals("https://portal.example.org:4443", resolve(true, false, "gateway:8080",
                Map.of("Forwarded", "for=192.0.2.60;proto=https;host=\"portal.example.org:4443\", for=10.0.0.1",
                        "X-Forwarded-Host", "other.example")));
    }

    @Test
    void malformedForwardingValuesAreIgnoredNeverCopied() {
        assertEquals("http://gateway:8080", resolve(true, false, "gateway:8080", Map.of(
                "X-Forwarded-Proto", "javascript", "X-Forwarded-Host", "evil.example/@x\r\nSet-Cookie: a=b",
                "X-Forwarded-Port", "99999")));
        assertEquals("http://gateway:8080", resolve(true, false, "gateway:8080",
                Map.of("Forwarded", "host=\"a b\";proto=ftp")));
    }

    @Test
    void aConfiguredBaseUrlWinsAndIsCheckedAtStart() {
        assertEquals("https://yaqaza.example.org", PublicBaseUrl.resolve(
                PublicBaseUrl.normalise("https://yaqaza.example.org:443/"), true, false, "x:1",
                name -> "https", "y:2"));
        assertEquals("http://localhost:18080", PublicBaseUrl.normalise("http://LOCALHOST:18080"));
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.normalise("https://yaqaza.example.org/api"));
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.normalise("ftp://yaqaza.example.org"));
        assertThrows(IllegalStateException.class, () -> PublicBaseUrl.normalise("https://u:p@yaqaza.example.org"));
    }
}
