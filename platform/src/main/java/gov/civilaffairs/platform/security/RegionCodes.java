package gov.civilaffairs.platform.security;

import java.util.regex.Pattern;

/** Shape of the GB/T 2260 codes a token may carry: county 6, township 9 or village 12 digits. */
final class RegionCodes {

  private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

  private RegionCodes() {
  }

  static boolean isValid(String code) {
    return code != null && CODE.matcher(code).matches();
  }
}
