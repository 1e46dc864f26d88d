package app.digitpad.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finds the JIT's threads by name and lowers a thread's priority. The lowering is tried on a
 * thread of the test's own: the JVM's compiler threads could not be raised again afterwards, and
 * the rest of the suite runs in this JVM.
 */
class CompilerPriorityTest {
    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void findsHotSpotsCompilerThreadsByName(@TempDir Path tasks) throws IOException {
        task(tasks, "101", "C2 CompilerThre");
        task(tasks, "102", "C1 CompilerThre");
        task(tasks, "103", "JavaFX Applicat");
        task(tasks, "104", "digitpad-traini");
        Files.createDirectories(tasks.resolve("105")); // ended before its name was read
        assertEquals(List.of(101, 102), CompilerPriority.compilerThreads(tasks).stream().sorted().toList());
        assertEquals(List.of(), CompilerPriority.compilerThreads(tasks.resolve("missing")));
    }

    @Test
    void findsThisJvmsCompilerThreads() throws IOException {
        assumeTrue(Files.isDirectory(TASKS), "Linux only");
        assertFalse(CompilerPriority.compilerThreads(TASKS).isEmpty(), "HotSpot's C1 and C2 threads");
    }

    @Test
    void putsAThreadAtTheLowestPriorityAndNoOtherOne() throws Exception {
        assumeTrue(Files.isDirectory(TASKS), "Linux only");
        int mine = nice(Path.of("/proc/thread-self"));
        assumeTrue(mine < CompilerPriority.NICE, "this JVM already runs at the lowest priority");
        CountDownLatch lowered = new CountDownLatch(1);
        CompletableFuture<Integer> id = new CompletableFuture<>();
        CompletableFuture<Integer> after = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                id.complete(Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString()));
                lowered.await();
                after.complete(nice(Path.of("/proc/thread-self")));
            } catch (IOException | RuntimeException | InterruptedException e) {
                id.completeExceptionally(e); // no effect once the id is in: then the check below fails
                after.completeExceptionally(e);
            }
        }, "compiler-priority-test");
        thread.start();
        try {
            assertEquals(1, CompilerPriority.lowest(List.of(id.get())));
        } finally {
            lowered.countDown();
        }
        assertEquals(CompilerPriority.NICE, after.get());
        assertEquals(mine, nice(Path.of("/proc/thread-self")), "the calling thread keeps its priority");
        thread.join();
    }

    private static void task(Path tasks, String id, String name) throws IOException {
        Files.createDirectories(tasks.resolve(id));
        Files.writeString(tasks.resolve(id).resolve("comm"), name + "\n");
    }

    /** Field 19 of a thread's stat, counted after the parenthesized name (which may hold spaces). */
    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
