package gov.civilaffairs.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The bureau's clock: the current instant, and civil dates and months read in the bureau's zone
 * ({@code platform.time.zone}, default Asia/Shanghai).
 *
 * <p>Instants are what is stored (UTC); a civil date is what a rule talks about. A death at 23:30 on
 * 30 June Shanghai time (15:30 UTC) is a June death in every service (QUALITY.md "Dates"), whatever
 * the zone of the server or of the {@link Clock} it was given.
 */
public final class BureauClock {

  private final Clock clock;

  /**
   * @param clock the source of the current instant (its own zone is ignored), for example a fixed
   *     clock in tests
   * @param zone the bureau's zone
   */
  public BureauClock(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock").withZone(Objects.requireNonNull(zone, "zone"));
  }

  /** The bureau's zone, for example {@code Asia/Shanghai}. */
  public ZoneId zone() {
    return clock.getZone();
  }

  /** The current instant. */
  public Instant now() {
    return clock.instant();
  }

  /** Today's date in the bureau's zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The current month in the bureau's zone, for example the benefit month being paid. */
  public YearMonth currentMonth() {
    return YearMonth.now(clock);
  }

  /** The civil date of an instant in the bureau's zone: 2026-06-30T15:30:00Z is 30 June 2026. */
  public LocalDate civilDate(Instant instant) {
    return LocalDate.ofInstant(instant, zone());
  }

  /** The civil month of an instant in the bureau's zone: 2026-06-30T15:30:00Z is June 2026. */
  public YearMonth civilMonth(Instant instant) {
    return YearMonth.from(civilDate(instant));
  }
}
