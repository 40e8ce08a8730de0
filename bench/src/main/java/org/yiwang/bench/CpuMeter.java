package org.yiwang.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Who used the machine's CPU during a measured period (Linux {@code /proc}): this JVM (platform and load generator),
 * the PostgreSQL server processes when the server runs on this machine, and everything else — on a shared machine
 * the figures only mean something beside these.
 */
final class CpuMeter {

    private static final double TICK = 0.01; // USER_HZ

    /** Seconds of CPU used so far, and the wall clock. */
    record Snapshot(long nanos, double machine, double jvm, double postgres) {}

    /** Cores in use on average over a period, by whom. */
    record Usage(double seconds, double machine, double jvm, double postgres, double clients) {

        double others() {
            return Math.max(0, machine - jvm - postgres);
        }

        String describe(String per, long count) {
            double platform = jvm - clients;
            String line = String.format("cpu (cores of %d): platform JVM %.2f, load generator %.2f, PostgreSQL %s,"
                            + " other processes %.2f, idle %.2f", CORES, platform, clients,
                    postgres < 0 ? "n/a" : String.format("%.2f", postgres), postgres < 0 ? machine - jvm : others(),
                    Math.max(0, CORES - machine));
            if (count > 0) {
                line += String.format("; per %s: platform JVM %.1f ms, PostgreSQL %s ms", per,
                        platform * seconds * 1000 / count,
                        postgres < 0 ? "n/a" : String.format("%.1f", postgres * seconds * 1000 / count));
            }
            return line;
        }
    }

    static final int CORES = Runtime.getRuntime().availableProcessors();

    private final long postmaster;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    /** Finds the local PostgreSQL server through a backend's parent; without one, PostgreSQL shows as n/a. */
    static CpuMeter of(DataSource dataSource) {
        long postmaster = -1;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            Path backend = Path.of("/proc/" + r.getInt(1) + "/status");
            if (Files.exists(backend) && comm(r.getInt(1)).equals("postgres")) {
                for (String line : Files.readAllLines(backend)) {
                    if (line.startsWith("PPid:")) postmaster = Long.parseLong(line.substring(5).strip());
                }
            }
        } catch (Exception e) {
            postmaster = -1;
        }
        return new CpuMeter(postmaster);
    }

    Snapshot snapshot() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Snapshot(System.nanoTime(), machineSeconds(), os.getProcessCpuTime() / 1e9, postgresSeconds());
    }

    static Usage between(Snapshot from, Snapshot to, double clientSeconds) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        return new Usage(seconds, (to.machine() - from.machine()) / seconds, (to.jvm() - from.jvm()) / seconds,
                from.postgres() < 0 || to.postgres() < 0 ? -1 : (to.postgres() - from.postgres()) / seconds,
                clientSeconds / seconds);
    }

    /** Busy time of all CPUs: everything in /proc/stat's first line except idle and iowait. */
    private static double machineSeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) busy += Long.parseLong(f[i]);
            }
            return busy * TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The postmaster and its children (backends, writers), counting the finished children it has waited for. */
    private double postgresSeconds() {
        if (postmaster < 0) return -1;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            List<Path> pids = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
            long ticks = 0;
            for (Path p : pids) {
                long[] stat = stat(p);
                if (stat == null) continue;
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == postmaster) ticks += stat[1] + stat[2] + stat[3] + stat[4];
                else if (stat[0] == postmaster) ticks += stat[1] + stat[2];
            }
            return ticks * TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** ppid, utime, stime, cutime, cstime of /proc/[pid]/stat, or null when the process is gone. */
    private static long[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String comm(int pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
    }
}
