package io.sluice.link.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for the core↔edge link (ADR 0015): one CA, a server certificate for
 * the core (its host names and addresses as subject alternative names) and a client certificate per
 * carrier's edge, written as PKCS#12 stores that Artemis reads. Made at start by the demo and the
 * integration tests, and by the {@code pki} role for an installation; never committed.
 *
 * <p>Files in the folder: {@code ca.p12} (the CA's key, to issue more edges later), {@code
 * truststore.p12} (the CA certificate; both ends trust only it), {@code core.p12}, {@code
 * edge-<carrier>.p12}. One password protects them all.
 */
public final class LinkPki {

    public static final String TRUST_STORE = "truststore.p12";
    private static final String CA_STORE = "ca.p12";
    private static final String KEY_ALIAS = "link";
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final char[] password;
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private LinkPki(Path folder, char[] password, KeyPair caKeys, X509Certificate caCertificate) {
        this.folder = folder;
        this.password = password.clone();
        this.caKeys = caKeys;
        this.caCertificate = caCertificate;
    }

    /** A new CA in this folder (created if missing), with its trust store. */
    public static LinkPki create(Path folder, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(folder);
        KeyPair keys = newKeys();
        X500Name name = new X500Name("CN=Sluice link CA");
        X509v3CertificateBuilder builder = builder(name, name, keys);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        X509Certificate certificate = sign(builder, keys);
        LinkPki pki = new LinkPki(folder, password, keys, certificate);
        pki.writeKeyStore(CA_STORE, keys, certificate);
        KeyStore trust = emptyStore();
        trust.setCertificateEntry("sluice-link-ca", certificate);
        pki.write(TRUST_STORE, trust);
        return pki;
    }

    /** The CA already in this folder (made by {@link #create}), to issue more certificates. */
    public static LinkPki open(Path folder, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(folder.resolve(CA_STORE))) {
            store.load(in, password);
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(KEY_ALIAS);
        var key = (java.security.PrivateKey) store.getKey(KEY_ALIAS, password);
        return new LinkPki(folder, password, new KeyPair(certificate.getPublicKey(), key), certificate);
    }

    /** Whether this folder holds a CA made by {@link #create}. */
    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(CA_STORE));
    }

    /** The core's server certificate, valid for these host names and IP addresses. */
    public Path issueCore(List<String> hosts) throws IOException, GeneralSecurityException {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            // an IPv4 address is digits and dots; only an IPv6 address has colons (host names have neither)
            boolean address = host.contains(":") || host.matches("[0-9.]+");
            names.add(address ? new GeneralName(GeneralName.iPAddress, InetAddress.getByName(host).getHostAddress())
                    : new GeneralName(GeneralName.dNSName, host));
        }
        return issue("core.p12", "CN=sluice-core", KeyPurposeId.id_kp_serverAuth, names);
    }

    /** A carrier's edge client certificate. */
    public Path issueEdge(String carrier) throws IOException, GeneralSecurityException {
        return issue(edgeStore(carrier), "CN=sluice-edge-" + carrier, KeyPurposeId.id_kp_clientAuth, List.of());
    }

    public static String edgeStore(String carrier) {
        return "edge-" + carrier + ".p12";
    }

    /**
     * A whole local installation's link PKI, for the demo and the integration tests: a CA with a random
     * password, the core's certificate for localhost, one edge certificate per carrier, and per site a
     * settings file ({@code core-tls.properties}, {@code edge-<carrier>-tls.properties}) for
     * {@code --spring.config.import=file:...}, so that passwords are read from a file, not the command line.
     */
    public static LinkPki localInstallation(Path folder, List<String> carriers) throws IOException, GeneralSecurityException {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        LinkPki pki = create(folder, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray());
        pki.writeSettings("core-tls.properties", pki.issueCore(List.of("localhost", "127.0.0.1")));
        for (String carrier : carriers) {
            pki.writeSettings(edgeSettingsFile(carrier), pki.issueEdge(carrier));
        }
        return pki;
    }

    /** The settings file of the core in a {@link #localInstallation}. */
    public Path coreSettings() {
        return folder.resolve("core-tls.properties");
    }

    /** The settings file of a carrier's edge in a {@link #localInstallation}. */
    public Path edgeSettings(String carrier) {
        return folder.resolve(edgeSettingsFile(carrier));
    }

    private static String edgeSettingsFile(String carrier) {
        return "edge-" + carrier + "-tls.properties";
    }

    /** The four sluice.link.tls settings of one site, readable by its owner only where the file system can say so. */
    private void writeSettings(String file, Path keyStore) throws IOException {
        java.util.Properties settings = new java.util.Properties();
        settings.setProperty("sluice.link.tls.key-store", keyStore.toAbsolutePath().toString());
        settings.setProperty("sluice.link.tls.key-store-password", new String(password));
        settings.setProperty("sluice.link.tls.trust-store", folder.resolve(TRUST_STORE).toAbsolutePath().toString());
        settings.setProperty("sluice.link.tls.trust-store-password", new String(password));
        Path path = folder.resolve(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            settings.store(out, "mutual TLS of the core-edge link (ADR 0015); made by LinkPki");
        }
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own access rules apply
        }
    }

    public Path folder() {
        return folder;
    }

    private Path issue(String file, String subject, KeyPurposeId purpose, List<GeneralName> altNames)
            throws IOException, GeneralSecurityException {
        KeyPair keys = newKeys();
        X509v3CertificateBuilder builder = builder(new X500Name(caCertificate.getSubjectX500Principal().getName()),
                new X500Name(subject), keys);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(GeneralName[]::new)));
            }
        } catch (CertIOException e) {
            throw new GeneralSecurityException(e);
        }
        X509Certificate certificate = sign(builder, caKeys);
        KeyStore store = emptyStore();
        store.setKeyEntry(KEY_ALIAS, keys.getPrivate(), password, new Certificate[] {certificate, caCertificate});
        return write(file, store);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256, RANDOM);
        return generator.generateKeyPair();
    }

    private void writeKeyStore(String file, KeyPair keys, X509Certificate certificate)
            throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        store.setKeyEntry(KEY_ALIAS, keys.getPrivate(), password, new Certificate[] {certificate});
        write(file, store);
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private Path write(String file, KeyStore store) throws IOException, GeneralSecurityException {
        Path path = folder.resolve(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password);
        }
        return path;
    }
}
