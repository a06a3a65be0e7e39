package gov.civilaffairs.platform.masking;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated value is written to JSON masked by its {@link MaskType} whenever the
 * {@link MaskingPolicy} says so (by default: always), for example on a response record:
 *
 * <pre>{@code
 * record PersonView(String name, @Masked(MaskType.NATIONAL_ID_NUMBER) String idNumber) {}
 * // {"name":"张三","idNumber":"330681********123X"}
 * }</pre>
 *
 * The value is written as a JSON string (its {@code toString()}); {@code null} stays {@code null}.
 * Applied by {@link MaskingJacksonModule}, which the platform registers with every service's
 * {@code JsonMapper}.
 */
@Documented
@Retention(RUNTIME)
@Target({RECORD_COMPONENT, FIELD, METHOD})
public @interface Masked {

  /** How to mask the value. */
  MaskType value();
}
