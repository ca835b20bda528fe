package io.jenkins.plugins.mlops.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Jenkins remoting would reject when a callable crosses to an agent or its result comes back: any value
 * reachable through non-transient fields that is not Serializable, and library classes (the engine's) missing from
 * {@code META-INF/hudson.remoting.ClassFilter}, which JEP-200 blocks.
 */
final class RemotingChecker {
    private final String libraryPackage;
    private final Set<String> classFilter;
    private final Set<String> allowedFields;

    /**
     * @param libraryPackage the package prefix of the bundled library whose classes need a ClassFilter entry
     * @param classFilter    the class names listed in the plugin's ClassFilter file
     * @param allowedFields  {@code Class#field} entries known to hold only {@code null} when they cross
     */
    RemotingChecker(final String libraryPackage, final Set<String> classFilter, final Set<String> allowedFields) {
        this.libraryPackage = libraryPackage;
        this.classFilter = classFilter;
        this.allowedFields = allowedFields;
    }

    /** Reads a ClassFilter file: one class name per line, {@code #} comments. */
    static Set<String> readClassFilter(final InputStream in) throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The problems of everything reachable from {@code roots}. */
    List<String> check(final Class<?>... roots) {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Class<?> root : roots) {
            visit(root, root.getName(), seen, problems);
        }
        return problems;
    }

    private void visit(final Type type, final String path, final Set<Class<?>> seen, final List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            visit(parameterized.getRawType(), path, seen, problems);
            for (Type argument : parameterized.getActualTypeArguments()) {
                visit(argument, path + "<>", seen, problems);
            }
            return;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                visit(bound, path, seen, problems);
            }
            return;
        }
        if (!(type instanceof Class<?> type1) || type1.isPrimitive() || !seen.add(type1)) {
            return;
        }
        Class<?> clazz = type1.isArray() ? type1.getComponentType() : type1;
        // An array of primitives (byte[] of a rendered mail) serialises as it is.
        if (clazz.isPrimitive() || clazz == Object.class || Collection.class.isAssignableFrom(clazz) && clazz.isInterface()
                || Map.class.isAssignableFrom(clazz) && clazz.isInterface()) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(clazz)) {
            problems.add(path + ": " + clazz.getName() + " is not Serializable");
            return;
        }
        if (clazz.getName().startsWith(libraryPackage) && !classFilter.contains(clazz.getName())) {
            problems.add(path + ": " + clazz.getName() + " is missing from META-INF/hudson.remoting.ClassFilter");
        }
        if (clazz.isInterface()) {
            if (clazz.isSealed()) {
                for (Class<?> permitted : clazz.getPermittedSubclasses()) {
                    visit(permitted, permitted.getName(), seen, problems);
                }
            }
            return;
        }
        if (clazz.getName().startsWith("java.")) {
            return;
        }
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                String fieldPath = c.getName() + "#" + field.getName();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                        && !allowedFields.contains(fieldPath)) {
                    visit(field.getGenericType(), fieldPath, seen, problems);
                }
            }
        }
    }
}
