package org.yaqaza.gateway.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The token service's RSA keys: every key in the directory is published in the JWKS, one of them signs. Several
 * keys at once make rotation safe: publish the next key, switch the signing kid once verifiers have refreshed
 * their JWKS, keep the old public key until its last token has expired, then remove it.
 */
public final class KeyRing {

    /** A kid is the file name without {@code .pem}; kept to characters that are safe in headers and logs. */
    public static final Pattern KID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MIN_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final List<Key> keys;
    private final Key signing;

    private KeyRing(List<Key> keys, Key signing) {
        this.keys = List.copyOf(keys);
        this.signing = signing;
    }

    /** One key: public always, private only for keys that may sign. */
    public record Key(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        public boolean canSign() {
            return privateKey != null;
        }
    }

    /**
     * Loads every {@code <kid>.pem} of {@code directory}; when none holds a private key and {@code generate} is
     * set, first creates one there (local runs: kept across restarts, never committed).
     */
    public static KeyRing load(Path directory, Optional<String> signingKeyId, boolean generate) {
        List<Key> keys = read(directory);
        if (keys.stream().noneMatch(Key::canSign)) {
            if (!generate) {
                throw new IllegalStateException("no RSA private key in " + directory.toAbsolutePath()
                        + " and key generation is off (yaqaza.gateway.token.generate-if-missing)");
            }
            generate(directory, signingKeyId);
            keys = read(directory);
        }
        Key signing;
        if (signingKeyId.isPresent()) {
            signing = keys.stream().filter(k -> k.kid().equals(signingKeyId.get())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("signing key " + signingKeyId.get()
                            + " is not in " + directory.toAbsolutePath()));
            if (!signing.canSign()) {
                throw new IllegalStateException("signing key " + signing.kid() + " has no private key");
            }
        } else {
            List<Key> candidates = keys.stream().filter(Key::canSign).toList();
            if (candidates.size() > 1) {
                throw new IllegalStateException("several private keys in " + directory.toAbsolutePath()
                        + ": choose one with yaqaza.gateway.token.signing-key-id");
            }
            signing = candidates.get(0);
        }
        return new KeyRing(keys, signing);
    }

    public Key signing() {
        return signing;
    }

    public List<Key> keys() {
        return keys;
    }

    /** The public JWKS: every key, signing or retired, never a private part. */
    public String jwksJson() {
        try {
            List<JsonWebKey> jwks = new ArrayList<>();
            for (Key key : keys) {
                RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
                jwk.setKeyId(key.kid());
                jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                jwk.setUse("sig");
                jwks.add(jwk);
            }
            return new JsonWebKeySet(jwks).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not build the JWKS", e);
        }
    }

    private static List<Key> read(Path directory) {
        List<Key> keys = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        // Kubernetes Secret volumes add hidden ..data links: only visible *.pem entries are keys
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pem")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String kid = name.substring(0, name.length() - ".pem".length());
                if (name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                if (!KID.matcher(kid).matches()) {
                    throw new IllegalStateException("key file " + file + ": the name must be <kid>.pem with a kid of "
                            + KID.pattern());
                }
                keys.add(parse(kid, Files.readString(file, StandardCharsets.US_ASCII), file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read keys from " + directory.toAbsolutePath(), e);
        }
        keys.sort(Comparator.comparing(Key::kid));
        return keys;
    }

    static Key parse(String kid, String pem, Object source) {
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalStateException("key file " + source + " holds no PEM block");
        }
        String type = m.group(1);
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            Key key = switch (type) {
                case "PRIVATE KEY" -> fromPrivate(kid,
                        (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der)), rsa);
                case "RSA PRIVATE KEY" -> fromPrivate(kid,
                        (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der))), rsa);
                case "PUBLIC KEY" -> new Key(kid, (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der)), null);
                default -> throw new IllegalStateException("key file " + source + ": unsupported PEM type " + type
                        + " (use an unencrypted PKCS#8 or PKCS#1 RSA private key, or a public key)");
            };
            if (key.publicKey().getModulus().bitLength() < MIN_BITS) {
                throw new IllegalStateException("key file " + source + ": RSA keys must have at least " + MIN_BITS
                        + " bits");
            }
            return key;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("key file " + source + " is not a valid RSA key", e);
        }
    }

    private static Key fromPrivate(String kid, RSAPrivateKey privateKey, KeyFactory rsa)
            throws GeneralSecurityException {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new GeneralSecurityException("the private key does not carry its public exponent");
        }
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new Key(kid, publicKey, privateKey);
    }

    /** Wraps a PKCS#1 RSAPrivateKey (OpenSSL's -traditional output) in the PKCS#8 PrivateKeyInfo the JDK reads. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] version = { 0x02, 0x01, 0x00 };
        byte[] rsaAlgorithm = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00 };
        byte[] octets = der(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(rsaAlgorithm);
        body.writeBytes(octets);
        return der(0x30, body.toByteArray());
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Named as the configured signing kid when there is one, so that the configuration holds. */
    private static void generate(Path directory, Optional<String> kidWanted) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            KeyPair pair = generator.generateKeyPair();
            if (kidWanted.isPresent() && !KID.matcher(kidWanted.get()).matches()) {
                throw new IllegalStateException("signing-key-id must match " + KID.pattern());
            }
            String kid = kidWanted.orElseGet(() -> "local-"
                    + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + HexFormat.of().formatHex(randomBytes(4)));
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
            Path temp = Files.createTempFile(directory, ".new-", ".tmp");
            restrict(temp, "rw-------");
            Files.writeString(temp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Path target = directory.resolve(kid + ".pem");
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a signing key in " + directory.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an RSA key", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
