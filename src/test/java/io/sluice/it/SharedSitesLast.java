package io.sluice.it;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the integration-test classes that share one installation ({@link SharedSites}) after all the others,
 * which keep their order. The shared installation starts with the first class that asks for it and stops
 * when the run ends; run in between, its five idle processes took CPU from every other class's own sites
 * for some ten minutes (ADR 0023). Set as failsafe's default class order in pom.xml.
 */
public final class SharedSitesLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: the other classes keep the order they came in
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> usesSharedSites(descriptor.getTestClass())));
    }

    private static boolean usesSharedSites(Class<?> testClass) {
        return Arrays.stream(testClass.getAnnotationsByType(ExtendWith.class))
                .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                .anyMatch(SharedSites.class::equals);
    }
}
