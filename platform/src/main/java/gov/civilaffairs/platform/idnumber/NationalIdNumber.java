package gov.civilaffairs.platform.idnumber;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException.Reason;
import gov.civilaffairs.platform.masking.Masking;

/**
 * A valid 18-character national ID number (公民身份号码), GB 11643-1999: a 6-digit region code
 * (GB/T 2260), an 8-digit birth date {@code yyyyMMdd}, a 3-digit sequence code (odd for men, even for
 * women) and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>Immutable; equal when the normalised values are equal. {@link #toString()} gives the masked
 * form ({@code 330681********123X}) so that an accidental log line or message never carries the
 * number; use {@link #value()} where the full number is meant to go (the database, a department's
 * API).
 *
 * <p>Rules beyond the standard, as stated in the platform's quality bar (QUALITY.md): a lowercase
 * {@code x} is accepted and normalised to {@code X}; the birth date must not be before
 * {@value #EARLIEST_BIRTH_YEAR}-01-01 (no living person or open record is older; the standard itself
 * sets no lower bound) nor after today in the bureau's zone, Asia/Shanghai. The region code is not
 * checked against GB/T 2260: codes of abolished regions stay valid on old cards.
 */
public final class NationalIdNumber {

  /** Length of a national ID number. */
  public static final int LENGTH = 18;

  /** Length of a legacy (first-generation card, before 1999) national ID number. */
  public static final int LEGACY_LENGTH = 15;

  /** Year of the earliest birth date accepted. */
  public static final int EARLIEST_BIRTH_YEAR = 1900;

  /** The earliest birth date accepted: {@value #EARLIEST_BIRTH_YEAR}-01-01. */
  public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(EARLIEST_BIRTH_YEAR, 1, 1);

  /** The bureau's zone, which decides what "today" is when no date is given. */
  static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

  /** ISO 7064 MOD 11-2 weights of the first 17 digits: 2^(17 - i) mod 11 for i = 0..16. */
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** The check character for each weighted sum modulo 11 (GB 11643-1999, table 1). */
  private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private final String value;
  private final LocalDate birthDate;

  private NationalIdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /**
   * Parses a national ID number, taking today's date in Asia/Shanghai as the latest birth date.
   *
   * @see #parse(String, LocalDate)
   */
  public static NationalIdNumber parse(String text) {
    return parse(text, LocalDate.now(BUREAU_ZONE));
  }

