package org.jixiao.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** How the listed files are shared among tasks. */
final class Partitions {

    private Partitions() {
    }

    /**
     * The number of partitions: as asked, or enough for four tasks a core (so a slow file's task is
     * not the whole stage's tail) and at most 2,000 files a task; never more than there are files.
     */
    static int count(int asked, int files, int defaultParallelism) {
        int n = asked > 0 ? asked : Math.max(defaultParallelism * 4, (files + 1999) / 2000);
        return Math.max(1, Math.min(n, files));
    }

    /**
     * The files dealt into {@code n} groups of about equal bytes: largest first, each to the
     * group with the fewest bytes so far (longest-processing-time scheduling; conversion time grows
     * with size). Each group keeps its files in listing order.
     */
    static List<List<ListedFile>> balance(List<ListedFile> files, int n) {
        record Load(int group, long bytes) {
        }
        PriorityQueue<Load> loads = new PriorityQueue<>(Comparator.comparingLong(Load::bytes).thenComparingInt(Load::group));
        List<List<Integer>> indexes = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            loads.add(new Load(g, 0));
            indexes.add(new ArrayList<>());
        }
        List<Integer> bySize = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            bySize.add(i);
        }
        bySize.sort(Comparator.comparingLong((Integer i) -> files.get(i).size()).reversed().thenComparing(i -> i));
        for (int i : bySize) {
            Load least = loads.poll();
            indexes.get(least.group()).add(i);
            // A small fixed cost per file (opening it, a task's bookkeeping) beside its bytes.
            loads.add(new Load(least.group(), least.bytes() + files.get(i).size() + 4096));
        }
        List<List<ListedFile>> groups = new ArrayList<>();
        for (List<Integer> g : indexes) {
            g.sort(Comparator.naturalOrder());
            groups.add(g.stream().map(files::get).toList());
        }
        return groups;
    }

}
