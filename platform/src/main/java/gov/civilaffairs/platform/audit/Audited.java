package gov.civilaffairs.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records an audit entry for every call of the annotated controller method, with the outcome taken
 * from the answer: the status of a returned {@code ResponseEntity}, or of the exception thrown
 * ({@code ProblemException}, {@code ErrorResponse}, {@code @ResponseStatus}; an access-denied
 * exception is DENIED, anything else FAILED). See {@link AuditedAspect} for the transaction rules.
 *
 * <pre>{@code
 * @GetMapping("/households/{id}")
 * @Audited(action = AuditAction.READ, objectType = "household", objectId = "#id")
 * HouseholdResponse household(@PathVariable long id) { ... }
 *
 * @PostMapping("/households")
 * @Audited(action = AuditAction.CREATE, objectType = "household", objectId = "#result?.body?.id",
 *     person = "#request.headIdNumber")
 * ResponseEntity<HouseholdResponse> create(@RequestBody @Valid CreateHousehold request) { ... }
 * }</pre>
 *
 * <p>{@link #objectId} and {@link #person} are SpEL expressions over the method's parameters (by
 * name) and {@code #result}, the returned value ({@code null} when the method threw, so use
 * {@code ?.}). A national ID number they yield is stored masked.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

  /** What the method does to the record. */
  AuditAction action();

  /** Kind of record, kebab-case, for example {@code household}. */
  String objectType();

  /** SpEL giving the record's id; empty for a list or search. */
  String objectId() default "";

  /** SpEL giving the person the record is about (person id or national ID number); empty for none. */
  String person() default "";
}
