package io.openmanager.vibe.benchmarks;

import io.openmanager.vibe.analytics.detect.AnomalyDetector;
import io.openmanager.vibe.analytics.detect.AnomalyDetectors;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.info.GraphPathRecord;
import org.openjdk.jol.vm.VM;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where one series' detector state goes, object by object, on the running JVM: the exact layout from JOL (OpenJDK's
 * object layout tool), each object split into its header, its references, its padding and its data (the bytes of
 * its primitive fields or elements). The data is what any layout would still hold, even one with no objects per
 * series at all (every series' fields in shared primitive arrays). Objects that a second detector of the same kind
 * shares (the default parameters) are not counted, so the total is the per-series state that {@link DetectorMemory}
 * measures as a heap delta.
 *
 * <p>Not a JMH benchmark; run it with {@code java -Djdk.attach.allowAttachSelf -cp
 * vibe-benchmarks/target/benchmarks.jar io.openmanager.vibe.benchmarks.DetectorLayout [detector] [cycle|noise|cpu]}
 * (defaults: {@code default}, {@code noise}; the shapes are {@link DetectorMemory}'s). Without the attach option JOL
 * prints a warning and measures the same through {@code Unsafe}. It prints a Markdown table.
 */
public final class DetectorLayout {
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "float", "long",
            "double");
    private static final String ROOT = "detector object";
    private static final Method RECORD_OBJECT;

    static {
        // JOL reads field offsets of record classes (the detectors' parameter records) only this way on JDK 17.
        System.setProperty("jol.magicFieldOffset", "true");
        try {
            // GraphPathRecord names an object's class and size but keeps the object itself package-private: an
            // array's length, which the split into elements and padding needs, is only known from the array, and
            // shared objects are told apart by identity.
            RECORD_OBJECT = GraphPathRecord.class.getDeclaredMethod("obj");
            RECORD_OBJECT.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DetectorLayout() {
    }

    /**
     * The bytes of one part of the state: one field of the detector and what it alone references, or the detector
     * object itself.
     *
     * @param component  the detector's field, or {@code detector object} for the detector object itself
     * @param types      the classes of its objects
     * @param objects    objects
     * @param bytes      their size on the heap
     * @param headers    of which object headers (for an array, everything before its first element)
     * @param references of which references to other objects
     * @param padding    of which alignment gaps
     */
    record Part(String component, String types, int objects, long bytes, long headers, long references,
                long padding) {
        /** The bytes of primitive fields and elements: the state's own data. */
        long data() {
            return bytes - headers - references - padding;
        }

        /** This part and {@code o} together, under the given name and types. */
        Part plus(Part o, String component, String types) {
            return new Part(component, types, objects + o.objects, bytes + o.bytes, headers + o.headers,
                    references + o.references, padding + o.padding);
        }
    }

    /**
     * Prints the layout of a warmed detector's state.
     *
     * @param args optional detector name and shape
     */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : AnomalyDetectors.DEFAULT;
        DetectorMemory.Shape shape = DetectorMemory.Shape.of(args.length > 1 ? args[1] : "noise");
        System.out.print(table(shape.label(name) + " detector", parts(name, shape)));
    }

    /** The parts of a detector of kind {@code name} warmed on the shape's series 1, against one warmed on series 0. */
    static List<Part> parts(String name, DetectorMemory.Shape shape) {
        AnomalyDetector sibling = AnomalyDetectors.create(name);
        AnomalyDetector detector = AnomalyDetectors.create(name);
        DetectorMemory.warm(sibling::update, 0, shape);
        DetectorMemory.warm(detector::update, 1, shape);
        return parts(detector, sibling);
    }

    /**
     * The parts of {@code root}'s object graph that {@code sibling}'s does not share, grouped by the field of
     * {@code root} they hang from (the detector object first, then by field name), and a total as the last element.
     */
    static List<Part> parts(Object root, Object sibling) {
        // Shared objects are recognised by identity: addresses from two walks of the heap need not agree, since a
        // collection may move objects in between.
        Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        GraphLayout siblings = GraphLayout.parseInstance(sibling);
        for (long address : siblings.addresses()) {
            shared.add(object(siblings.record(address)));
        }
        GraphLayout graph = GraphLayout.parseInstance(root);
        Map<String, Part> byComponent = new LinkedHashMap<>();
        for (long address : graph.addresses()) {
            GraphPathRecord record = graph.record(address);
            if (!shared.contains(object(record))) {
                Part part = part(record);
                byComponent.merge(part.component(), part, (a, b) -> a.plus(b, a.component(), types(a, b)));
            }
        }
        List<Part> parts = new ArrayList<>(byComponent.values());
        parts.sort(Comparator.comparing((Part p) -> !p.component().equals(ROOT)).thenComparing(Part::component));
        Part total = new Part("total", "", 0, 0, 0, 0, 0);
        for (Part p : parts) {
            total = total.plus(p, "total", "");
        }
        parts.add(total);
        return parts;
    }

    /** The classes of two parts, each once, in alphabetical order (the objects' addresses vary from run to run). */
    private static String types(Part a, Part b) {
        Set<String> types = new TreeSet<>(List.of(a.types().split(", ")));
        types.addAll(List.of(b.types().split(", ")));
        return String.join(", ", types);
    }

    /** One object's part, named after the root's field it hangs from. */
    private static Part part(GraphPathRecord record) {
        String path = record.path();
        int dot = path.indexOf('.');
        String component = ROOT;
        if (dot >= 0) {
            int end = dot + 1;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            component = path.substring(dot + 1, end);
        }
        Class<?> klass = record.klass();
        long size = record.size();
        if (klass.isArray()) {
            String element = klass.getComponentType().getName();
            long elements = (long) Array.getLength(object(record)) * VM.current().arrayIndexScale(element);
            long header = VM.current().arrayBaseOffset(element);
            boolean primitive = klass.getComponentType().isPrimitive();
            return new Part(component, klass.getSimpleName(), 1, size, header, primitive ? 0 : elements,
                    size - header - elements);
        }
        ClassLayout layout = ClassLayout.parseClass(klass);
        long references = 0;
        for (FieldLayout field : layout.fields()) {
            if (!PRIMITIVES.contains(field.typeClass())) {
                references += field.size();
            }
        }
        return new Part(component, klass.getSimpleName(), 1, size, layout.headerSize(), references,
                layout.getLossesTotal());
    }

    /** The object JOL recorded. */
    private static Object object(GraphPathRecord record) {
        try {
            return RECORD_OBJECT.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JOL's GraphPathRecord.obj() is not reachable", e);
        }
    }

    /** The parts as a Markdown table under a title line. */
    static String table(String title, List<Part> parts) {
        StringBuilder out = new StringBuilder();
        out.append(title).append(": the state of one series (").append(VM.current().details().lines()
                .filter(l -> l.startsWith("# VM mode:") || l.startsWith("# Compressed references"))
                .map(l -> l.substring(2)).reduce((a, b) -> a + "; " + b).orElse("JVM")).append(")\n\n");
        out.append("| component | objects | bytes | headers | references | padding | data |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Part p : parts) {
            String label = p.types().isEmpty() ? "**" + p.component() + "**"
                    : p.component() + " (" + p.types() + ")";
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", label, p.objects(),
                    p.bytes(), p.headers(), p.references(), p.padding(), p.data()));
        }
        return out.toString();
    }
}
