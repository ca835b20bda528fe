package io.jenkins.plugins.mlops.check;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

/** The plugin's compiled classes and resources, as this module builds them from {@code plugin/src/main}. */
final class PluginClasses {
    static final String PLUGIN_PACKAGE = "io.jenkins.plugins.mlops";

    private PluginClasses() {
    }

    /** The plugin's classes (not the engine's, not the tests'). */
    static JavaClasses imported() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/engine/"))
                .importPackages(PLUGIN_PACKAGE);
    }

    /** The concrete plugin classes that extend or implement {@code base}. */
    static List<Class<?>> concreteSubclassesOf(final Class<?> base) {
        return imported().stream().filter(c -> isPluginPackage(c.getPackageName()))
                .map(PluginClasses::load)
                .filter(c -> base.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface())
                .toList();
    }

    /** The plugin's own packages: the root and its steps, ui and config below it, not the engine's. */
    static boolean isPluginPackage(final String name) {
        return name.equals(PLUGIN_PACKAGE)
                || name.startsWith(PLUGIN_PACKAGE + ".") && !name.startsWith(PLUGIN_PACKAGE + ".engine");
    }

    /** {@code plugin/src/main/resources}. */
    static Path resources() {
        return Path.of(System.getProperty("plugin.resources", "../../plugin/src/main/resources"));
    }

    /** Loads without initializing: a class's static set-up may need a running Jenkins (e.g. an XStream2). */
    private static Class<?> load(final JavaClass javaClass) {
        try {
            return Class.forName(javaClass.getName(), false, PluginClasses.class.getClassLoader());
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException("Cannot load " + javaClass.getName(), e);
        }
    }
}
