package app.digitpad;

import java.lang.management.ManagementFactory;

/**
 * Whether wall-clock limits in tests mean anything now: on a machine whose runnable threads far
 * outnumber its cores (other builds, other test JVMs), a thread can wait hundreds of ms for a core
 * whatever the code does, so tests check their functional outcome always and their time limits only
 * when the machine is not oversubscribed.
 */
public final class MachineLoad {
    private MachineLoad() {}

    /** The one-minute load average is more than twice the cores (a test's own engine threads count too). */
    public static boolean oversubscribed() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load > 2.0 * Runtime.getRuntime().availableProcessors();
    }

    public static String describe() {
        return String.format("load average %.1f on %d cores", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
