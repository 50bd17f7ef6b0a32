package io.sluice.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** docs/routes.md lists every route of routes/ with its file, and no route that is gone. */
class RouteCatalogueTest {

    /** The id of a route, route template or route configuration: the first key under the list item. */
    private static final Pattern ROUTE_ID = Pattern.compile("^ {4}id: ([a-z0-9-]+)$", Pattern.MULTILINE);
    /** A catalogue row: | `route-id` | `file.camel.yaml` | */
    private static final Pattern CATALOGUE_ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| `([a-z0-9-]+\\.camel\\.yaml)` \\|",
            Pattern.MULTILINE);

    @Test
    void everyRouteIsCataloguedWithItsFileAndNothingElseIs() throws IOException {
        Set<String> inFiles = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Matcher id = ROUTE_ID.matcher(Files.readString(file));
                while (id.find()) {
                    inFiles.add(id.group(1) + " " + file.getFileName());
                }
            }
        }
        Set<String> catalogued = new TreeSet<>();
        Matcher row = CATALOGUE_ROW.matcher(Files.readString(Path.of("docs", "routes.md")));
        while (row.find()) {
            catalogued.add(row.group(1) + " " + row.group(2));
        }
        assertThat(inFiles).isNotEmpty();
        assertThat(catalogued).isEqualTo(inFiles);
    }
}
