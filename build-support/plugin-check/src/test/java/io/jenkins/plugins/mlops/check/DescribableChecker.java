package io.jenkins.plugins.mlops.check;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.tasks.BuildStepDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import sun.reflect.ReflectionFactory;

/**
 * What Jenkins checks when it loads a describable (a builder, a Pipeline step, a global configuration), done by
 * reflection on classes compiled against the stubs: descriptor registration, symbol or function name, data binding
 * and getters. Each method returns the problems it found, one line each, naming the class.
 */
final class DescribableChecker {
    private static final Pattern ENDPOINT = Pattern.compile("do(Check([A-Z]\\w*)|Fill([A-Z]\\w*)Items)");

    private DescribableChecker() {
    }

    /** A freestyle builder: a nested {@code @Extension @Symbol} descriptor and bindable settings. */
    static List<String> checkBuilder(final Class<?> builder) {
        List<String> problems = new ArrayList<>();
        Optional<Class<?>> descriptor = nestedDescriptor(builder, BuildStepDescriptor.class, problems);
        descriptor.ifPresent(d -> {
            Symbol symbol = d.getAnnotation(Symbol.class);
            if (symbol == null || symbol.value().length == 0 || symbol.value()[0].isBlank()) {
                problems.add(builder.getName() + ": descriptor " + d.getSimpleName()
                        + " has no @Symbol, so Pipeline and Configuration as Code have no short name for it");
            }
        });
        problems.addAll(checkDataBinding(builder));
        return problems;
    }

    /** A Pipeline step: a nested {@code @Extension} step descriptor with a function name and bindable settings. */
    static List<String> checkStep(final Class<?> step) {
        List<String> problems = new ArrayList<>();
        nestedDescriptor(step, StepDescriptor.class, problems).ifPresent(d -> {
            String name = functionName(d);
            if (name == null || !name.matches("[a-z][A-Za-z0-9]*")) {
                problems.add(step.getName() + ": descriptor " + d.getSimpleName()
                        + " has no usable function name (got " + name + ")");
            }
        });
        problems.addAll(checkDataBinding(step));
        return problems;
    }

    /** The Pipeline function name of {@code step}'s descriptor, or {@code null}. */
    static String functionName(final Class<?> descriptor) {
        try {
            return ((StepDescriptor) allocate(descriptor)).getFunctionName();
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The symbol of {@code builder}'s descriptor, or {@code null}. */
    static String symbol(final Class<?> builder) {
        return Arrays.stream(builder.getDeclaredClasses()).map(c -> c.getAnnotation(Symbol.class))
                .filter(s -> s != null && s.value().length > 0).map(s -> s.value()[0]).findFirst().orElse(null);
    }

    /**
     * The properties a form may bind: the parameters of the {@code @DataBoundConstructor} and the
     * {@code @DataBoundSetter} properties, with their types.
     */
    static Map<String, Class<?>> bindableProperties(final Class<?> type) {
        Map<String, Class<?>> properties = new LinkedHashMap<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    properties.put(parameter.getName(), parameter.getType());
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")
                    && method.getParameterCount() == 1) {
                properties.put(decapitalize(method.getName().substring(3)), method.getParameterTypes()[0]);
            }
        }
        return properties;
    }

    /** One public {@code @DataBoundConstructor}, compiled with parameter names, and a getter per property. */
    static List<String> checkDataBinding(final Class<?> type) {
        List<String> problems = new ArrayList<>();
        List<Constructor<?>> bound = Arrays.stream(type.getDeclaredConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).toList();
        if (bound.size() != 1) {
            problems.add(type.getName() + ": needs exactly one @DataBoundConstructor, has " + bound.size());
        }
        for (Constructor<?> constructor : bound) {
            if (!Modifier.isPublic(constructor.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                problems.add(type.getName() + ": the @DataBoundConstructor and its class must be public");
            }
            for (Parameter parameter : constructor.getParameters()) {
                if (!parameter.isNamePresent()) {
                    problems.add(type.getName() + ": compiled without -parameters, data binding cannot see names");
                    break;
                }
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class) && !Modifier.isPublic(method.getModifiers())) {
                problems.add(type.getName() + "#" + method.getName() + ": @DataBoundSetter must be public");
            }
        }
        bindableProperties(type).forEach((name, propertyType) -> {
            if (getter(type, name, propertyType).isEmpty()) {
                problems.add(type.getName() + ": property '" + name + "' has no public getter get"
                        + capitalize(name) + "()/is" + capitalize(name) + "() returning "
                        + propertyType.getSimpleName() + ", so the form and the snippet generator lose its value");
            }
        });
        return problems;
    }

    /**
     * Form endpoints ({@code doCheckX}, {@code doFillXItems}) of {@code descriptor} whose field {@code x} is no
     * property in {@code properties}: Stapler would never call them, so the field goes unchecked (usually a typo).
     */
    static List<String> checkEndpoints(final Class<?> descriptor, final Set<String> properties) {
        List<String> problems = new ArrayList<>();
        for (Method method : descriptor.getMethods()) {
            Matcher endpoint = ENDPOINT.matcher(method.getName());
            if (endpoint.matches()) {
                String field = decapitalize(endpoint.group(2) == null ? endpoint.group(3) : endpoint.group(2));
                if (!properties.contains(field)) {
                    problems.add(descriptor.getName() + "#" + method.getName() + ": no form field '" + field
                            + "' to serve");
                }
            }
        }
        return problems;
    }

    static Optional<Method> getter(final Class<?> type, final String name, final Class<?> propertyType) {
        for (String prefix : List.of("get", "is")) {
            try {
                Method method = type.getMethod(prefix + capitalize(name));
                if (method.getReturnType().equals(propertyType)) {
                    return Optional.of(method);
                }
            }
            catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> nestedDescriptor(final Class<?> owner, final Class<?> base,
            final List<String> problems) {
        List<Class<?>> descriptors = Arrays.stream(owner.getDeclaredClasses())
                .filter(Descriptor.class::isAssignableFrom).toList();
        if (descriptors.size() != 1) {
            problems.add(owner.getName() + ": needs exactly one nested descriptor class, has " + descriptors.size());
            return Optional.empty();
        }
        Class<?> descriptor = descriptors.get(0);
        if (!base.isAssignableFrom(descriptor)) {
            problems.add(owner.getName() + ": descriptor " + descriptor.getSimpleName() + " must extend "
                    + base.getSimpleName());
        }
        if (!descriptor.isAnnotationPresent(Extension.class)) {
            problems.add(owner.getName() + ": descriptor " + descriptor.getSimpleName()
                    + " has no @Extension, so Jenkins never registers it");
        }
        int modifiers = descriptor.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers) || Modifier.isAbstract(modifiers)) {
            problems.add(owner.getName() + ": descriptor " + descriptor.getSimpleName()
                    + " must be a public static concrete class for Jenkins to instantiate it");
        }
        return Optional.of(descriptor);
    }

    /** An instance without running constructors: the stubbed Descriptor constructor throws. */
    private static Object allocate(final Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = ReflectionFactory.getReflectionFactory()
                .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
        return constructor.newInstance();
    }

    static String capitalize(final String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String decapitalize(final String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
