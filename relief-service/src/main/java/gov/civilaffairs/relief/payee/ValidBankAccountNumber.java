package gov.civilaffairs.relief.payee;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string is an acceptable payee account number ({@link BankAccountNumbers#problem}); {@code null}
 * is left to {@code @NotNull}. A failure names the rule broken in its message.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = ValidBankAccountNumber.Validator.class)
public @interface ValidBankAccountNumber {

  String message() default "is not a valid bank account number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link ValidBankAccountNumber}. */
  class Validator implements ConstraintValidator<ValidBankAccountNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      return BankAccountNumbers.problem(value).map(problem -> {
        context.disableDefaultConstraintViolation();
        // the messages hold no '{', '}' or '$': safe as a template
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
      }).orElse(true);
    }
  }
}
