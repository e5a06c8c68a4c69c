// Reads two counters from a running JVM through the Attach API and its local JMX agent, for bench/gateway/profile.sh:
//   java bench/gateway/Probe.java PID   ->   "cpu_ns=... alloc_bytes=..."
// cpu_ns is the process CPU time (OperatingSystemMXBean), alloc_bytes the heap bytes allocated by all threads since
// the JVM started, dead threads included (ThreadMXBean.getTotalThreadAllocatedBytes). Reading them costs the target
// one JMX connection (a few hundred KB of allocation), small beside a measured window of thousands of requests.
import com.sun.tools.attach.VirtualMachine;
import java.lang.management.ManagementFactory;
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
            var os = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                    com.sun.management.OperatingSystemMXBean.class);
            var threads = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.THREAD_MXBEAN_NAME,
                    com.sun.management.ThreadMXBean.class);
            System.out.println("cpu_ns=" + os.getProcessCpuTime() + " alloc_bytes=" + threads.getTotalThreadAllocatedBytes());
        }
    }
}
