package org.jixiao.internal.read;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * An I/O error as a user reads it: the path and the reason, in words. The JDK's own messages often
 * carry only the path ({@code NoSuchFileException: missing.properties}), which leaves the user to
 * guess what went wrong.
 *
 * <pre>
 * NoSuchFileException(missing.properties)            -> missing.properties: no such file or directory
 * AccessDeniedException(/root/x)                     -> /root/x: permission denied
 * FileSystemException(/f/sub, reason Not a directory) -> /f/sub: not a directory
 * FileSystemException(/mnt/ro, Read-only file system) -> /mnt/ro: read-only file system
 * </pre>
 */
public final class IoReasons {

    private IoReasons() {
    }

    /** {@code path: reason} for a file-system error, else the exception's message (or its class). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
            String reason = reason(f);
            return file.isEmpty() ? reason : file + ": " + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String reason(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "exists and is not a directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (f instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        // The operating system's own words (Not a directory, Read-only file system), in lower case.
        String reason = f.getReason();
        return reason == null ? f.getClass().getSimpleName() : reason.toLowerCase(Locale.ROOT);
    }
}
