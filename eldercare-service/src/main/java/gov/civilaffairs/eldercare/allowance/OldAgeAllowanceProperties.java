package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The old-age allowance (高龄津贴), {@code eldercare.old-age-allowance.*}. City policy, verify: amounts and
 * bands are set by each city's 高龄津贴 rules (浙江省 cities typically pay from 80, more from 90 and most
 * from 100).
 *
 * @param bands age bands, each from its {@code minimum-age} up to the next band's; default 80: 50.00, 90:
 *     150.00, 100: 500.00 yuan a month. A person is in a band from the month in which he or she reaches its
 *     age (city policy, verify).
 * @param bandStart the month from which a person is paid a band's amount: {@code MONTH_OF_BIRTHDAY} (default: the
 *     month in which the person reaches the band's age, 浙江省 practice, verify locally) or
 *     {@code MONTH_AFTER_BIRTHDAY}; also the month in which the allowance starts automatically
 * @param lastPaidMonth on a death, the last month paid: {@code MONTH_OF_DEATH} (default) or {@code NEXT_MONTH},
 *     the same choice relief-service offers for the minimum living allowance (DOMAIN.md, death rule 4)
 */
@ConfigurationProperties("eldercare.old-age-allowance")
@Validated
public record OldAgeAllowanceProperties(
    @NotEmpty List<@Valid @NotNull Band> bands,
    @DefaultValue("MONTH_OF_BIRTHDAY") @NotNull BandStart bandStart,
    @DefaultValue("MONTH_OF_DEATH") @NotNull LastPaidMonth lastPaidMonth) {

  /** The default bands (city policy, verify). */
  static final List<Band> DEFAULT_BANDS = List.of(
      new Band(80, new BigDecimal("50.00")),
      new Band(90, new BigDecimal("150.00")),
      new Band(100, new BigDecimal("500.00")));

  public OldAgeAllowanceProperties {
    bandStart = bandStart == null ? BandStart.MONTH_OF_BIRTHDAY : bandStart;
    bands = bands == null || bands.isEmpty() ? DEFAULT_BANDS
        : bands.stream().sorted(Comparator.comparingInt(Band::minimumAge)).toList();
  }

  /** No two bands start at the same age. */
  @AssertTrue(message = "each band must have its own minimum-age")
  boolean isEachBandDistinct() {
    return bands.stream().map(Band::minimumAge).distinct().count() == bands.size();
  }

  /**
   * The monthly amount due for {@code month} to a person born on {@code birthDate}: that of the highest band
   * whose age the person reaches by the last day of the month ({@code MONTH_OF_BIRTHDAY}), or by the last day of
   * the month before ({@code MONTH_AFTER_BIRTHDAY}).
   *
   * @return yuan, scale 2; empty when the person is under every band in that month
   */
  public Optional<BigDecimal> monthlyAmount(LocalDate birthDate, YearMonth month) {
    YearMonth reckoned = bandStart == BandStart.MONTH_AFTER_BIRTHDAY ? month.minusMonths(1) : month;
    int age = Period.between(birthDate, reckoned.atEndOfMonth()).getYears();
    return bands.stream().filter(band -> age >= band.minimumAge()).reduce((lower, higher) -> higher)
        .map(Band::monthlyAmount);
  }

  /** The last month paid to a person who died on {@code dateOfDeath} (Asia/Shanghai civil date). */
  public YearMonth lastPaidMonth(LocalDate dateOfDeath) {
    YearMonth monthOfDeath = YearMonth.from(dateOfDeath);
    return lastPaidMonth == LastPaidMonth.NEXT_MONTH ? monthOfDeath.plusMonths(1) : monthOfDeath;
  }

  /**
   * An age band.
   *
   * @param minimumAge full years from which the band's amount is paid
   * @param monthlyAmount yuan a month, at most 2 decimals
   */
  public record Band(
      @Min(60) @Max(150) int minimumAge,
      @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal monthlyAmount) {

    public Band {
      monthlyAmount = monthlyAmount == null ? null : monthlyAmount.setScale(2);
    }
  }

  /**
   * The first month in which a person born on {@code birthDate} is in the lowest band: the month of the birthday
   * on which he or she reaches its age, or the month after ({@link #bandStart}).
   */
  public YearMonth firstMonthOfLowestBand(LocalDate birthDate) {
    YearMonth birthday = YearMonth.from(birthDate.plusYears(bands.get(0).minimumAge()));
    return bandStart == BandStart.MONTH_AFTER_BIRTHDAY ? birthday.plusMonths(1) : birthday;
  }

  /** From which month a band's amount is paid. */
  public enum BandStart {
    /** From the month in which the person reaches the band's age. */
    MONTH_OF_BIRTHDAY,
    /** From the month after the month in which the person reaches the band's age. */
    MONTH_AFTER_BIRTHDAY
  }

  /** Which month is the last one paid when the person dies. */
  public enum LastPaidMonth {
    /** Paid up to and including the month of death. */
    MONTH_OF_DEATH,
    /** Paid up to and including the month after the month of death. */
    NEXT_MONTH
  }
}
