package gov.civilaffairs.platform.idnumber;

import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidNationalIdNumber}: parses the value as of today in Asia/Shanghai on the clock of
 * the validation's {@link jakarta.validation.ClockProvider}, and reports a failure with the parser's
 * message as the violation's message.
 */
public class NationalIdNumberValidator implements ConstraintValidator<ValidNationalIdNumber, CharSequence> {

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    LocalDate today = LocalDate.ofInstant(context.getClockProvider().getClock().instant(),
        NationalIdNumber.BUREAU_ZONE);
    try {
      NationalIdNumber.parse(value.toString(), today);
      return true;
    } catch (InvalidNationalIdNumberException e) {
      context.disableDefaultConstraintViolation();
      // The parser's messages hold no '{', '}' or '$', so they are safe as a message template.
      context.buildConstraintViolationWithTemplate(e.getMessage()).addConstraintViolation();
      return false;
    }
  }
}
