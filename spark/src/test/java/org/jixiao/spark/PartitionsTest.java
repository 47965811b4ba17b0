package org.jixiao.spark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files dealt into tasks of about equal bytes, each file once. */
class PartitionsTest {

    private static List<ListedFile> files(long... sizes) {
        List<ListedFile> files = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            String name = String.format(Locale.ROOT, "f%03d", i);
            files.add(new ListedFile("file:/in/" + name, 0, name, name, sizes[i]));
        }
        return files;
    }

    @Test
    void dealsEveryFileOnceIntoGroupsOfAboutEqualBytes() {
        long[] sizes = new long[1000];
        for (int i = 0; i < sizes.length; i++) {
            // a few large spreadsheets among many small text files
            sizes[i] = i % 50 == 0 ? 2_000_000 : 10_000 + i * 37L;
        }
        List<ListedFile> all = files(sizes);
        List<List<ListedFile>> groups = Partitions.balance(all, 8);
        assertEquals(8, groups.size());
        List<ListedFile> dealt = new ArrayList<>();
        groups.forEach(dealt::addAll);
        dealt.sort((a, b) -> a.uri().compareTo(b.uri()));
        assertEquals(all, dealt);
        long max = groups.stream().mapToLong(g -> g.stream().mapToLong(ListedFile::size).sum()).max().orElseThrow();
        long min = groups.stream().mapToLong(g -> g.stream().mapToLong(ListedFile::size).sum()).min().orElseThrow();
        assertTrue(max - min <= 2_000_000 + 4096, "bytes per group from " + min + " to " + max);
        for (List<ListedFile> g : groups) {
            for (int i = 1; i < g.size(); i++) {
                assertTrue(g.get(i - 1).uri().compareTo(g.get(i).uri()) < 0, "listing order kept in a group");
            }
        }
    }

    @Test
    void choosesFourTasksACoreAndAtMostTwoThousandFilesATask() {
        assertEquals(8, Partitions.count(0, 10_000, 2));
        assertEquals(50, Partitions.count(0, 100_000, 2));
        assertEquals(3, Partitions.count(0, 3, 2));
        assertEquals(5, Partitions.count(5, 10_000, 2));
        assertEquals(1, Partitions.count(0, 1, 16));
    }
}
