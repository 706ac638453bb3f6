package org.yaqaza.common.request;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yaqaza.common.config.YaqazaConfig;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The one rule for the scheme, host and port of every URL the suite advertises (discovery documents, Location
 * headers): as the client addressed it.
 * <ol>
 * <li>{@code yaqaza.public-base-url} when set;</li>
 * <li>else {@code Forwarded} (RFC 7239, first element) or {@code X-Forwarded-Proto|Host|Port}, but only from a
 * trusted peer: {@code quarkus.http.proxy.trusted-proxies} when {@code quarkus.http.proxy.proxy-address-forwarding}
 * is on (the services trust the gateway, the gateway trusts its ingress; one list also decides whose
 * {@code X-Forwarded-For} is the client address);</li>
 * <li>else the request's own {@code Host}, port included.</li>
 * </ol>
 * Values that are not a plain host, port or http(s) scheme are ignored, so a header can never inject a path, user
 * info or a line break into an advertised URL.
 */
@Singleton
public class PublicBaseUrl {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))"
            + "(?::([0-9]{1,5}))?");

    private final String configured;
    private final boolean forwarding;
    private final List<Trusted> trusted;

    public PublicBaseUrl(YaqazaConfig config,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
            boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.configured = config.publicBaseUrl().map(PublicBaseUrl::normalise).orElse(null);
        this.forwarding = forwarding;
        List<Trusted> parsed = new ArrayList<>();
        trustedProxies.orElse(List.of()).forEach(entry -> parsed.addAll(Trusted.parse(entry.trim())));
        this.trusted = List.copyOf(parsed);
    }

    /** {@code scheme://host[:port]} of this request as its client addressed it, without a trailing slash. */
    public String of(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        boolean tls = request.connection() != null && request.connection().isSsl();
        SocketAddress local = request.localAddress();
        String localAuthority = local == null ? "localhost" : hostForUrl(local.hostAddress()) + ":" + local.port();
        return resolve(configured, trusts(peer), tls, request.getHeader("Host"), request::getHeader,
                localAuthority);
    }

    /** The rule itself, given what it needs of a request. */
    static String resolve(String configured, boolean trustedPeer, boolean tls, String hostHeader,
            Function<String, String> header, String localAuthority) {
        if (configured != null) {
            return configured;
        }
        String scheme = tls ? "https" : "http";
        String authority = validHost(hostHeader) ? hostHeader.trim() : localAuthority;
        if (trustedPeer) {
            String proto = null;
            String host = null;
            String port = null;
            String forwarded = first(header.apply("Forwarded"));
            if (forwarded != null) {
                for (String pair : forwarded.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                        String value = unquote(pair.substring(eq + 1).trim());
                        if (name.equals("proto")) {
                            proto = value;
                        } else if (name.equals("host")) {
                            host = value;
                        }
                    }
                }
            } else {
                proto = first(header.apply("X-Forwarded-Proto"));
                host = first(header.apply("X-Forwarded-Host"));
                port = first(header.apply("X-Forwarded-Port"));
            }
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(Locale.ROOT);
            }
            if (validHost(host)) {
                authority = host;
            }
            if (port != null && port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
                    && Integer.parseInt(port) <= 65535) {
                authority = withoutPort(authority) + ":" + Integer.parseInt(port);
            }
        }
        return compose(scheme, authority);
    }

    private static String compose(String scheme, String authority) {
        var matcher = HOST.matcher(authority);
        if (!matcher.matches()) {
            return scheme + "://localhost";
        }
        String host = matcher.group(1).toLowerCase(Locale.ROOT);
        String port = matcher.group(2);
        boolean defaultPort = port == null || (scheme.equals("http") && Integer.parseInt(port) == 80)
                || (scheme.equals("https") && Integer.parseInt(port) == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + Integer.parseInt(port));
    }

    private static boolean validHost(String value) {
        if (value == null) {
            return false;
        }
        var matcher = HOST.matcher(value.trim());
        return matcher.matches() && (matcher.group(2) == null
                || (Integer.parseInt(matcher.group(2)) >= 1 && Integer.parseInt(matcher.group(2)) <= 65535));
    }

    private static String withoutPort(String authority) {
        var matcher = HOST.matcher(authority);
        return matcher.matches() ? matcher.group(1) : authority;
    }

    private static String first(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).trim();
        return first.isEmpty() ? null : first;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String hostForUrl(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    private boolean trusts(SocketAddress peer) {
        if (!forwarding || peer == null || peer.hostAddress() == null) {
            return false;
        }
        if (trusted.isEmpty()) {
            return true; // as Quarkus: forwarding on without a list trusts every peer
        }
        try {
            InetAddress address = InetAddress.getByName(peer.hostAddress());
            return trusted.stream().anyMatch(t -> t.contains(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code yaqaza.public-base-url}: http(s)://host[:port], nothing after it but an optional slash. */
    static String normalise(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("yaqaza.public-base-url is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null || !(path.isEmpty()
                        || path.equals("/"))) {
            throw new IllegalStateException("yaqaza.public-base-url must be http(s)://host[:port], was " + url);
        }
        return compose(scheme, uri.getRawAuthority());
    }

    /** One entry of the trusted list: an address, a CIDR range, or a name resolved once at start. */
    private record Trusted(byte[] network, int prefixBits) {

        static List<Trusted> parse(String entry) {
            if (entry.isEmpty()) {
                return List.of();
            }
            try {
                int slash = entry.indexOf('/');
                if (slash > 0) {
                    byte[] network = InetAddress.getByName(entry.substring(0, slash)).getAddress();
                    return List.of(new Trusted(network, Integer.parseInt(entry.substring(slash + 1))));
                }
                // "host:port" entries are allowed by Quarkus; the port plays no part in whose headers are trusted
                String host = entry.matches("[^:\\[]+:[0-9]+") ? entry.substring(0, entry.indexOf(':')) : entry;
                List<Trusted> all = new ArrayList<>();
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    all.add(new Trusted(address.getAddress(), address.getAddress().length * 8));
                }
                return all;
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalStateException("quarkus.http.proxy.trusted-proxies: cannot read " + entry, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(Math.max(0, prefixBits)).not().and(BigInteger.ONE.shiftLeft(bits)
                            .subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
