package gov.civilaffairs.platform.idnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException.Reason;

class NationalIdNumberTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

  /** A valid number made of the given 17 digits and their computed check character. */
  private static String valid(String first17) {
    return first17 + NationalIdNumber.checkCharacter(first17);
  }

  @Test
  void checkCharacterAgreesWithPublishedExamples() {
    // The example of GB 11643-1999 and the one of its predecessor text, both widely reproduced.
    assertThat(NationalIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(NationalIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }

  @ParameterizedTest
  @CsvSource({
      // region, birth date, sequence: Beijing Xicheng, Zhejiang Zhuji, Guangdong Shenzhen, Xinjiang Urumqi
      "11010219800101001, 110102, 1980-01-01, MALE",
      "33068119900305124, 330681, 1990-03-05, FEMALE",
      "44030420001231567, 440304, 2000-12-31, MALE",
      "65010219550615008, 650102, 1955-06-15, FEMALE"})
  void parsesValidNumbersFromSeveralRegions(String first17, String region, LocalDate birthDate, Sex sex) {
    NationalIdNumber number = NationalIdNumber.parse(valid(first17), TODAY);

    assertThat(number.value()).isEqualTo(valid(first17));
    assertThat(number.regionCode()).isEqualTo(region);
    assertThat(number.birthDate()).isEqualTo(birthDate);
    assertThat(number.sex()).isEqualTo(sex);
  }

  @Test
  void acceptsTheStandardsExampleWithAnXCheckCharacter() {
    NationalIdNumber number = NationalIdNumber.parse("11010519491231002X", TODAY);

    assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(number.sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void normalisesLowercaseXAndSurroundingWhitespace() {
    NationalIdNumber number = NationalIdNumber.parse("  11010519491231002x\t", TODAY);

    assertThat(number.value()).isEqualTo("11010519491231002X");
    assertThat(number).isEqualTo(NationalIdNumber.parse("11010519491231002X", TODAY));
  }

  @Test
  void toStringIsMasked() {
    assertThat(NationalIdNumber.parse("11010519491231002X", TODAY)).hasToString("110105********002X");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void rejectsBlank(String text) {
    assertRejected(text, Reason.BLANK, "national ID number is blank");
  }

  @ParameterizedTest
  @CsvSource({
      "11010519491231002, 17",
      "11010519491231002X1, 19",
      "110105491231002, 15"})
  void rejectsWrongLength(String text, int length) {
    assertRejected(text, Reason.WRONG_LENGTH, "national ID number must have 18 characters, not " + length);
  }

  @Test
  void rejectsANonDigitNamingItsPosition() {
    assertRejected("1101A519491231002X", Reason.NON_DIGIT, "character 5 of the national ID number must be a digit");
  }

  @Test
  void rejectsALastCharacterThatIsNeitherDigitNorX() {
    assertRejected("11010519491231002Y", Reason.NON_DIGIT,
        "character 18 of the national ID number must be a digit or X");
  }

  @Test
  void rejectsAWrongCheckCharacterNamingTheExpectedOne() {
    assertRejected("110105194912310021", Reason.BAD_CHECK_CHARACTER, "check character should be X");
    assertRejected("440524188001010010", Reason.BAD_CHECK_CHARACTER, "check character should be 4");
  }

  @Test
  void rejectsABirthDateThatIsNotADate() {
    assertRejected(valid("11010520230230001"), Reason.INVALID_BIRTH_DATE, "birth date 2023-02-30 is not a date");
    assertRejected(valid("11010519901301001"), Reason.INVALID_BIRTH_DATE, "birth date 1990-13-01 is not a date");
  }

  @Test
  void acceptsFebruary29OnlyInLeapYears() {
    assertThat(NationalIdNumber.parse(valid("11010520000229001"), TODAY).birthDate())
        .isEqualTo(LocalDate.of(2000, 2, 29));
    assertThat(NationalIdNumber.parse(valid("11010519960229002"), TODAY).birthDate())
        .isEqualTo(LocalDate.of(1996, 2, 29));
    assertRejected(valid("11010519000229001"), Reason.INVALID_BIRTH_DATE, "birth date 1900-02-29 is not a date");
    assertRejected(valid("11010520230229001"), Reason.INVALID_BIRTH_DATE, "birth date 2023-02-29 is not a date");
  }

  @Test
  void rejectsBirthDatesBefore1900() {
    assertRejected(valid("11010518991231001"), Reason.BIRTH_DATE_TOO_EARLY,
        "birth date 1899-12-31 is before 1900-01-01");
    assertThat(NationalIdNumber.parse(valid("11010519000101001"), TODAY).birthDate())
        .isEqualTo(NationalIdNumber.EARLIEST_BIRTH_DATE);
  }

  @Test
  void rejectsBirthDatesAfterTheGivenToday() {
    assertRejected(valid("11010520261121001"), Reason.BIRTH_DATE_IN_FUTURE,
        "birth date 2026-11-21 is after today, 2026-11-20");
    assertThat(NationalIdNumber.parse(valid("11010520261120001"), TODAY).birthDate()).isEqualTo(TODAY);
  }

  @Test
  void parseWithoutADateUsesTodayInShanghai() {
    LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
    String first17 = "110105" + tomorrow.toString().replace("-", "") + "001";

    assertThatThrownBy(() -> NationalIdNumber.parse(valid(first17)))
        .isInstanceOfSatisfying(InvalidNationalIdNumberException.class,
            e -> assertThat(e.getReason()).isEqualTo(Reason.BIRTH_DATE_IN_FUTURE));
  }

  @Test
  void ageCountsCompletedYears() {
    NationalIdNumber number = NationalIdNumber.parse(valid("11010519460601001"), TODAY);

    assertThat(number.ageOn(LocalDate.of(2026, 5, 31))).isEqualTo(79);
    assertThat(number.ageOn(LocalDate.of(2026, 6, 1))).isEqualTo(80);
    assertThat(number.ageOn(number.birthDate())).isZero();
    assertThatIllegalArgumentException().isThrownBy(() -> number.ageOn(LocalDate.of(1946, 5, 31)));
  }

  @Test
  void someoneBornOnFebruary29IsOlderFromMarch1InACommonYear() {
    NationalIdNumber number = NationalIdNumber.parse(valid("11010520000229001"), TODAY);

    assertThat(number.ageOn(LocalDate.of(2001, 2, 28))).isZero();
    assertThat(number.ageOn(LocalDate.of(2001, 3, 1))).isEqualTo(1);
    assertThat(number.ageOn(LocalDate.of(2004, 2, 29))).isEqualTo(4);
  }

  @Test
  void convertsALegacy15DigitNumber() {
    // The 15-digit form of the standard's example: century 19 inserted, check character recomputed.
    assertThat(NationalIdNumber.fromLegacy("110105491231002").value()).isEqualTo("11010519491231002X");
    // 4*7+4*9+0*10+5*5+2*8+4*4+1*2+9*1+8*6+0*3+0*7+1*9+0*10+1*5+0*8+0*4+1*2 = 196; 196 mod 11 = 9 -> '3'
    assertThat(NationalIdNumber.fromLegacy(" 440524800101001 ").value()).isEqualTo("440524198001010013");
  }

  @Test
  void rejectsABadLegacyNumber() {
    assertThatThrownBy(() -> NationalIdNumber.fromLegacy("11010519491231002X"))
        .hasMessage("legacy national ID number must have 15 digits, not 18");
    assertThatThrownBy(() -> NationalIdNumber.fromLegacy("11010549123100X"))
        .hasMessage("character 15 of the legacy national ID number must be a digit");
    assertThatThrownBy(() -> NationalIdNumber.fromLegacy("110105490231002"))
        .hasMessage("birth date 1949-02-31 is not a date");
  }

  @Test
  void checkCharacterRejectsAnythingButSeventeenDigits() {
    assertThatThrownBy(() -> NationalIdNumber.checkCharacter("1101051949123100"))
        .isInstanceOf(InvalidNationalIdNumberException.class);
    assertThatThrownBy(() -> NationalIdNumber.checkCharacter("1101051949123100X"))
        .hasMessage("character 17 of the national ID number must be a digit");
  }

  @Test
  void theExceptionIsAProblemWithTheReason() {
    assertThatThrownBy(() -> NationalIdNumber.parse("110105194912310021", TODAY))
        .isInstanceOfSatisfying(InvalidNationalIdNumberException.class, e -> {
          assertThat(e.getStatus().value()).isEqualTo(400);
          assertThat(e.getCode()).isEqualTo("invalid-national-id-number");
          assertThat(e.getProperties()).containsEntry("reason", "BAD_CHECK_CHARACTER");
        });
  }

  private static void assertRejected(String text, Reason reason, String message) {
    assertThatThrownBy(() -> NationalIdNumber.parse(text, TODAY))
        .isInstanceOfSatisfying(InvalidNationalIdNumberException.class,
            e -> assertThat(e.getReason()).isEqualTo(reason))
        .hasMessage(message);
  }
}
