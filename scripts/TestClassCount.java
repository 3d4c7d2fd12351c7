import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a test class in the sources was not run: surefire and failsafe pick classes by name
 * ({@code *Test}, {@code *Properties}, {@code *IT}), and a class whose name matches no pattern passes silently.
 *
 * <p>Test classes in the sources: the top-level, non-abstract classes compiled from {@code src/test/java} that declare
 * or inherit a test method, or have a {@code @Nested} class that does. A test method is one annotated with an
 * annotation that is, directly or through other annotations, {@code @Testable} (JUnit Platform's marker for what an
 * engine executes: {@code @Test}, {@code @ParameterizedTest}, jqwik's {@code @Property} and {@code @Example},
 * Jazzer's {@code @FuzzTest} ...). Test classes run: the classes of the test suites in
 * {@code target/surefire-reports} and {@code target/failsafe-reports} (a skipped class is reported too).
 *
 * <p>Run by the build in the verify phase of every module, with the module's test class path:
 * {@code java -cp <test class path> scripts/TestClassCount.java <module directory> <slow tests skipped>}. Prints one
 * line, {@code N test classes in the sources, N run}, and exits with 1 naming the classes that were not run. When the
 * slow tests were skipped (second argument {@code true}), a class tagged {@code slow} may be missing from the
 * reports: it is named, not counted as an error.
 */
public final class TestClassCount {
    /** The class of a report: jqwik reports test cases under display names, so the suite's name is the one to trust. */
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*\\bname=\"([^\"]+)\"");

    private TestClassCount() {
    }

    public static void main(String[] args) throws Exception {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        Path classes = module.resolve("target/test-classes");
        Set<String> inSources = testClasses(classes);
        Set<String> run = new TreeSet<>();
        for (String reports : new String[]{"target/surefire-reports", "target/failsafe-reports"}) {
            run.addAll(reported(module.resolve(reports)));
        }
        boolean slowSkipped = args.length > 1 && Boolean.parseBoolean(args[1]);
        Set<String> slow = new TreeSet<>();
        if (slowSkipped) {
            for (String name : inSources) {
                if (!run.contains(name) && taggedSlow(Class.forName(name, false, ClassLoader.getSystemClassLoader()))) {
                    slow.add(name);
                }
            }
        }
        Set<String> missing = new TreeSet<>(inSources);
        missing.removeAll(run);
        missing.removeAll(slow);
        Set<String> counted = new TreeSet<>(inSources);
        counted.retainAll(run);
        if (inSources.isEmpty() && run.isEmpty()) {
            return;
        }
        System.out.println("[vibe] " + module.toAbsolutePath().normalize().getFileName() + ": " + inSources.size()
                + " test classes in the sources, " + counted.size() + " run"
                + (slow.isEmpty() ? "" : ", " + slow.size() + " tagged slow left out (CI=true or -Dvibe.slow=true"
                + " runs them): " + String.join(", ", slow)));
        if (!missing.isEmpty()) {
            System.out.println("[vibe] test classes that no test execution picked up (name them *Test, *Properties or"
                    + " *IT, or tag them for an execution that runs them): " + String.join(", ", missing));
            System.exit(1);
        }
    }

    /** The top-level test classes compiled into {@code classes}. */
    static Set<String> testClasses(Path classes) throws IOException, ClassNotFoundException {
        Set<String> found = new TreeSet<>();
        if (!Files.isDirectory(classes)) {
            return found;
        }
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> testable = (Class<? extends Annotation>)
                Class.forName("org.junit.platform.commons.annotation.Testable", false, loader);
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")
                            && !f.getFileName().toString().equals("module-info.class"))
                    .forEach(f -> {
                        String relative = classes.relativize(f).toString();
                        names.add(relative.substring(0, relative.length() - ".class".length())
                                .replace(f.getFileSystem().getSeparator(), "."));
                    });
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, loader);
            if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && hasTests(type, testable)) {
                found.add(name);
            }
        }
        return found;
    }

    private static boolean hasTests(Class<?> type, Class<? extends Annotation> testable) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                for (Annotation annotation : method.getDeclaredAnnotations()) {
                    if (isTestable(annotation.annotationType(), testable, new HashSet<>())) {
                        return true;
                    }
                }
            }
            for (Class<?> member : c.getDeclaredClasses()) {
                boolean nested = false;
                for (Annotation annotation : member.getDeclaredAnnotations()) {
                    nested |= annotation.annotationType().getName().equals("org.junit.jupiter.api.Nested");
                }
                if (nested && hasTests(member, testable)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTestable(Class<? extends Annotation> type, Class<? extends Annotation> testable,
                                      Set<Class<?>> seen) {
        if (type == testable) {
            return true;
        }
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation.")) {
            return false;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (isTestable(meta.annotationType(), testable, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class carries the JUnit tag {@code slow} (a slow experiment, run in CI). */
    private static boolean taggedSlow(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation annotation : c.getDeclaredAnnotations()) {
                String text = annotation.toString();
                if (annotation.annotationType().getName().startsWith("org.junit.jupiter.api.Tag")
                        && text.matches(".*[(=]\\s*\"slow\".*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The top-level classes of the test suites in the XML reports of {@code directory}. */
    static Set<String> reported(Path directory) throws IOException {
        Set<String> found = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("TEST-")
                    && f.getFileName().toString().endsWith(".xml"))::iterator) {
                Matcher matcher = SUITE.matcher(Files.readString(file));
                while (matcher.find()) {
                    String name = matcher.group(1);
                    int end = name.length();
                    for (char c : new char[]{'$', '['}) {
                        end = name.indexOf(c) >= 0 ? Math.min(end, name.indexOf(c)) : end;
                    }
                    found.add(name.substring(0, end));
                }
            }
        }
        return found;
    }
}
