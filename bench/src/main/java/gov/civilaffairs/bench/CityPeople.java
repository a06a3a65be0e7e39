package gov.civilaffairs.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.region.Region;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import net.datafaker.Faker;

/**
 * Fake but valid residents of 诸暨市 (330681): a Chinese name from Datafaker's zh-CN locale, a sex, a
 * birth date in the age range asked for, a 身份证号 consistent with both (GB 11643-1999: address code
 * 330681, birth date, sequence odd for men and even for women, check character from
 * {@link NationalIdNumber#checkCharacter}) and a village or community (村/社区, 12 digits) from the
 * platform's GB/T 2260 region data. Deterministic for a seed; not thread-safe (generate on one thread).
 */
final class CityPeople {

  /** 诸暨市, the demo city. */
  static final String CITY = "330681";

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  /** A resident: what the registry's person index holds. */
  record Resident(String nationalIdNumber, String name, Sex sex, LocalDate birthDate, String regionCode) {
    int ageOn(LocalDate date) {
      return birthDate.until(date).getYears();
    }
  }

  private final Random random;
  private final Faker faker;
  private final List<String> villages;
  private final LocalDate today;
  /** Sequence numbers used per birth date and sex, so no ID number is issued twice. */
  private final Map<String, Integer> sequences = new HashMap<>();
  /**
   * Where this seed's sequence numbers start (of the 499 per birth date and sex): two seeds' cities in one
   * database then share no ID number unless they need more numbers of one birth date than the gap between
   * their starts (a few per date in a city of 100,000).
   */
  private final int firstSequence;

  CityPeople(long seed, LocalDate today) {
    this.random = new Random(seed);
    this.firstSequence = new Random(seed).nextInt(499);
    this.faker = new Faker(Locale.forLanguageTag("zh-CN"), new Random(seed));
    this.today = today;
    RegionDirectory regions = RegionDirectory.load(List.of(CITY.substring(0, 2)));
    this.villages = regions.children(CITY).stream()
        .flatMap(township -> regions.children(township.code()).stream())
        .filter(r -> r.level() == RegionLevel.VILLAGE).map(Region::code).sorted().toList();
    if (villages.isEmpty()) {
      throw new IllegalStateException("no villages of " + CITY + " in the platform's region data");
    }
  }

  int villageCount() {
    return villages.size();
  }

  String randomVillage() {
    return villages.get(random.nextInt(villages.size()));
  }

  /** A resident aged {@code minAge} to {@code maxAge} (inclusive) today, living in {@code village}. */
  Resident resident(int minAge, int maxAge, Sex sex, String village) {
    LocalDate latest = today.minusYears(minAge);
    LocalDate earliest = today.minusYears(maxAge + 1L).plusDays(1);
    for (;;) {
      LocalDate birthDate = earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
      String key = birthDate + sex.name();
      int used = sequences.getOrDefault(key, 0);
      if (used == 499) {
        continue;
      }
      sequences.put(key, used + 1);
      int sequence = 2 * ((firstSequence + used) % 499) + (sex == Sex.MALE ? 1 : 2);
      String first17 = CITY + BASIC.format(birthDate) + String.format("%03d", sequence);
      String id = first17 + NationalIdNumber.checkCharacter(first17);
      return new Resident(id, name(), sex, birthDate, village);
    }
  }

  Resident resident(int minAge, int maxAge, String village) {
    return resident(minAge, maxAge, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, village);
  }

  Sex opposite(Sex sex) {
    return sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
  }

  /** Uniform in [from, to]. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  Random random() {
    return random;
  }

  private String name() {
    return faker.name().lastName() + faker.name().firstName();
  }
}
