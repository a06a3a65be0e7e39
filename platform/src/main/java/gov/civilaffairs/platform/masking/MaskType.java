package gov.civilaffairs.platform.masking;

import java.util.function.UnaryOperator;

/** The kinds of personal identifier the platform masks, each with its rule in {@link Masking}. */
public enum MaskType {

  /** 公民身份号码: first 6 and last 4 kept, {@code 330681********123X}. */
  NATIONAL_ID_NUMBER(Masking::nationalIdNumber),

  /** Mobile phone number: first 3 and last 4 kept, {@code 138****5678}. */
  MOBILE_PHONE(Masking::mobilePhone),

  /** Bank account or card number: last 4 kept, {@code ************1234}. */
  BANK_ACCOUNT(Masking::bankAccount);

  private final UnaryOperator<String> rule;

  MaskType(UnaryOperator<String> rule) {
    this.rule = rule;
  }

  /** The value masked by this type's rule; {@code null} stays {@code null}. */
  public String mask(String value) {
    return rule.apply(value);
  }
}
