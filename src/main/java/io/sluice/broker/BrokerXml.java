package io.sluice.broker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.utils.XMLUtil;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.io.Resource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a site's {@code broker.xml}: resolves {@code ${...}} placeholders against the Spring
 * environment (so every broker setting is overridable the Spring Boot way, and several brokers
 * could share one JVM without system properties), then lets Artemis parse the {@code <core>} element.
 */
public final class BrokerXml {

    private BrokerXml() {
    }

    public static FileConfiguration load(Resource resource, PropertyResolver properties) throws Exception {
        String raw = read(resource);
        // Strict: an unknown placeholder is a start-up error naming the key, not a silent default.
        String resolved = properties.resolveRequiredPlaceholders(raw);
        Element root = XMLUtil.stringToElement(resolved);
        NodeList cores = root.getElementsByTagName("core");
        if (cores.getLength() != 1) {
            throw new IllegalStateException(resource + " must contain exactly one <core> element");
        }
        FileConfiguration configuration = new FileConfiguration();
        configuration.parse((Element) cores.item(0), urlOf(resource));
        return configuration;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static URL urlOf(Resource resource) {
        try {
            return resource.getURL();
        } catch (IOException notAUrl) {
            return null;
        }
    }
}
