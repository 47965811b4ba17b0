package org.jixiao.internal.read;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** I/O errors name the path and the reason in words. */
class IoReasonsTest {

    @Test
    void namesTheReasonOfEachKindOfError() {
        assertEquals("missing.properties: no such file or directory",
                IoReasons.describe(new NoSuchFileException("missing.properties")));
        assertEquals("/root/x: permission denied", IoReasons.describe(new AccessDeniedException("/root/x")));
        assertEquals("/f/sub: not a directory", IoReasons.describe(new NotDirectoryException("/f/sub")));
        assertEquals("/f/sub: not a directory", IoReasons.describe(new FileSystemException("/f/sub", null, "Not a directory")));
        assertEquals("/mnt/ro/out: read-only file system",
                IoReasons.describe(new FileSystemException("/mnt/ro/out", null, "Read-only file system")));
        assertEquals("disk full", IoReasons.describe(new IOException("disk full")));
    }
}
