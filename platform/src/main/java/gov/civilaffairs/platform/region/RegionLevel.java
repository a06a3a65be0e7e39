package gov.civilaffairs.platform.region;

import java.util.Optional;

/**
 * The five levels of administrative division (GB/T 2260 and the statistical division codes of the
 * National Bureau of Statistics), each with the length of its code.
 */
public enum RegionLevel {

  /** 省级: province, autonomous region, municipality (省、自治区、直辖市); 2 digits, e.g. 33 浙江省. */
  PROVINCE(2),
  /** 地级: prefecture-level city (地级市、自治州、盟); 4 digits, e.g. 3306 绍兴市. */
  CITY(4),
  /** 县级: county, county-level city, district (县、县级市、区); 6 digits, e.g. 330681 诸暨市. */
  COUNTY(6),
  /** 乡级: township, town, sub-district (乡、镇、街道); 9 digits, e.g. 330681109 枫桥镇. */
  TOWNSHIP(9),
  /** 村级: village or community committee (村委会、居委会); 12 digits, e.g. 330681109290 枫源村委会. */
  VILLAGE(12);

  private final int codeLength;

  RegionLevel(int codeLength) {
    this.codeLength = codeLength;
  }

  /** Number of digits of a code at this level. */
  public int codeLength() {
    return codeLength;
  }

  /** The level one up, empty for {@link #PROVINCE}. */
  public Optional<RegionLevel> parent() {
    return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
  }

  /** The level whose codes have this many digits, if any. */
  public static Optional<RegionLevel> ofCodeLength(int length) {
    for (RegionLevel level : values()) {
      if (level.codeLength == length) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
