package gov.civilaffairs.eldercare;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.civilaffairs.eldercare.allowance.AllowanceRoll;
import gov.civilaffairs.eldercare.allowance.AllowanceRolls;
import gov.civilaffairs.eldercare.card.TransitCardFile;
import gov.civilaffairs.eldercare.card.TransitCardFiles;
import gov.civilaffairs.platform.time.BureauClock;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The jobs that run by themselves (times in Asia/Shanghai, configurable): the transit-card file of the day
 * ({@code eldercare.jobs.transit-card-file-cron}, default 01:30 every day) and the old-age allowance roll of the
 * month ({@code eldercare.jobs.allowance-roll-cron}, default 02:00 on the 1st). Both are idempotent per date or
 * month, so several instances may run them; sending the roll to the bank stays a person's act
 * ({@code POST /old-age-allowance-rolls/{month}/sent}).
 */
@Component
@EnableScheduling
public class ScheduledJobs {

  private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

  private final TransitCardFiles files;
  private final AllowanceRolls rolls;
  private final BureauClock clock;

  ScheduledJobs(TransitCardFiles files, AllowanceRolls rolls, BureauClock clock) {
    this.files = files;
    this.rolls = rolls;
    this.clock = clock;
  }

  /** Generates today's transit-card file (or returns it if it exists). */
  @Scheduled(cron = "${eldercare.jobs.transit-card-file-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
  public TransitCardFile transitCardFile() {
    TransitCardFile file = files.generate(clock.today());
    log.info("Transit-card file of {}: {} lines, {} notifications", file.fileDate(), file.lineCount(),
        file.notifications());
    return file;
  }

  /** Generates this month's old-age allowance roll (or returns it if it exists). */
  @Scheduled(cron = "${eldercare.jobs.allowance-roll-cron:0 0 2 1 * *}", zone = "Asia/Shanghai")
  public AllowanceRoll allowanceRoll() {
    AllowanceRoll roll = rolls.generate(clock.currentMonth());
    log.info("Old-age allowance roll of {}: {} lines, {} yuan", roll.month(), roll.lineCount(), roll.totalAmount());
    return roll;
  }
}
