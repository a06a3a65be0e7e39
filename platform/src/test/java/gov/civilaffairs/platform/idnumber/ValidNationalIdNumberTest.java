package gov.civilaffairs.platform.idnumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidNationalIdNumberTest {

  /** 2026-11-20T16:30Z is already 2026-11-21 in Shanghai (00:30): the bureau's date must win. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T16:30:00Z"), ZoneOffset.UTC);

  private static ValidatorFactory factory;
  private static Validator validator;

  record DeathReport(@NotNull @ValidNationalIdNumber String idNumber) {
  }

  record Household(List<@ValidNationalIdNumber String> memberIdNumbers) {
  }

  @BeforeAll
  static void buildValidator() {
    factory = Validation.byDefaultProvider().configure().clockProvider(() -> CLOCK).buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeFactory() {
    factory.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"11010519491231002X", "11010519491231002x", " 11010519491231002X "})
  void acceptsValidNumbersIncludingLowercaseX(String idNumber) {
    assertThat(validator.validate(new DeathReport(idNumber))).isEmpty();
  }

  @Test
  void nullIsLeftToNotNull() {
    assertThat(messages(validator.validate(new DeathReport(null)))).containsExactly("must not be null");
    assertThat(validator.validateValue(Household.class, "memberIdNumbers", Arrays.asList((String) null)))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                  | national ID number is blank",
      "11010519491231002   | national ID number must have 18 characters, not 17",
      "1101O519491231002X  | character 5 of the national ID number must be a digit",
      "110105194912310027  | check character should be X",
      "110105203102300016  | birth date 2031-02-30 is not a date",
      "110105189912310015  | birth date 1899-12-31 is before 1900-01-01",
      "11010520261122001X  | birth date 2026-11-22 is after today, 2026-11-21"})
  void namesTheRuleBroken(String idNumber, String message) {
    Set<ConstraintViolation<DeathReport>> violations = validator.validate(new DeathReport(idNumber));

    assertThat(messages(violations)).containsExactly(message);
    assertThat(violations.iterator().next().getPropertyPath()).hasToString("idNumber");
  }

  @Test
  void takesTodayInShanghaiFromTheClockProvider() {
    String bornOnShanghaisToday = "11010520261121001";
    String idNumber = bornOnShanghaisToday + NationalIdNumber.checkCharacter(bornOnShanghaisToday);

    assertThat(validator.validate(new DeathReport(idNumber))).isEmpty();
  }

  @Test
  void validatesEachElementOfAList() {
    Household household = new Household(List.of("11010519491231002X", "110105194912310021"));

    Set<ConstraintViolation<Household>> violations = validator.validate(household);

    assertThat(messages(violations)).containsExactly("check character should be X");
    assertThat(violations.iterator().next().getPropertyPath()).hasToString("memberIdNumbers[1].<list element>");
  }

  private static List<String> messages(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream().map(ConstraintViolation::getMessage).toList();
  }
}
