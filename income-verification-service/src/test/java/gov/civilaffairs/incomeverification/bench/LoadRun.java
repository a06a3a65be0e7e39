package gov.civilaffairs.incomeverification.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * What one mode of the benchmark measured: {@code verifications} calls made by a fixed number of callers
 * at once, each call timed from its start to its answer.
 *
 * @param mode what was measured
 * @param verifications how many
 * @param elapsed wall-clock time from the first call to the last answer
 * @param p50 median latency of one verification
 * @param p99 99th percentile latency (nearest rank)
 * @param loadAverage the machine's one-minute load average at the end of the run
 */
record LoadRun(String mode, int verifications, Duration elapsed, Duration p50, Duration p99, double loadAverage) {

  /**
   * Calls {@code verification} for 0 to {@code count - 1} from {@code callers} threads and times each call.
   *
   * @param verification one verification; throws if its answer is not the expected one
   * @param timeout the most the whole run may take (the benchmark must stop by itself)
   * @throws IllegalStateException if a verification failed or the run did not finish within {@code timeout}
   */
  static LoadRun measure(String mode, int count, int callers, Duration timeout, IntConsumer verification)
      throws InterruptedException {
    List<Callable<Long>> calls = IntStream.range(0, count).<Callable<Long>>mapToObj(i -> () -> {
      long start = System.nanoTime();
      verification.accept(i);
      return System.nanoTime() - start;
    }).toList();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      long start = System.nanoTime();
      List<Future<Long>> done = pool.invokeAll(calls, timeout.toMillis(), TimeUnit.MILLISECONDS);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      long[] latencies = new long[count];
      for (int i = 0; i < count; i++) {
        latencies[i] = outcome(mode, done.get(i), timeout);
      }
      Arrays.sort(latencies);
      return new LoadRun(mode, count, elapsed, percentile(latencies, 50), percentile(latencies, 99),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Verifications per second. */
  double throughput() {
    return verifications / (elapsed.toNanos() / 1e9);
  }

  private static long outcome(String mode, Future<Long> call, Duration timeout) throws InterruptedException {
    try {
      return call.get();
    } catch (CancellationException e) {
      throw new IllegalStateException(mode + ": did not finish within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(mode + ": a verification failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static Duration percentile(long[] sortedNanos, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return Duration.ofNanos(sortedNanos[Math.max(rank, 1) - 1]);
  }
}
