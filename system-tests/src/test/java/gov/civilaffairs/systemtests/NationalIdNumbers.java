package gov.civilaffairs.systemtests;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;

/**
 * Valid, distinct national ID numbers (GB 11643-1999) for the persons of one test run: 诸暨市 (330681),
 * born on consecutive days from 1 January 1940 (so aged over 80 in 2026, old enough for every eldercare
 * benefit), male, with the MOD 11-2 check character computed by the platform.
 */
final class NationalIdNumbers {

  private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1940, 1, 1);
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Queue<String> ISSUED = new ConcurrentLinkedQueue<>();

  private NationalIdNumbers() {
  }

  /** A number not handed out before in this run. */
  static String next() {
    LocalDate birthDate = FIRST_BIRTH_DATE.plusDays(NEXT.getAndIncrement());
    String first17 = "330681" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "011";
    String number = first17 + NationalIdNumber.checkCharacter(first17);
    ISSUED.add(number);
    return number;
  }

  /** Every number handed out so far in this run. */
  static List<String> issued() {
    return List.copyOf(ISSUED);
  }
}
