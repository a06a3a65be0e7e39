package gov.civilaffairs.platform.audit;

import java.util.regex.Pattern;

/**
 * Masks values that look like national ID numbers (GB 11643-1999: 18 characters, or 15 digits for
 * legacy numbers) the way QUALITY.md requires: first 6 and last 4 characters kept, for example
 * {@code 330681********123X}. Anything else is returned unchanged.
 */
// TODO(lead): switch to the platform's ID-number masking once the idnumber-masking branch is merged.
final class NationalIdMask {

  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");

  private NationalIdMask() {
  }

  static String mask(String value) {
    if (value == null || !ID_NUMBER.matcher(value).matches()) {
      return value;
    }
    String upper = value.toUpperCase();
    return upper.substring(0, 6) + "*".repeat(upper.length() - 10) + upper.substring(upper.length() - 4);
  }
}
