package io.sluice.link.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkPkiTest {

    private static final char[] PASSWORD = "pki-test-password".toCharArray();

    @TempDir
    Path folder;

    @Test
    void aCaOpenedAgainIssuesEdgesThatChainToTheSameTrustStore() throws Exception {
        LinkPki.create(folder, PASSWORD).issueCore(List.of("core.example.net", "10.0.0.7"));
        assertThat(LinkPki.exists(folder)).isTrue();

        Path later = LinkPki.open(folder, PASSWORD).issueEdge("gamma");

        X509Certificate ca = (X509Certificate) load(folder.resolve(LinkPki.TRUST_STORE)).getCertificate("sluice-link-ca");
        X509Certificate edge = (X509Certificate) load(later).getCertificate("link");
        edge.verify(ca.getPublicKey());
        assertThat(edge.getSubjectX500Principal().getName()).isEqualTo("CN=sluice-edge-gamma");
        assertThat(edge.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // client authentication

        X509Certificate core = (X509Certificate) load(folder.resolve("core.p12")).getCertificate("link");
        core.verify(ca.getPublicKey());
        assertThat(core.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactlyInAnyOrder("core.example.net", "10.0.0.7");
        assertThat(core.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // server authentication
    }

    @Test
    void ipv6AddressesBecomeAddressNamesNotHostNames() throws Exception {
        LinkPki.create(folder, PASSWORD).issueCore(List.of("fe80::1", "core.example.net"));

        X509Certificate core = (X509Certificate) load(folder.resolve("core.p12")).getCertificate("link");
        assertThat(core.getSubjectAlternativeNames().stream().map(name -> (Integer) name.get(0)).toList())
                .containsExactlyInAnyOrder(GeneralNameType.IP_ADDRESS, GeneralNameType.DNS_NAME);
    }

    /** The type numbers of X509Certificate.getSubjectAlternativeNames (RFC 5280 GeneralName). */
    private static final class GeneralNameType {
        static final Integer DNS_NAME = 2;
        static final Integer IP_ADDRESS = 7;
    }

    @Test
    void aLocalInstallationWritesOneSettingsFilePerSiteReadableByItsOwnerOnly() throws Exception {
        LinkPki pki = LinkPki.localInstallation(folder, List.of("alpha"));

        java.util.Properties core = new java.util.Properties();
        try (InputStream in = Files.newInputStream(pki.coreSettings())) {
            core.load(in);
        }
        assertThat(core.getProperty("sluice.link.tls.key-store")).endsWith("core.p12");
        assertThat(load(Path.of(core.getProperty("sluice.link.tls.trust-store")),
                core.getProperty("sluice.link.tls.trust-store-password").toCharArray()).size()).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(pki.edgeSettings("alpha")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    private static KeyStore load(Path file) throws Exception {
        return load(file, PASSWORD);
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
