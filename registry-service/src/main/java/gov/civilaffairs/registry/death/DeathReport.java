package gov.civilaffairs.registry.death;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A death as one source reports it, before validation.
 *
 * @param nationalIdNumber as received (lowercase x accepted)
 * @param name as the source wrote it
 * @param dateOfDeath the civil date of death in Asia/Shanghai; may be null when {@code timeOfDeath} is given
 * @param timeOfDeath the instant of death with its offset; may be null when {@code dateOfDeath} is given
 * @param source who reports
 * @param sourceReference the source's own reference (unique per source: the same reference twice is one report)
 * @param reportedAt when the source reported; null means now
 */
public record DeathReport(String nationalIdNumber, String name, LocalDate dateOfDeath, OffsetDateTime timeOfDeath,
    DeathSource source, String sourceReference, Instant reportedAt) {

  /**
   * The civil date of death in the bureau's zone: a time of death is converted in that zone, so that
   * 23:30 on 30 June in Shanghai (15:30 UTC) is a June death (QUALITY.md, Dates).
   *
   * @return the date, or null when neither a date nor a time was given
   * @throws IllegalArgumentException when both are given and disagree
   */
  public LocalDate civilDateOfDeath(ZoneId bureauZone) {
    if (timeOfDeath == null) {
      return dateOfDeath;
    }
    LocalDate fromTime = timeOfDeath.atZoneSameInstant(bureauZone).toLocalDate();
    if (dateOfDeath != null && !dateOfDeath.equals(fromTime)) {
      throw new IllegalArgumentException("the date of death " + dateOfDeath + " disagrees with the time of death "
          + timeOfDeath + ", which is " + fromTime + " in " + bureauZone);
    }
    return fromTime;
  }
}
