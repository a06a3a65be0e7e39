package gov.civilaffairs.platform.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against the 浙江省 data shipped in the jar (33.csv.gz). */
class RegionDirectoryTest {

  /** 枫源村, 枫桥镇, 诸暨市, 绍兴市, 浙江省. */
  private static final String FENGYUAN_VILLAGE = "330681109290";

  private static RegionDirectory regions;

  @BeforeAll
  static void loadZhejiang() {
    regions = RegionDirectory.load(List.of("33"));
  }

  @Test
  void loadsTheWholeProvinceDownToTheVillages() {
    assertThat(regions.provinces()).containsExactly("33");
    // 1 province, 11 cities, 90 counties, 1,387 townships, 25,547 villages (region/SOURCE.md).
    assertThat(regions.size()).isEqualTo(27_036);
    assertThat(regions.children("33")).extracting(Region::name).containsExactly(
        "杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市");
  }

  @Test
  void aVillageOfZhujiAndItsWholeChain() {
    assertThat(regions.find(FENGYUAN_VILLAGE)).contains(
        new Region(FENGYUAN_VILLAGE, "枫源村委会", RegionLevel.VILLAGE, "330681109"));

    assertThat(regions.chain(FENGYUAN_VILLAGE)).containsExactly(
        new Region(FENGYUAN_VILLAGE, "枫源村委会", RegionLevel.VILLAGE, "330681109"),
        new Region("330681109", "枫桥镇", RegionLevel.TOWNSHIP, "330681"),
        new Region("330681", "诸暨市", RegionLevel.COUNTY, "3306"),
        new Region("3306", "绍兴市", RegionLevel.CITY, "33"),
        new Region("33", "浙江省", RegionLevel.PROVINCE, null));
  }

  @Test
  void childrenOfATownshipAreItsVillagesInCodeOrder() {
    List<Region> villages = regions.children("330681109");

    assertThat(villages).hasSize(31)
        .allSatisfy(village -> {
          assertThat(village.level()).isEqualTo(RegionLevel.VILLAGE);
          assertThat(village.parentCode()).isEqualTo("330681109");
        });
    assertThat(villages.get(0)).isEqualTo(Region.of("330681109002", "天竺社区居委会"));
    assertThat(villages).extracting(Region::name).contains("枫源村委会", "陈家社区");
    assertThat(regions.children(FENGYUAN_VILLAGE)).isEmpty();
  }

  @Test
  void aVillageIsWithinEachDivisionOfItsChainAndItself() {
    for (String ancestor : List.of(FENGYUAN_VILLAGE, "330681109", "330681", "3306", "33")) {
      assertThat(regions.isWithin(FENGYUAN_VILLAGE, ancestor)).as(ancestor).isTrue();
    }
  }

  @Test
  void aVillageIsNotWithinANeighbouringOrLowerDivision() {
    assertThat(regions.isWithin(FENGYUAN_VILLAGE, "330681001")).as("暨阳街道, same county").isFalse();
    assertThat(regions.isWithin(FENGYUAN_VILLAGE, "330602")).as("越城区, same city").isFalse();
    assertThat(regions.isWithin(FENGYUAN_VILLAGE, "3301")).as("杭州市").isFalse();
    assertThat(regions.isWithin(FENGYUAN_VILLAGE, "330681109291")).as("乐山村, same township").isFalse();
    assertThat(regions.isWithin("330681", FENGYUAN_VILLAGE)).as("a county within its village").isFalse();
  }

  @Test
  void paddedFormsNameTheSameDivision() {
    assertThat(regions.require("330000").name()).isEqualTo("浙江省");
    assertThat(regions.require("330000000000").code()).isEqualTo("33");
    assertThat(regions.require("330600").code()).isEqualTo("3306");
    assertThat(regions.require("330600000000").code()).isEqualTo("3306");
    assertThat(regions.require("330681000000").code()).isEqualTo("330681");
    assertThat(regions.require("330681109000").code()).isEqualTo("330681109");
    assertThat(regions.isWithin(FENGYUAN_VILLAGE, "330681000000")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "3", "339999", "330681109999", "33068110929", "33068a", " 330681", "3306811092900",
      "340000", "110101"})
  void unknownCodesAreNotFound(String code) {
    assertThat(regions.find(code)).isEmpty();
    assertThatThrownBy(() -> regions.require(code))
        .isInstanceOf(UnknownRegionException.class)
        .hasMessage("No administrative division has the code " + (code.length() <= 12 ? "'" + code + "'" : "given")
            + " (GB/T 2260, 2 to 12 digits; divisions loaded: provinces 33).")
        .satisfies(ex -> assertThat(((UnknownRegionException) ex).getCode()).isEqualTo("unknown-region"))
        .satisfies(ex -> assertThat(((UnknownRegionException) ex).getProperties()).containsEntry("field", "regionCode"))
        .satisfies(ex -> {
          // longer than any region code: not echoed (it may be an ID number in the wrong field)
          if (code.length() <= 12) {
            assertThat(((UnknownRegionException) ex).getProperties()).containsEntry("rejectedValue", code);
          } else {
            assertThat(((UnknownRegionException) ex).getProperties()).doesNotContainKey("rejectedValue");
          }
        });
  }

  @Test
  void chainChildrenAndIsWithinRefuseUnknownCodes() {
    assertThatThrownBy(() -> regions.chain("339999")).isInstanceOf(UnknownRegionException.class);
    assertThatThrownBy(() -> regions.children("339999")).isInstanceOf(UnknownRegionException.class);
    assertThatThrownBy(() -> regions.isWithin(FENGYUAN_VILLAGE, "339999")).isInstanceOf(UnknownRegionException.class);
    assertThatThrownBy(() -> regions.isWithin("339999", "33")).isInstanceOf(UnknownRegionException.class);
  }

  @Test
  void aProvinceWithoutDataStopsTheLoad() {
    assertThatIllegalStateException().isThrownBy(() -> RegionDirectory.load(List.of("34")))
        .withMessageContaining("province 34");
  }

  @Test
  void refusesDataThatDoesNotNest() {
    assertThatIllegalArgumentException().isThrownBy(() -> Region.of("3306811", "x"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RegionDirectory(List.of(Region.of("33", "浙江省"), Region.of("330681", "诸暨市"))))
        .withMessageContaining("3306");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RegionDirectory(List.of(Region.of("33", "浙江省"), Region.of("33", "浙江"))));
  }
}
