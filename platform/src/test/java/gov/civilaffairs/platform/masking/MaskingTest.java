package gov.civilaffairs.platform.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

  @ParameterizedTest
  @CsvSource({
      "330681199001011234X, 330681*********234X",
      "33068119900101123X, 330681********123X",
      "11010519491231002x, 110105********002x",
      "33068119900101, 330681****0101",
      "3306811990010, *************",
      "1234, ****",
      "'', ''"})
  void nationalIdNumberKeepsRegionCodeAndLastFour(String value, String masked) {
    assertThat(Masking.nationalIdNumber(value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
      "13812345678, 138****5678",
      "+8613812345678, +86*******5678",
      "1381234567, **********",
      "110, ***"})
  void mobilePhoneKeepsFirstThreeAndLastFour(String value, String masked) {
    assertThat(Masking.mobilePhone(value)).isEqualTo(masked);
  }

  @ParameterizedTest
  @CsvSource({
      "6222021234561234, ************1234",
      "6222 0212 3456 1234, ***************1234",
      "12345678, ****5678",
      "1234567, *******",
      "42, **"})
  void bankAccountKeepsLastFour(String value, String masked) {
    assertThat(Masking.bankAccount(value)).isEqualTo(masked);
  }

  @Test
  void nullStaysNull() {
    assertThat(Masking.nationalIdNumber(null)).isNull();
    assertThat(Masking.mobilePhone(null)).isNull();
    assertThat(Masking.bankAccount(null)).isNull();
    assertThat(Masking.inText(null)).isNull();
  }

  @Test
  void countsCodePointsNotUtf16Units() {
    // 𠮷 is one code point, two UTF-16 units: it is masked as one character.
    assertThat(Masking.bankAccount("𠮷𠮷𠮷𠮷𠮷1234")).isEqualTo("*****1234");
  }

  @Test
  void masksIdNumbersAndMobilesInText() {
    assertThat(Masking.inText("death of 11010519491231002X reported by 13812345678, ok"))
        .isEqualTo("death of 110105********002X reported by 138****5678, ok");
    assertThat(Masking.inText("身份证号11010519491231002x已核验,手机13812345678"))
        .isEqualTo("身份证号110105********002x已核验,手机138****5678");
    assertThat(Masking.inText("id=110105194912310021;id=440524188001010014"))
        .isEqualTo("id=110105********0021;id=440524********0014");
  }

  @Test
  void leavesOtherNumbersInTextAlone() {
    String text = "order 1101051949123100212 (19 digits), 1381234567 (10), 23812345678, took 125 ms";
    assertThat(Masking.inText(text)).isEqualTo(text);
  }
}