  /**
   * Parses a national ID number. Surrounding whitespace is removed and a lowercase {@code x} becomes
   * {@code X} before any check. Checks, in this order: not blank, 18 characters, digits (the last may
   * be {@code X}), check character, birth date is a date, not before 1900-01-01, not after
   * {@code today}.
   *
   * @param text the number as received, for example {@code " 11010519491231002x"}
   * @param today the date the birth date must not be after (normally today in Asia/Shanghai)
   * @return the number, normalised
   * @throws InvalidNationalIdNumberException naming the first rule broken
   */
  public static NationalIdNumber parse(String text, LocalDate today) {
    String normalised = text == null ? "" : text.strip().replace('x', 'X');
    if (normalised.isEmpty()) {
      throw new InvalidNationalIdNumberException(Reason.BLANK, "national ID number is blank");
    }
    if (normalised.length() != LENGTH) {
      throw new InvalidNationalIdNumberException(Reason.WRONG_LENGTH,
          "national ID number must have " + LENGTH + " characters, not " + normalised.length());
    }
    char expected = checkCharacter(normalised.substring(0, LENGTH - 1));
    char actual = normalised.charAt(LENGTH - 1);
    if (!isDigit(actual) && actual != 'X') {
      throw new InvalidNationalIdNumberException(Reason.NON_DIGIT,
          "character 18 of the national ID number must be a digit or X");
    }
    if (actual != expected) {
      throw new InvalidNationalIdNumberException(Reason.BAD_CHECK_CHARACTER,
          "check character should be " + expected);
    }
    LocalDate birthDate = birthDate(normalised.substring(6, 14));
    if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
      throw new InvalidNationalIdNumberException(Reason.BIRTH_DATE_TOO_EARLY,
          "birth date " + birthDate + " is before " + EARLIEST_BIRTH_DATE);
    }
    if (birthDate.isAfter(today)) {
      throw new InvalidNationalIdNumberException(Reason.BIRTH_DATE_IN_FUTURE,
          "birth date " + birthDate + " is after today, " + today);
    }
    return new NationalIdNumber(normalised, birthDate);
  }

  /**
   * Converts a legacy 15-digit number (first-generation cards, issued until 1999) to its 18-character
   * form: inserts the century {@code 19} before the 2-digit birth year and appends the recomputed
   * check character (GB 11643-1999, appendix on the upgrade of 15-digit numbers). Use it only for a
   * source known to send legacy numbers; everywhere else a 15-digit number is an error.
   *
   * @param legacy 15 digits: region code, birth date {@code yyMMdd}, sequence code
   * @return the 18-character number, checked as by {@link #parse(String)}
   * @throws InvalidNationalIdNumberException if the input is blank, not 15 characters, not all digits
   *     or has an invalid birth date
   */
  public static NationalIdNumber fromLegacy(String legacy) {
    String trimmed = legacy == null ? "" : legacy.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidNationalIdNumberException(Reason.BLANK, "legacy national ID number is blank");
    }
    if (trimmed.length() != LEGACY_LENGTH) {
      throw new InvalidNationalIdNumberException(Reason.WRONG_LENGTH,
          "legacy national ID number must have " + LEGACY_LENGTH + " digits, not " + trimmed.length());
    }
    for (int i = 0; i < trimmed.length(); i++) {
      if (!isDigit(trimmed.charAt(i))) {
        throw new InvalidNationalIdNumberException(Reason.NON_DIGIT,
            "character " + (i + 1) + " of the legacy national ID number must be a digit");
      }
    }
    String first17 = trimmed.substring(0, 6) + "19" + trimmed.substring(6);
    return parse(first17 + checkCharacter(first17));
  }

  /**
   * The ISO 7064 MOD 11-2 check character of the first 17 digits of a national ID number
   * (GB 11643-1999, section 7): the sum of each digit times 2^(17 - position) mod 11, mapped so that
   * the whole number's weighted sum is 1 modulo 11.
   *
   * @param first17 exactly 17 digits
   * @return {@code '0'}-{@code '9'} or {@code 'X'}
   * @throws InvalidNationalIdNumberException if {@code first17} is not 17 digits
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != LENGTH - 1) {
      throw new InvalidNationalIdNumberException(Reason.WRONG_LENGTH,
          "the first part of a national ID number must have " + (LENGTH - 1) + " digits");
    }
    int sum = 0;
    for (int i = 0; i < first17.length(); i++) {
      char c = first17.charAt(i);
      if (!isDigit(c)) {
        throw new InvalidNationalIdNumberException(Reason.NON_DIGIT,
            "character " + (i + 1) + " of the national ID number must be a digit");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS[sum % 11];
  }

  /** The full, normalised number (18 characters, uppercase {@code X}). Never log it. */
  public String value() {
    return value;
  }

  /** The region code where the number was first issued (GB/T 2260): the first 6 digits. */
  public String regionCode() {
    return value.substring(0, 6);
  }

  /** The birth date, digits 7-14. */
  public LocalDate birthDate() {
    return birthDate;
  }

  /** The sex: digit 17 (the last of the sequence code) is odd for men, even for women. */
  public Sex sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /**
   * Age in completed years (周岁) on a date: the years of the period from the birth date, so a person
   * is one year older on each birthday; someone born on 29 February is one year older on 1 March in
   * a common year.
   *
   * @param date the date of the age, not before the birth date
   * @return the age in whole years
   * @throws IllegalArgumentException if {@code date} is before the birth date
   */
  public int ageOn(LocalDate date) {
    if (date.isBefore(birthDate)) {
      throw new IllegalArgumentException("date " + date + " is before the birth date");
    }
    return Period.between(birthDate, date).getYears();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NationalIdNumber that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The masked form, first 6 and last 4 characters kept: {@code 330681********123X}. */
  @Override
  public String toString() {
    return Masking.nationalIdNumber(value);
  }

  private static LocalDate birthDate(String yyyyMMdd) {
    int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
    int month = Integer.parseInt(yyyyMMdd.substring(4, 6));
    int day = Integer.parseInt(yyyyMMdd.substring(6, 8));
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw new InvalidNationalIdNumberException(Reason.INVALID_BIRTH_DATE,
          "birth date " + yyyyMMdd.substring(0, 4) + "-" + yyyyMMdd.substring(4, 6) + "-"
              + yyyyMMdd.substring(6, 8) + " is not a date");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
