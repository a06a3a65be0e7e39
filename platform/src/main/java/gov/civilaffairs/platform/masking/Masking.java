package gov.civilaffairs.platform.masking;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identifiers for display and logs. Pure, null-safe functions: {@code null} gives
 * {@code null}; the result always has as many characters (code points) as the input, each hidden one
 * replaced by {@value #MASK_CHARACTER}.
 *
 * <p>A value keeps its first and last characters only when at least {@value #MIN_HIDDEN} characters
 * stay hidden; a shorter or odd value (a typo, a truncated field) is masked entirely, so that masking
 * never reveals most of a value and never throws.
 *
 * <p>What is kept follows the platform's quality bar (QUALITY.md) for ID numbers and the common
 * practice of Chinese banks and carriers for the rest (GB/T 35273-2020, 个人信息安全规范, asks for
 * de-identified display of personal information but prescribes no format).
 */
public final class Masking {

  /** The character that replaces each hidden character. */
  public static final char MASK_CHARACTER = '*';

  /** The fewest characters a partly kept value must hide. */
  public static final int MIN_HIDDEN = 4;

  /**
   * 18-character national ID numbers in free text: 17 digits and a digit or {@code X}/{@code x},
   * bounded by non-digits. Not {@code \b}: Chinese characters count as word characters, so
   * {@code 身份证号110105...} would not match.
   */
  private static final Pattern NATIONAL_ID_NUMBER_IN_TEXT = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?![\\dXx])");

  /** Mainland mobile numbers in free text: 11 digits starting 13-19, bounded by non-digits. */
  private static final Pattern MOBILE_PHONE_IN_TEXT = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

  private Masking() {
  }

  /**
   * A national ID number with its region code (first 6) and last 4 characters kept:
   * {@code 330681199001011234} gives {@code 330681********1234}.
   */
  public static String nationalIdNumber(String value) {
    return keep(value, 6, 4);
  }

  /**
   * A mobile phone number with its first 3 (carrier prefix) and last 4 digits kept:
   * {@code 13812345678} gives {@code 138****5678}.
   */
  public static String mobilePhone(String value) {
    return keep(value, 3, 4);
  }

  /**
   * A bank account or card number with its last 4 characters kept and every other character masked,
   * separators included, without grouping: {@code 6222021234561234} gives
   * {@code ************1234}.
   */
  public static String bankAccount(String value) {
    return keep(value, 0, 4);
  }

  /**
   * Free text (a log message, an exception message) with every national ID number and mainland
   * mobile number in it masked as by {@link #nationalIdNumber} and {@link #mobilePhone}. Other text
   * is unchanged.
   */
  public static String inText(String text) {
    if (text == null) {
      return null;
    }
    String masked = replaceAll(NATIONAL_ID_NUMBER_IN_TEXT, text, 6, 4);
    return replaceAll(MOBILE_PHONE_IN_TEXT, masked, 3, 4);
  }

  /**
   * The value with its first {@code head} and last {@code tail} code points kept and the others
   * masked, or every code point masked when fewer than {@link #MIN_HIDDEN} would be hidden.
   */
  static String keep(String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    int[] codePoints = value.codePoints().toArray();
    boolean partly = codePoints.length - head - tail >= MIN_HIDDEN;
    StringBuilder masked = new StringBuilder(value.length());
    for (int i = 0; i < codePoints.length; i++) {
      boolean kept = partly && (i < head || i >= codePoints.length - tail);
      if (kept) {
        masked.appendCodePoint(codePoints[i]);
      } else {
        masked.append(MASK_CHARACTER);
      }
    }
    return masked.toString();
  }

  private static String replaceAll(Pattern pattern, String text, int head, int tail) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    return matcher.replaceAll(match -> keep(match.group(), head, tail));
  }
}
