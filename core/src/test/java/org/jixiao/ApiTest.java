package org.jixiao;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line between the API (org.jixiao, org.jixiao.model) and org.jixiao.internal: a library user
 * never has to name an internal type, and the core needs no command-line library.
 */
class ApiTest {

    private static final List<String> API_PACKAGES = List.of("org.jixiao", "org.jixiao.model");
    private static final String INTERNAL = "org.jixiao.internal.";

    @Test
    void noPublicSignatureOfTheApiNamesAnInternalType() throws Exception {
        List<Class<?>> api = apiClasses();
        Set<String> names = new HashSet<>();
        api.forEach(c -> names.add(c.getSimpleName()));
        assertTrue(names.containsAll(List.of("Jixiao", "FileResult", "Source", "ReadLimits", "RuleProfile",
                "RecordWriter", "ProjectRecord", "Assessment", "Finding")), "the API classes were found: " + names);

        List<String> leaks = new ArrayList<>();
        for (Class<?> c : api) {
            if (!visible(c)) {
                continue;
            }
            check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName() + " implements", t, leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredConstructors()));
            members.addAll(List.of(c.getDeclaredMethods()));
            for (Executable m : members) {
                if (!visible(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String where = c.getName() + "." + m.getName() + "()";
                if (m instanceof Method method) {
                    check(where + " returns", method.getGenericReturnType(), leaks);
                }
                for (Type t : m.getGenericParameterTypes()) {
                    check(where + " takes", t, leaks);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    check(where + " throws", t, leaks);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void theCoreRunsWithoutPicocli() {
        // The core module's test class path is what a library user gets: no picocli on it.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
    }

    /** Every class compiled into the API packages (nested ones included), from the core's classes folder. */
    private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Jixiao.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : API_PACKAGES) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String simple = f.getFileName().toString().replace(".class", "");
                    if (!simple.equals("package-info")) {
                        found.add(Class.forName(pkg + "." + simple, false, ApiTest.class.getClassLoader()));
                    }
                }
            }
        }
        return found;
    }

    /** Public, and so are its enclosing classes. */
    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, List<String> leaks) {
        for (Class<?> named : named(type, new HashSet<>())) {
            if (named.getName().startsWith(INTERNAL)) {
                leaks.add(where + " " + named.getName());
            }
        }
    }

    /** The classes a type names, type arguments and bounds included. */
    private static Set<Class<?>> named(Type type, Set<Type> seen) {
        Set<Class<?>> out = new HashSet<>();
        if (type == null || !seen.add(type)) {
            return out;
        }
        if (type instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            out.addAll(named(p.getRawType(), seen));
            for (Type a : p.getActualTypeArguments()) {
                out.addAll(named(a, seen));
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                out.addAll(named(b, seen));
            }
            for (Type b : w.getLowerBounds()) {
                out.addAll(named(b, seen));
            }
        } else if (type instanceof GenericArrayType g) {
            out.addAll(named(g.getGenericComponentType(), seen));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                out.addAll(named(b, seen));
            }
        }
        return out;
    }
}
