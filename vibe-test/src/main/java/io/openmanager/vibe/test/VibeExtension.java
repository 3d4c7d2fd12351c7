package io.openmanager.vibe.test;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.SimulationEngine;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JUnit 5 extension that injects seeded Vibe objects into test methods and reports the seed of a failing test so
 * that the failure can be replayed.
 *
 * <pre>{@code
 * @ExtendWith(VibeExtension.class)
 * class MyDetectorTest {
 *     @Test
 *     void seesTheLeak(VibeSeries series) {
 *         MetricSeries cpu = series.role(Role.DATABASE).cpu().days(7).withMemoryLeakOnDay(3).generate();
 *         ...
 *     }
 *
 *     @Test
 *     @VibeSeed(42)                  // pinned: this test always runs with seed 42
 *     void quietNight(SimulationEngine engine) { ... }
 * }
 * }</pre>
 *
 * <p>Parameters it resolves: {@link SimulationEngine} (the default fleet and the built-in scenarios, seeded),
 * {@link Fleet} (the default fleet, which is the injected engine's) and {@link VibeSeries} (builders with the seed
 * already set). All parameters of one test share one seed. The seed comes from, in order: {@link VibeSeed} on the
 * method, on its class or an enclosing class; the system property {@value #SEED_PROPERTY} (to replay a failure of a
 * whole run); otherwise a new seed for each test, drawn from {@link System#nanoTime()}.
 *
 * <p>When a test that received a Vibe object fails (in the test method, or in a {@code @BeforeEach} or
 * {@code @AfterEach} method), the extension prints to standard error
 * {@code Vibe seed for this failure: N — pin it with @VibeSeed(NL)}, publishes the report entry
 * {@value #SEED_REPORT_KEY}, and adds the same message to the failure as a suppressed exception, so it appears in the
 * stack trace of every report; the failure itself is rethrown unchanged.
 */
public final class VibeExtension implements ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
    /** The system property that sets the seed of every test without {@link VibeSeed}. */
    public static final String SEED_PROPERTY = "vibe.seed";
    /** The key of the report entry that carries the seed of a failing test. */
    public static final String SEED_REPORT_KEY = "vibe.seed";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VibeExtension.class);
    private static final String SEED_KEY = "seed";
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Creates the extension; JUnit does this for {@code @ExtendWith(VibeExtension.class)}. */
    public VibeExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == SimulationEngine.class || type == Fleet.class || type == VibeSeries.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        long seed = seedOf(extensionContext);
        if (type == SimulationEngine.class) {
            return SimulationEngine.builder().seed(seed).build();
        }
        if (type == Fleet.class) {
            return Fleet.defaultFleet();
        }
        if (type == VibeSeries.class) {
            return VibeSeries.withSeed(seed);
        }
        throw new ParameterResolutionException("VibeExtension cannot resolve a parameter of type " + type.getName());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        report(context, throwable);
        throw throwable;
    }

    /** Reports the seed when a {@code @BeforeEach} method that received a Vibe object fails. */
    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        report(context, throwable);
        throw throwable;
    }

    /** Reports the seed when an {@code @AfterEach} method fails in a test that received a Vibe object. */
    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        report(context, throwable);
        throw throwable;
    }

    private static void report(ExtensionContext context, Throwable throwable) {
        Seed seed = context.getStore(NAMESPACE).get(SEED_KEY, Seed.class);
        if (seed != null) {
            String message = seed.pinned
                    ? "Vibe seed for this failure: " + seed.value + " (pinned by " + seed.source + ")"
                    // The L suffix: a seed is a long, and most do not fit the int literal that a bare number is.
                    : "Vibe seed for this failure: " + seed.value + " \u2014 pin it with @VibeSeed(" + seed.value
                    + "L)";
            System.err.println(message + "  [" + context.getDisplayName() + "]");
            context.publishReportEntry(SEED_REPORT_KEY, Long.toString(seed.value));
            throwable.addSuppressed(new VibeSeedReport(message));
        }
    }

    /** The seed of the current test, chosen once and kept in the test's store. */
    private static long seedOf(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(SEED_KEY, key -> chooseSeed(context), Seed.class).value;
    }

    private static Seed chooseSeed(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            VibeSeed pinned = method.get().getAnnotation(VibeSeed.class);
            if (pinned != null) {
                return new Seed(pinned.value(), true, "@VibeSeed on " + method.get().getName());
            }
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            VibeSeed pinned = annotation(c);
            if (pinned != null) {
                return new Seed(pinned.value(), true, "@VibeSeed on " + c.getSimpleName());
            }
        }
        String property = System.getProperty(SEED_PROPERTY);
        if (property != null && !property.isBlank()) {
            try {
                return new Seed(Long.parseLong(property.trim()), true, "-D" + SEED_PROPERTY);
            } catch (NumberFormatException e) {
                throw new ParameterResolutionException("system property " + SEED_PROPERTY
                        + " must be a whole number (a long): '" + property + "'", e);
            }
        }
        return new Seed(freshSeed(), false, "");
    }

    private static VibeSeed annotation(AnnotatedElement element) {
        return element.getAnnotation(VibeSeed.class);
    }

    /**
     * A seed that differs from test to test and run to run: the wall clock's nanoseconds and a counter, mixed by
     * SplitMix64's finaliser. Only the choice of a test's seed reads the clock; the simulation never does.
     */
    private static long freshSeed() {
        long z = System.nanoTime() + COUNTER.getAndAdd(0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static final class Seed {
        final long value;
        final boolean pinned;
        final String source;

        Seed(long value, boolean pinned, String source) {
            this.value = value;
            this.pinned = pinned;
            this.source = source;
        }
    }

    /** Carries the seed message in a failure's stack trace; it has no stack trace of its own. */
    private static final class VibeSeedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VibeSeedReport(String message) {
            super(message, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
