package io.sluice.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one running installation (emulator, core, edge as processes, and carrier beta's
 * emulator and edge for {@link SluiceSites#BETA_PREFIX} numbers), started once for the whole
 * integration-test run and stopped when it ends: starting the JVMs per class would dominate the suite's
 * time. Tests that kill or restart sites start their own {@link SluiceSites}.
 */
final class SharedSites implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SluiceSites.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedSites.class, key -> start(), Handle.class)
                .sites();
    }

    private static Handle start() {
        try {
            return new Handle(new SluiceSites("shared").withSecondCarrier().start());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Sluice sites for the integration tests", e);
        }
    }

    /** Closes the sites when JUnit closes the root store, at the end of the run. */
    private record Handle(SluiceSites sites) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            sites.close();
        }
    }
}
