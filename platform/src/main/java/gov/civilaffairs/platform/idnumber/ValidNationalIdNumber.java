package gov.civilaffairs.platform.idnumber;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated string is a valid national ID number by {@link NationalIdNumber#parse(String)}: 18
 * characters, MOD 11-2 check character, a real birth date from 1900-01-01 to today (Asia/Shanghai, on
 * the validator's {@link jakarta.validation.ClockProvider} clock). Surrounding whitespace and a
 * lowercase {@code x} are accepted, since parsing normalises them.
 *
 * <p>{@code null} is valid; add {@code @NotNull} where the number is required. The violation's
 * message names the exact rule broken, for example {@code check character should be 7} or
 * {@code birth date 2031-02-30 is not a date}; it never repeats the number.
 */
@Documented
@Constraint(validatedBy = NationalIdNumberValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidNationalIdNumber {

  /** Used only if the validator cannot name the reason; normally replaced by the exact rule. */
  String message() default "must be a valid national ID number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
