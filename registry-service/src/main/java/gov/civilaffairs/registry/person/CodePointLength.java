package gov.civilaffairs.registry.person;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text's length counted in Unicode code points, as names are (QUALITY.md: a four-byte character
 * such as 𠮷 is one character, not two UTF-16 units). {@code null} is valid (combine with NotBlank).
 */
@Documented
@Constraint(validatedBy = CodePointLength.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CodePointLength {

  int max();

  String message() default "must be at most {max} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Counts code points. */
  class Validator implements ConstraintValidator<CodePointLength, CharSequence> {
    private int max;

    @Override
    public void initialize(CodePointLength annotation) {
      this.max = annotation.max();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || value.toString().strip().codePointCount(0, value.toString().strip().length()) <= max;
    }
  }
}
