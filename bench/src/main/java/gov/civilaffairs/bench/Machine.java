package gov.civilaffairs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures were measured on: cores, memory, JVM, load average (Linux /proc). */
final class Machine {

  private Machine() {
  }

  static String describe() {
    return "%d cores, %s memory, %s %s (%s), load average %s".formatted(Runtime.getRuntime().availableProcessors(),
        memory(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"), loadAverage());
  }

  /** The 1, 5 and 15 minute load averages, or "?" where /proc is missing. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String memory() {
    try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
      long kb = lines.filter(l -> l.startsWith("MemTotal:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
          .findFirst().orElseThrow();
      return "%.1f GB".formatted(kb / 1024.0 / 1024.0);
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
