package gov.civilaffairs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used by each process of the local system while a benchmark runs: where the two cores went. The
 * processes are those of {@code deploy/run-local.sh} (its pid files, {@code .run-local/pids/<name>.pid}), the
 * MySQL-compatible server (a process named {@code mariadbd} or {@code mysqld}) and this benchmark client. Read
 * from {@code /proc/<pid>/stat} (user + system time, in clock ticks of 1/100 s, Linux's USER_HZ on x86-64 and
 * arm64); an empty snapshot where /proc is missing.
 */
final class ProcessCpu {

  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessCpu() {
  }

  /** CPU seconds used so far by each process, by name. */
  static Map<String, Double> snapshot(Path pidDir) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    try (Stream<Path> files = Files.isDirectory(pidDir) ? Files.list(pidDir) : Stream.empty()) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
        cpuSeconds(Files.readString(file).strip()).ifPresent(s -> seconds.put(name, s));
      }
    } catch (IOException | RuntimeException e) {
      // no pid files: only what follows
    }
    for (String pid : databasePids()) {
      cpuSeconds(pid).ifPresent(s -> seconds.merge("database", s, Double::sum));
    }
    cpuSeconds(Long.toString(ProcessHandle.current().pid())).ifPresent(s -> seconds.put("bench client", s));
    return seconds;
  }

  /**
   * One line per process: CPU seconds between the snapshots and the cores that makes over {@code wallSeconds},
   * busiest first, then the total against what the machine's cores could give.
   */
  static String report(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
    List<Map.Entry<String, Double>> used = new ArrayList<>();
    after.forEach((name, s) -> used.add(Map.entry(name, s - before.getOrDefault(name, 0.0))));
    used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    StringBuilder out = new StringBuilder();
    double total = 0;
    for (Map.Entry<String, Double> e : used) {
      total += e.getValue();
      out.append(String.format("  %-30s %7.1f s  %4.2f cores%n", e.getKey(), e.getValue(), e.getValue() / wallSeconds));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    out.append(String.format("  %-30s %7.1f s  %4.2f of %d cores over %.1f s%n", "total", total, total / wallSeconds,
        cores, wallSeconds));
    return out.toString();
  }

  /**
   * CPU seconds used so far by the JIT compiler threads (HotSpot's {@code C1 CompilerThread#} and
   * {@code C2 CompilerThread#}, named {@code C1 CompilerThre}/{@code C2 CompilerThre} in /proc) of the processes of
   * the pid files: how much of a run went into compiling rather than running the code. A system that has been
   * running compiles little; a run soon after the services started pays for C2 here (bench/README.md).
   */
  static double compilerSeconds(Path pidDir) {
    double seconds = 0;
    try (Stream<Path> files = Files.isDirectory(pidDir) ? Files.list(pidDir) : Stream.empty()) {
      for (Path file : files.toList()) {
        Path tasks = Path.of("/proc", Files.readString(file).strip(), "task");
        try (Stream<Path> threads = Files.isDirectory(tasks) ? Files.list(tasks) : Stream.empty()) {
          for (Path thread : threads.toList()) {
            if (Files.readString(thread.resolve("comm")).strip().matches("C[12] CompilerThre.*")) {
              seconds += cpuSeconds(thread).orElse(0.0);
            }
          }
        } catch (IOException | RuntimeException e) {
          // the process or thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // no pid files: nothing compiled here
    }
    return seconds;
  }

  private static Optional<Double> cpuSeconds(String pid) {
    return cpuSeconds(Path.of("/proc", pid));
  }

  private static Optional<Double> cpuSeconds(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state); utime is field 14, stime field 15
      return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<String> databasePids() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> {
            try {
              String comm = Files.readString(p.resolve("comm")).strip();
              return comm.equals("mariadbd") || comm.equals("mysqld");
            } catch (IOException | RuntimeException e) {
              return false;
            }
          })
          .map(p -> p.getFileName().toString()).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
