package gov.civilaffairs.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NationalIdMaskTest {

  @Test
  void eighteenCharacterNumbersKeepFirstSixAndLastFour() {
    assertThat(NationalIdMask.mask("330681198001011232")).isEqualTo("330681********1232");
    assertThat(NationalIdMask.mask("11010519491001001x")).isEqualTo("110105********001X");
  }

  @Test
  void legacyFifteenDigitNumbersAreMaskedToo() {
    assertThat(NationalIdMask.mask("330681800101123")).isEqualTo("330681*****1123");
  }

  @Test
  void otherValuesAreKept() {
    assertThat(NationalIdMask.mask("42")).isEqualTo("42");
    assertThat(NationalIdMask.mask("330681********1232")).isEqualTo("330681********1232");
    assertThat(NationalIdMask.mask(null)).isNull();
  }
}
