package io.sluice.link.tls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.amqpBrokerConnectivity.AMQPBrokerConnectConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the link's TLS settings on a site's broker configuration (ADR 0015): the core's edge acceptor
 * asks every edge for a certificate from the link CA (needClientAuth); the edge's broker connection
 * presents its certificate and checks the core's, host name included, against the same CA. Applied
 * in code after broker.xml is read, so a list of cores ({@code tcp://a:5673#tcp://b:5673}) gets the
 * settings on every entry and the passwords never pass through broker.xml.
 */
public final class LinkTls {

    private static final Logger LOG = LoggerFactory.getLogger(LinkTls.class);

    private LinkTls() {
    }

    /** The core: TLS with client certificates on the acceptor the edges dial. */
    public static void secureAcceptor(Configuration broker, String acceptorName, LinkTlsProperties tls) {
        if (!check(tls, "the edges' acceptor")) {
            return;
        }
        TransportConfiguration acceptor = broker.getAcceptorConfigurations().stream()
                .filter(a -> acceptorName.equals(a.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("broker.xml has no acceptor named " + acceptorName));
        Map<String, Object> params = stores(tls);
        params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, true);
        acceptor.getParams().putAll(params);
    }

    /** The edge: TLS with its client certificate on every broker connection (to every listed core). */
    public static void secureBrokerConnections(Configuration broker, LinkTlsProperties tls) throws Exception {
        if (!check(tls, "the broker connection to the core")) {
            return;
        }
        for (AMQPBrokerConnectConfiguration connection : broker.getAMQPConnection()) {
            List<TransportConfiguration> transports = connection.getTransportConfigurations();
            for (TransportConfiguration transport : transports) {
                Map<String, Object> params = stores(tls);
                params.put(TransportConstants.VERIFY_HOST_PROP_NAME, true);
                transport.getParams().putAll(params);
            }
        }
    }

    private static boolean check(LinkTlsProperties tls, String what) {
        if (!tls.enabled()) {
            LOG.warn("TLS is off for {} (sluice.link.tls.enabled=false): the core-edge link travels in clear text", what);
            return false;
        }
        List<String> missing = tls.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The core-edge link uses mutual TLS (ADR 0015) and needs " + missing
                    + "; make a CA and stores with --sluice.role=pki, or set sluice.link.tls.enabled=false"
                    + " to run without encryption");
        }
        for (String store : List.of(tls.keyStore(), tls.trustStore())) {
            if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(store))) {
                throw new IllegalStateException("The core-edge link's TLS store " + store + " is missing or unreadable"
                        + " (sluice.link.tls.key-store / trust-store; made by --sluice.role=pki)");
            }
        }
        return true;
    }

    private static Map<String, Object> stores(LinkTlsProperties tls) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keyStore());
        params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
        params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, tls.trustStore());
        params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.trustStorePassword());
        return params;
    }
}
