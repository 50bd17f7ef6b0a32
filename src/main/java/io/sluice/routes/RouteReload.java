package io.sluice.routes;

import java.io.File;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RouteWatcherReloadStrategy;

/**
 * Development mode for integration engineers (ADR 0013): a changed YAML file under the routes folder
 * replaces the routes it defines in the running site, and only those. The SMSC session, the transacted
 * link routes and every other route keep running: Camel's reload runs with {@code removeAllRoutes}
 * off, so it stops, reloads and starts the routes of the changed file by their ids.
 *
 * <p>Camel's own pattern matches file names only, so a core watching {@code routes/} would also load a
 * changed {@code routes/edge/*.camel.yaml}. The filter here accepts a file only if it matches one of
 * this site's {@code camel.main.routes-include-pattern} entries, the folders the site loaded at start.
 */
public final class RouteReload implements CamelContextConfiguration {

    private static final String FILE_PREFIX = "file:";

    private final Path folder;
    private final List<PathMatcher> sitePatterns;

    /**
     * @param routesLocation  {@code sluice.routes-location}; must be a {@code file:} folder (Camel cannot
     *                        watch the jar)
     * @param includePatterns {@code camel.main.routes-include-pattern}, comma separated
     */
    public RouteReload(String routesLocation, String includePatterns) {
        if (!routesLocation.startsWith(FILE_PREFIX)) {
            throw new IllegalStateException("sluice.routes-reload needs routes on disk: set sluice.routes-location="
                    + "file:<folder> (it is " + routesLocation + "; routes inside the jar cannot be watched)");
        }
        this.folder = Path.of(routesLocation.substring(FILE_PREFIX.length())).toAbsolutePath().normalize();
        this.sitePatterns = matchers(includePatterns);
    }

    private static List<PathMatcher> matchers(String includePatterns) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : includePatterns.split(",")) {
            String trimmed = pattern.trim();
            if (trimmed.startsWith(FILE_PREFIX)) {
                String glob = Path.of(trimmed.substring(FILE_PREFIX.length())).toAbsolutePath().normalize().toString();
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            }
        }
        return matchers;
    }

    /** Whether a changed file is one of this site's routes. */
    public boolean isSiteRoute(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        return sitePatterns.stream().anyMatch(matcher -> matcher.matches(path));
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        if (sitePatterns.isEmpty()) {
            return; // a role without routes (emulator, WAN simulator)
        }
        RouteWatcherReloadStrategy reload = new RouteWatcherReloadStrategy(folder.toString(), true);
        reload.setRemoveAllRoutes(false);
        reload.setFileFilter(this::isSiteRoute);
        try {
            camelContext.addService(reload);
        } catch (Exception e) {
            throw new IllegalStateException("Could not watch " + folder + " for route changes", e);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing: the watcher starts with the context
    }
}
