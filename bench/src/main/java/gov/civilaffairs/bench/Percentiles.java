package gov.civilaffairs.bench;

/** Nearest-rank percentiles of sorted samples. */
final class Percentiles {

  private Percentiles() {
  }

  /** The {@code quantile} (0..1) of {@code sorted} (ascending), nearest rank; NaN when empty. */
  static double of(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
