// Summarises one JFR recording of the gateway for bench/gateway/profile.sh, JDK only:
//   java bench/gateway/JfrTop.java FILE.jfr REQUESTS
// Prints Markdown: hot methods (top frame of jdk.CPUTimeSample, or jdk.ExecutionSample when it has none), allocation by class and by site (top frame of
// jdk.ObjectAllocationSample, weighted by its bytes), the first Gapwise frame on each stack (which of our methods
// the CPU and the allocation are spent under), inclusive shares by library, CPU samples by thread pool, and
// thread parks and virtual-thread starts per request when the recording enabled them.
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

public class JfrTop {
    static final int TOP = 10;
    // Inclusive buckets: a sample counts for every bucket that has a frame anywhere on its stack.
    static final Map<String, String> LIBRARIES = new LinkedHashMap<>();
    static {
        LIBRARIES.put("Jackson (tools.jackson)", "tools.jackson.");
        LIBRARIES.put("Jetty (org.eclipse.jetty)", "org.eclipse.jetty.");
        LIBRARIES.put("gapwise dialect layer", "dev.gapwise.gateway.dialect.");
        LIBRARIES.put("gapwise ingress", "dev.gapwise.gateway.ingress.");
        LIBRARIES.put("gapwise call loop", "dev.gapwise.gateway.call.");
        LIBRARIES.put("gapwise routing", "dev.gapwise.gateway.route.");
        LIBRARIES.put("gapwise ledger", "dev.gapwise.gateway.ledger.");
        LIBRARIES.put("gapwise telemetry/metrics", "dev.gapwise.gateway.telemetry.");
        LIBRARIES.put("SQLite JDBC", "org.sqlite.");
        LIBRARIES.put("JFR itself", "jdk.jfr.");
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long requests = Long.parseLong(args[1]);
        Map<String, Double> hot = new HashMap<>(), hotOurs = new HashMap<>(), cpuLib = new HashMap<>(), pools = new HashMap<>();
        Map<String, Double> byClass = new HashMap<>(), bySite = new HashMap<>(), allocOurs = new HashMap<>(), allocLib = new HashMap<>();
        Map<String, Double> parkSites = new HashMap<>();
        double cpuTotal = 0, allocTotal = 0;
        long parks = 0, virtualStarts = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        // CPU-time samples (JDK 25, Linux: one per slice of CPU a thread burns, native code included) when the
        // recording has them; otherwise the classic execution samples (threads caught running Java code).
        String cpuEvent = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        for (RecordedEvent event : events) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.CPUTimeSample") || type.equals("jdk.ExecutionSample")) {
                type = type.equals(cpuEvent) ? "cpu" : "ignored";
            }
            switch (type) {
                case "cpu" -> {
                    cpuTotal++;
                    List<RecordedFrame> frames = frames(event.getStackTrace());
                    if (frames.isEmpty()) {
                        continue;
                    }
                    hot.merge(name(frames.getFirst()), 1.0, Double::sum);
                    hotOurs.merge(ours(frames), 1.0, Double::sum);
                    libraries(frames, cpuLib, 1.0);
                    RecordedThread thread = event.getThread(cpuEvent.equals("jdk.CPUTimeSample") ? "eventThread" : "sampledThread");
                    pools.merge(pool(thread), 1.0, Double::sum);
                }
                case "jdk.ObjectAllocationSample" -> {
                    double weight = event.getLong("weight");
                    allocTotal += weight;
                    byClass.merge(event.getClass("objectClass").getName(), weight, Double::sum);
                    List<RecordedFrame> frames = frames(event.getStackTrace());
                    if (frames.isEmpty()) {
                        continue;
                    }
                    bySite.merge(name(frames.getFirst()) + ":" + frames.getFirst().getLineNumber(), weight, Double::sum);
                    allocOurs.merge(ours(frames), weight, Double::sum);
                    libraries(frames, allocLib, weight);
                }
                case "jdk.ThreadPark" -> {
                    parks++;
                    parkSites.merge(pool(event.getThread()), 1.0, Double::sum);
                }
                case "jdk.VirtualThreadStart" -> virtualStarts++;
                default -> { }
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples (%s), %.1f MB of sampled allocation weight, %d requests%n%n",
                (long) cpuTotal, cpuEvent, allocTotal / 1e6, requests);
        table("Hot methods (top frame of the CPU samples)", "method", hot, cpuTotal);
        table("CPU by the first Gapwise frame on the stack (inclusive: the work done under that method)", "method", hotOurs, cpuTotal);
        table("CPU samples by thread pool", "thread", pools, cpuTotal);
        shares("CPU, inclusive share by code on the stack", cpuLib, cpuTotal);
        table("Allocation by class (sampled bytes)", "class", byClass, allocTotal);
        table("Allocation by site (top frame)", "site", bySite, allocTotal);
        table("Allocation by the first Gapwise frame on the stack", "method", allocOurs, allocTotal);
        shares("Allocation, inclusive share by code on the stack", allocLib, allocTotal);
        if (parks > 0 || virtualStarts > 0) {
            System.out.printf(Locale.ROOT, "Thread parks per request: %.2f; virtual threads started per request: %.2f%n%n",
                    parks / (double) requests, virtualStarts / (double) requests);
            System.out.println("#### Parks by thread pool (platform threads only: a virtual thread that parks yields, it records no jdk.ThreadPark)\n");
            System.out.println("| thread | parks per request |");
            System.out.println("|---|---|");
            parkSites.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                    .forEach(e -> System.out.printf(Locale.ROOT, "| `%s` | %.2f |%n", e.getKey(), e.getValue() / requests));
            System.out.println();
        }
    }

    static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
    }

    static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "." + frame.getMethod().getName();
    }

    /** The first frame of our own code, or where the stack is outside it. */
    static String ours(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().startsWith("dev.gapwise.")) {
                return name(frame);
            }
        }
        return "(no Gapwise frame: " + (frames.isEmpty() ? "no stack" : name(frames.getLast())) + ")";
    }

    static void libraries(List<RecordedFrame> frames, Map<String, Double> into, double weight) {
        for (Map.Entry<String, String> library : LIBRARIES.entrySet()) {
            if (frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith(library.getValue()))) {
                into.merge(library.getKey(), weight, Double::sum);
            }
        }
    }

    static String pool(RecordedThread thread) {
        if (thread == null) {
            return "?";
        }
        String name = thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
        if (thread.isVirtual()) {
            return "virtual" + (name == null || name.isEmpty() ? "" : " " + name.replaceAll("\\d+", "N"));
        }
        return name == null ? "?" : name.replaceAll("\\d+", "N");
    }

    static void table(String title, String what, Map<String, Double> values, double total) {
        System.out.println("#### " + title + "\n");
        System.out.println("| " + what + " | share |");
        System.out.println("|---|---|");
        values.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), 100 * e.getValue() / total));
        System.out.println();
    }

    static void shares(String title, Map<String, Double> values, double total) {
        System.out.println("#### " + title + "\n");
        System.out.println("| code | share |");
        System.out.println("|---|---|");
        LIBRARIES.keySet().forEach(k -> System.out.printf(Locale.ROOT, "| %s | %.1f%% |%n", k, 100 * values.getOrDefault(k, 0.0) / total));
        System.out.println();
    }
}
