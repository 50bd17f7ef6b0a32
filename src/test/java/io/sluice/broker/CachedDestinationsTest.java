package io.sluice.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The routes' connection factory caches destinations ({@link InVmConnectionFactory}): a send no longer
 * asks whether its queue still exists. That is only safe while no queue a route sends to can vanish,
 * i.e. while no broker auto-deletes queues that routes fill (inboxes above all).
 */
class CachedDestinationsTest {

    @Test
    void theRoutesConnectionFactoryCachesDestinations() {
        try (var factory = InVmConnectionFactory.create(new SystemCredentials(),
                InVmConnectionFactory.PREFETCH_ONE)) {
            assertThat(factory.isCacheDestinations()).isTrue();
        }
    }

    @Test
    void noBrokerAutoDeletesTheQueuesRoutesSendTo() throws Exception {
        for (String site : List.of("core", "edge")) {
            for (Element setting : addressSettings(Path.of("broker-config", site, "broker.xml"))) {
                String match = setting.getAttribute("match");
                if (match.startsWith("sluice.presence.")) {
                    continue; // multicast: routes send to the address; subscribers' own queues may go
                }
                assertThat(text(setting, "auto-delete-queues")).as("%s: auto-delete-queues of %s", site, match)
                        .isNotEqualTo("true");
                if ("true".equals(text(setting, "auto-create-queues"))) {
                    assertThat(text(setting, "auto-delete-queues")).as("%s: %s creates queues, so must keep them", site, match)
                            .isEqualTo("false");
                }
            }
        }
    }

    private static List<Element> addressSettings(Path file) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("address-setting");
        List<Element> settings = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            settings.add((Element) nodes.item(i));
        }
        return settings;
    }

    private static String text(Element setting, String child) {
        NodeList found = setting.getElementsByTagName(child);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().trim();
    }
}
