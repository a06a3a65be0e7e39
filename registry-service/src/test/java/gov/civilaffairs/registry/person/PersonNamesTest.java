package gov.civilaffairs.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

  @Test
  void ignoresWhitespaceWidthAndTheSeparatorOfMinorityNames() {
    assertThat(PersonNames.sameName("阿依古丽·买买提", "　阿依古丽•买买提 ")).isTrue();
    assertThat(PersonNames.sameName("ＺＨＡＮＧ san", "zhangsan")).isTrue();
    assertThat(PersonNames.sameName("王𠮷", "王 𠮷")).isTrue();
  }

  @Test
  void keepsEveryOtherCharacter() {
    assertThat(PersonNames.sameName("周九", "周久")).isFalse();
    assertThat(PersonNames.sameName("王𠮷", "王吉")).isFalse();
  }
}
