package gov.civilaffairs.relief.extremepoverty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

class SupportAmountTest {

  static final ExtremePovertyProperties DEFAULTS = new ExtremePovertyProperties(new BigDecimal("1.3"),
      new BigDecimal("200.00"), new BigDecimal("600.00"), new BigDecimal("1200.00"), RoundingMode.HALF_UP, 15, 15);

  @Test
  void basicLivingIsOnePointThreeTimesTheStandardPlusTheCareAllowanceOfTheLevel() {
    SupportAmount amount = SupportAmount.of(new BigDecimal("1240.00"), DEFAULTS,
        ExtremePovertyCase.CareLevel.PARTIAL_SELF_CARE);
    assertThat(amount.basicLiving()).isEqualTo("1612.00");
    assertThat(amount.careAllowance()).isEqualTo("600.00");
    assertThat(amount.total()).isEqualTo("2212.00");
    assertThat(SupportAmount.of(new BigDecimal("1240.00"), DEFAULTS, ExtremePovertyCase.CareLevel.NO_SELF_CARE)
        .total()).isEqualTo("2812.00");
  }

  @Test
  void theBasicLivingStandardIsRoundedToFenWithTheConfiguredMode() {
    // 1234.57 x 1.3 = 1604.941
    assertThat(SupportAmount.of(new BigDecimal("1234.57"), DEFAULTS, ExtremePovertyCase.CareLevel.FULL_SELF_CARE)
        .basicLiving()).isEqualTo("1604.94");
    ExtremePovertyProperties up = new ExtremePovertyProperties(new BigDecimal("1.3"), new BigDecimal("200.00"),
        new BigDecimal("600.00"), new BigDecimal("1200.00"), RoundingMode.UP, 15, 15);
    assertThat(SupportAmount.of(new BigDecimal("1234.57"), up, ExtremePovertyCase.CareLevel.FULL_SELF_CARE)
        .total()).isEqualTo("1804.95");
  }

  @Test
  void aCareAllowanceConfiguredWithMoreThanTwoDecimalsIsRefused() {
    ExtremePovertyProperties bad = new ExtremePovertyProperties(new BigDecimal("1.3"), new BigDecimal("200.005"),
        new BigDecimal("600.00"), new BigDecimal("1200.00"), RoundingMode.HALF_UP, 15, 15);
    assertThatThrownBy(() -> bad.careAllowance(ExtremePovertyCase.CareLevel.FULL_SELF_CARE))
        .isInstanceOf(ArithmeticException.class);
  }
}
