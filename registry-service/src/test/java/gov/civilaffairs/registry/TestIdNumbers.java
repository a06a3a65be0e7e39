package gov.civilaffairs.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid national ID numbers for tests, unique within a run: 诸暨市 (330681), a given birth date, a fresh sequence. */
public final class TestIdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));

  private TestIdNumbers() {
  }

  /** A valid number of a man born on the given date. */
  public static String valid(LocalDate birthDate) {
    int sequence = (SEQUENCE.getAndIncrement() % 499) * 2 + 1;
    String body = "330681" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
    return body + checkCharacter(body);
  }

  /** The GB 11643-1999 MOD 11-2 check character of the first 17 characters. */
  public static char checkCharacter(String body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return "10X98765432".charAt(sum % 11);
  }
}
