package gov.civilaffairs.eldercare.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The quantitative conditions of 民发〔2007〕103号 art. 2 with the default values: 10 persons and 25%. */
class WelfareEnterprisePropertiesTest {

  private final WelfareEnterpriseProperties defaults = new WelfareEnterpriseProperties(new BigDecimal("0.25"), 10);

  @Test
  void tenDisabledEmployeesMakingAQuarterMeetTheConditions() {
    assertThat(defaults.unmetConditions(40, 10)).isEmpty();
    assertThat(defaults.unmetConditions(60, 18)).isEmpty();
  }

  @Test
  void fewerThanTenOrUnderAQuarterIsAReasonEach() {
    assertThat(defaults.unmetConditions(36, 9)).singleElement().asString().contains("fewer than 10");
    assertThat(defaults.unmetConditions(41, 10)).singleElement().asString().contains("0.2439 below 0.25");
    assertThat(defaults.unmetConditions(40, 8)).hasSize(2);
    assertThat(defaults.unmetConditions(0, 0)).hasSize(2);
  }
}
