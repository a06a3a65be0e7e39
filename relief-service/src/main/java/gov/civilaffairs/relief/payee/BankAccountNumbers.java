package gov.civilaffairs.relief.payee;

import java.util.Optional;

/**
 * The checks of a payee's account number before it is stored (代发账户).
 *
 * <ul>
 *   <li>digits only, 12 to 19 of them: a bank card number (primary account number) has at most 19 digits
 *       (ISO/IEC 7812-1; JR/T 0008 银行卡发卡行标识代码及卡号, verify the edition); the lower bound of 12 is a local
 *       check of this service (no account of the city's paying banks is shorter), city policy to verify;</li>
 *   <li>a number starting with {@code 62} (China UnionPay's issuer identification range) must pass the Luhn (mod 10)
 *       check digit of ISO/IEC 7812-1 Annex B; other numbers (older card ranges, settlement and passbook accounts)
 *       carry no standard check digit and are not checked. Applying Luhn to the 62 range only is a local rule.</li>
 * </ul>
 */
public final class BankAccountNumbers {

  /** The shortest account number accepted (local check). */
  public static final int MIN_DIGITS = 12;
  /** The longest: a bank card number has at most 19 digits (ISO/IEC 7812-1). */
  public static final int MAX_DIGITS = 19;

  private BankAccountNumbers() {
  }

  /**
   * Why {@code number} is not acceptable, or empty when it is.
   *
   * @param number the account number as given (no spaces or separators are removed)
   */
  public static Optional<String> problem(String number) {
    if (number == null || number.isEmpty()) {
      return Optional.of("must not be empty");
    }
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.of("must consist of digits only (no spaces or separators)");
      }
    }
    if (number.length() < MIN_DIGITS || number.length() > MAX_DIGITS) {
      return Optional.of("must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, has " + number.length());
    }
    if (number.startsWith("62") && !luhnValid(number)) {
      return Optional.of("fails the Luhn check digit of a UnionPay card number (starting with 62)");
    }
    return Optional.empty();
  }

  /** The Luhn (mod 10) check of ISO/IEC 7812-1 over a string of digits, the last one being the check digit. */
  static boolean luhnValid(String digits) {
    int sum = 0;
    boolean doubled = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }
}
