package app.digitpad.ml.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file through a temporary file beside it that is then moved into place, so a failed or
 * interrupted export never leaves a half-written file under the chosen name.
 */
public final class AtomicWrite {
    /** The body of a write: fills the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {}

    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // not Files.createTempFile: that makes the file owner-only (0600), and an export the user
        // saves should get the same permissions as any file they create (their umask)
        Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // the body may close the stream it is given; the channel stays ours to sync
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(new UnclosableChannel(channel)));
                body.writeTo(out);
                out.flush();
                channel.force(true); // on disk before the rename, so a crash leaves the old file or the whole new one
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Passes writes through to a channel but ignores close, so the caller can still force() it. */
    private record UnclosableChannel(FileChannel channel) implements java.nio.channels.WritableByteChannel {
        @Override
        public int write(java.nio.ByteBuffer source) throws IOException {
            return channel.write(source);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {}
    }
}
