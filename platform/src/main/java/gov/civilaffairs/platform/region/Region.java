package gov.civilaffairs.platform.region;

import java.util.Objects;

/**
 * One administrative division (行政区划).
 *
 * @param code its code in the short form of its level: 2, 4, 6, 9 or 12 digits (see {@link RegionLevel})
 * @param name its official name, for example 诸暨市
 * @param level its level, which follows from the length of the code
 * @param parentCode the code of the division it belongs to, the code's prefix one level up
 *     ({@code 330681109} for {@code 330681109290}); {@code null} for a province
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

  /**
   * @throws IllegalArgumentException if the code is not all digits, does not have the length of its
   *     level, or the parent code is not its prefix one level up
   */
  public Region {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    if (code.length() != level.codeLength() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(level + " code must have " + level.codeLength() + " digits: " + code);
    }
    String expectedParent = level.parent().map(p -> code.substring(0, p.codeLength())).orElse(null);
    if (!Objects.equals(parentCode, expectedParent)) {
      throw new IllegalArgumentException("Parent of " + code + " must be " + expectedParent + ", not " + parentCode);
    }
  }

  /**
   * The division with this code and name; level and parent follow from the code (GB/T 2260 codes
   * nest: every code starts with the code of the division it belongs to).
   *
   * @throws IllegalArgumentException if the code is not 2, 4, 6, 9 or 12 digits
   */
  public static Region of(String code, String name) {
    RegionLevel level = RegionLevel.ofCodeLength(code.length()).orElseThrow(
        () -> new IllegalArgumentException("Not a region code (2, 4, 6, 9 or 12 digits): " + code));
    return new Region(code, name, level,
        level.parent().map(parent -> code.substring(0, parent.codeLength())).orElse(null));
  }
}
