package gov.civilaffairs.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionScopeTest {

  @Test
  void countyCoversItsTownshipsAndVillagesOnly() {
    RegionScope zhuji = RegionScope.within("330681");

    assertThat(zhuji.covers("330681")).isTrue();
    assertThat(zhuji.covers("330681001")).isTrue();
    assertThat(zhuji.covers("330681104001")).isTrue();
    assertThat(zhuji.covers("330682001")).isFalse();
    assertThat(zhuji.covers("33068")).isFalse();
    assertThat(zhuji.covers(null)).isFalse();
  }

  @Test
  void townshipDoesNotCoverAnotherTownshipOfTheSameCounty() {
    RegionScope jiyang = RegionScope.within("330681001");

    assertThat(jiyang.covers("330681001004")).isTrue();
    assertThat(jiyang.covers("330681104001")).isFalse();
    assertThat(jiyang.covers("330681")).isFalse();
  }

  @Test
  void everythingAndNothing() {
    assertThat(RegionScope.everything().covers("110101001")).isTrue();
    assertThat(RegionScope.everything().covers(null)).isTrue();
    assertThat(RegionScope.nothing().covers("330681001")).isFalse();
  }

  @Test
  void onlyCountyTownshipOrVillageCodesMakeAScope() {
    for (String bad : new String[] {"", "33", "3306810", "33068100100", "33068_", "330681%01", null}) {
      assertThatThrownBy(() -> RegionScope.within(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sqlPredicateIsPrefixLikeWithParameter() {
    RegionScope.SqlPredicate predicate = RegionScope.within("330681001").sqlPredicate("h.region_code");

    assertThat(predicate.sql()).isEqualTo("h.region_code LIKE ? ESCAPE '!'");
    assertThat(predicate.parameters()).containsExactly("330681001%");
  }

  @Test
  void sqlPredicateOfEverythingAndNothing() {
    assertThat(RegionScope.everything().sqlPredicate("region_code"))
        .isEqualTo(new RegionScope.SqlPredicate("1 = 1", List.of()));
    assertThat(RegionScope.nothing().sqlPredicate("region_code"))
        .isEqualTo(new RegionScope.SqlPredicate("1 = 0", List.of()));
  }

  @Test
  void sqlPredicateRefusesAnythingButAColumnName() {
    assertThatThrownBy(() -> RegionScope.everything().sqlPredicate("region_code OR 1=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegionScope.within("330681").sqlPredicate("x; DROP TABLE t"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
