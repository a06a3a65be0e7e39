package gov.civilaffairs.registry.person;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Validates a national ID number (公民身份号码) by GB 11643-1999: 18 characters, a 6-digit address
 * code, an 8-digit birth date (a real date, not in the future), a 3-digit sequence (odd male, even
 * female) and an ISO 7064 MOD 11-2 check character (0-9 or X). A lowercase {@code x} is normalised to
 * {@code X} before anything else (QUALITY.md).
 *
 * <p>TODO(lead): replace with platform.idnumber.NationalIdNumber when merged: {@link #parse} is the
 * only entry point, so the swap is a one-line change in its body.
 */
public final class NationalIdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();
  private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);

  private NationalIdNumbers() {
  }

  /** A valid national ID number: the normalised 18 characters, the birth date and the sex it encodes. */
  public record ParsedIdNumber(String value, LocalDate birthDate, Sex sex) {
  }

  /** Thrown for an ID number that breaks GB 11643-1999; the message is the reason, for a person. */
  public static final class InvalidIdNumberException extends IllegalArgumentException {
    InvalidIdNumberException(String reason) {
      super(reason);
    }
  }

  /**
   * @param raw the number as received (surrounding whitespace ignored; lowercase x accepted)
   * @param today the bureau's current date (a birth date after it is invalid)
   * @return the normalised number with the birth date and sex it encodes
   * @throws InvalidIdNumberException with the reason: wrong length or characters, impossible or future
   *     birth date, wrong check character
   */
  public static ParsedIdNumber parse(String raw, LocalDate today) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidIdNumberException("the national ID number is missing");
    }
    String value = raw.strip().toUpperCase(Locale.ROOT);
    if (!value.matches("\\d{17}[\\dX]")) {
      throw new InvalidIdNumberException("a national ID number is 17 digits followed by a digit or X");
    }
    LocalDate birthDate;
    try {
      birthDate = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
    } catch (DateTimeParseException e) {
      throw new InvalidIdNumberException("characters 7-14 are not a valid birth date");
    }
    if (birthDate.isAfter(today)) {
      throw new InvalidIdNumberException("the birth date it encodes is in the future");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (value.charAt(i) - '0') * WEIGHTS[i];
    }
    char expected = CHECK_CHARACTERS[sum % 11];
    if (value.charAt(17) != expected) {
      throw new InvalidIdNumberException("the check character is wrong (GB 11643-1999 MOD 11-2)");
    }
    Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    return new ParsedIdNumber(value, birthDate, sex);
  }
}
