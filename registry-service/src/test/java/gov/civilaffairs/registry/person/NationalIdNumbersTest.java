package gov.civilaffairs.registry.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class NationalIdNumbersTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  @Test
  void readsBirthDateAndSexAndNormalisesALowercaseX() {
    var parsed = NationalIdNumbers.parse(" 11010519491231002x ", TODAY);

    assertThat(parsed.value()).isEqualTo("11010519491231002X");
    assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(parsed.sex()).isEqualTo(Sex.FEMALE);
  }

  @Test
  void rejectsAWrongCheckCharacterAnImpossibleDateAFutureDateAndBadCharacters() {
    assertThatThrownBy(() -> NationalIdNumbers.parse("110105194912310021", TODAY)).hasMessageContaining("check character");
    assertThatThrownBy(() -> NationalIdNumbers.parse("110105194902300021", TODAY)).hasMessageContaining("birth date");
    assertThatThrownBy(() -> NationalIdNumbers.parse("110105202712310021", TODAY)).hasMessageContaining("future");
    assertThatThrownBy(() -> NationalIdNumbers.parse("11010519491231002", TODAY)).hasMessageContaining("17 digits");
  }
}
