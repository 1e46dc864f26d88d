package app.digitpad.app;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the JIT's compiler threads at the lowest CPU priority (nice 19). On two cores a training
 * run wants both (the training thread and its partner, see the Train screen) while the JIT
 * compiles the code a newly opened screen runs: at equal priority the compiler slowed the first
 * run after start (docs/performance.md). At nice 19 it gets little CPU while training keeps both
 * cores busy, and all it wants when the machine is idle. Compiler threads
 * the JVM adds later are started by these and inherit their priority. Linux only (elsewhere, or
 * without {@code /proc}, it does nothing); {@code -Ddigitpad.jitPriority=normal} leaves them alone.
 */
public final class CompilerPriority {
    private static final Logger LOG = LoggerFactory.getLogger(CompilerPriority.class);
    static final int NICE = 19;
    private static final int PRIO_PROCESS = 0; // with a thread id: that thread alone on Linux

    private CompilerPriority() {}

    /** Lowers the compiler threads' priority where it can; how many it lowered. Never throws. */
    public static int lower() {
        if ("normal".equalsIgnoreCase(System.getProperty("digitpad.jitPriority", "").trim())
                || !System.getProperty("os.name", "").startsWith("Linux")) {
            return 0;
        }
        try {
            List<Integer> threads = compilerThreads(Path.of("/proc/self/task"));
            int lowered = threads.isEmpty() ? 0 : lowest(threads);
            LOG.info("JIT compiler threads at nice {}: {} of {}", NICE, lowered, threads.size());
            return lowered;
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.info("JIT compiler threads left at their priority: {}", e.toString());
            return 0;
        }
    }

    /** Puts these threads (ids in this process) at nice {@link #NICE}; how many it could. */
    static int lowest(List<Integer> threads) {
        Function setpriority = NativeLibrary.getInstance("c").getFunction("setpriority");
        int lowered = 0;
        for (int thread : threads) {
            if (setpriority.invokeInt(new Object[] {PRIO_PROCESS, thread, NICE}) == 0) {
                lowered++;
            } else { // ESRCH (3): the thread ended meanwhile; anything else is worth knowing
                LOG.debug("setpriority on thread {} failed: errno {}", thread, Native.getLastError());
            }
        }
        return lowered;
    }

    /** Ids of the threads under {@code tasks} (a {@code /proc/PID/task}) named as HotSpot names its compilers. */
    static List<Integer> compilerThreads(Path tasks) throws IOException {
        List<Integer> ids = new ArrayList<>();
        if (!Files.isDirectory(tasks)) {
            return ids;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                if (name.matches("C[12] CompilerThre.*") && task.getFileName().toString().matches("\\d+")) {
                    ids.add(Integer.parseInt(task.getFileName().toString()));
                }
            }
        }
        return ids;
    }
}
