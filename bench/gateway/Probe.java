// Reads counters from a running JVM through the Attach API and its local JMX agent, for the gateway benchmarks:
//   java bench/gateway/Probe.java PID   ->   "cpu_ns=... alloc_bytes=..."
// cpu_ns is the process CPU time (OperatingSystemMXBean), alloc_bytes the heap bytes allocated by all threads since
// the JVM started, dead threads included (ThreadMXBean.getTotalThreadAllocatedBytes). Reading them costs the target
// one JMX connection (a few hundred KB of allocation), small beside a measured window of thousands of requests.
//
//   java bench/gateway/Probe.java PID watch INTERVAL_MS SECONDS [STOP_FILE]   ->   one line when SECONDS are up, PID
// ends or STOP_FILE appears:
// "samples=... heap_used_max_mb=... heap_after_gc_max_mb=... heap_pool_peaks_mb=... heap_committed_max_mb=...
//  heap_max_mb=... rss_max_mb=... rss_hwm_mb=..." from one JMX connection kept open, sampled every INTERVAL_MS:
// heap_used_max the largest heap in use seen (live objects and garbage not yet collected); heap_after_gc_max the
// largest heap left after a collection (MemoryPoolMXBean.getCollectionUsage summed over the heap pools: closer to
// what was live); heap_pool_peaks the pools' own peak usage since the watch began, summed (exact per pool, an upper
// bound for the heap since the pools peak at different times); rss from /proc/PID/status (VmRSS sampled, VmHWM the
// kernel's lifetime peak). The sampling costs the target one small JMX call per interval.
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

public class Probe {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String url;
        try {
            url = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            if (args.length >= 4 && args[1].equals("watch")) {
                watch(server, Long.parseLong(args[0]), Long.parseLong(args[2]), Double.parseDouble(args[3]),
                        args.length > 4 ? Path.of(args[4]) : null);
                return;
            }
            var os = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                    com.sun.management.OperatingSystemMXBean.class);
            var threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                    com.sun.management.ThreadMXBean.class);
            System.out.println("cpu_ns=" + os.getProcessCpuTime() + " alloc_bytes=" + threads.getTotalThreadAllocatedBytes());
        }
    }

    static void watch(MBeanServerConnection server, long pid, long intervalMs, double seconds, Path stop)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        List<MemoryPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long used = 0, afterGc = 0, committed = 0, max = 0, rss = 0;
        int samples = 0;
        long until = System.nanoTime() + (long) (seconds * 1e9);
        Path status = Path.of("/proc/" + pid + "/status");
        try {
            while (System.nanoTime() < until && Files.exists(status) && (stop == null || !Files.exists(stop))) {
                var heap = memory.getHeapMemoryUsage();
                used = Math.max(used, heap.getUsed());
                committed = Math.max(committed, heap.getCommitted());
                max = heap.getMax();
                long collected = 0;
                for (MemoryPoolMXBean pool : pools) {
                    var after = pool.getCollectionUsage();
                    collected += after == null ? 0 : after.getUsed();
                }
                afterGc = Math.max(afterGc, collected);
                rss = Math.max(rss, kb(status, "VmRSS:"));
                samples++;
                Thread.sleep(intervalMs);
            }
        } catch (Exception e) {
            // the target ended (or stopped answering): report what was seen
        }
        long peaks = 0;
        try {
            for (MemoryPoolMXBean pool : pools) {
                peaks += pool.getPeakUsage().getUsed();
            }
        } catch (Exception e) {
            peaks = -1 << 20;
        }
        long hwm = Files.exists(status) ? kb(status, "VmHWM:") : -1024;
        System.out.printf(Locale.ROOT, "samples=%d heap_used_max_mb=%d heap_after_gc_max_mb=%d heap_pool_peaks_mb=%d "
                        + "heap_committed_max_mb=%d heap_max_mb=%d rss_max_mb=%d rss_hwm_mb=%d%n", samples, used >> 20,
                afterGc >> 20, peaks >> 20, committed >> 20, max >> 20, rss >> 10, hwm >> 10);
    }

    /** A "Name:   1234 kB" line of /proc/PID/status, in kB (0 when absent). */
    static long kb(Path status, String name) throws java.io.IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
            }
        }
        return 0;
    }
}
