package org.yaqaza.gateway.api;

/** A new client secret; null asks the gateway to generate one. */
public record SecretChange(@Secret String secret) {
}
