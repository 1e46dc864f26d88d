package app.digitpad.ml.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** How long ago this process started, to the 10 ms that Linux keeps; for start-up and run profiles. */
public final class ProcessClock {
    /** USER_HZ, the unit of /proc's times: 100 on every Linux architecture the app ships for. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private ProcessClock() {}

    /**
     * Not from {@code ProcessHandle.info().startInstant()}: on Linux the JDK adds the process's start
     * (in clock ticks since boot) to the boot time of {@code /proc/stat}, which is whole seconds, so
     * every figure was off by a fraction of a second that differs from boot to boot (0.34 s too long
     * on one). {@code /proc/uptime} gives the time since boot to 10 ms instead.
     */
    public static long ageNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name (which may hold spaces) start with field 3, the state
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedSecondsAfterBoot = Long.parseLong(fields[22 - 3]) / CLOCK_TICKS_PER_SECOND;
            double upSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return (long) ((upSeconds - startedSecondsAfterBoot) * 1e9);
        } catch (IOException | RuntimeException e) {
            // not Linux: the JDK's own figure
            return ProcessHandle.current().info().startInstant()
                    .map(started -> Duration.between(started, Instant.now()).toNanos()).orElse(0L);
        }
    }
}
