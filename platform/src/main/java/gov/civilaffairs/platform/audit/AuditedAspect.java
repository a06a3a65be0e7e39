package gov.civilaffairs.platform.audit;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

import gov.civilaffairs.platform.web.ProblemException;

/**
 * Audits {@link Audited @Audited} methods.
 *
 * <p>The method runs inside a transaction that this aspect opens (the service's own
 * {@code @Transactional} methods join it); when the method returns, the entry is inserted in that
 * same transaction, before commit. So an entry that cannot be written rolls the change back and the
 * caller gets 503 {@code audit-unavailable}: nothing is committed unaudited. When the method throws,
 * its transaction rolls back first and the entry of the attempt (DENIED, NOT_FOUND or FAILED) is then
 * recorded on its own, so even a rolled-back change leaves a trace; the original exception is
 * rethrown, or 503 if that entry cannot be written either.
 *
 * <p>Ordered outside Spring Security's method interceptors (order 100 and up) so that an access
 * refused by {@code @PreAuthorize} is recorded as DENIED.
 */
@Aspect
@Order(AuditedAspect.ORDER)
public class AuditedAspect {

  /** Order of this aspect: before method security ({@code @PreAuthorize} is 200) and transactions. */
  public static final int ORDER = 0;

  private static final String ACCESS_DENIED = "org.springframework.security.access.AccessDeniedException";
  private static final String AUTHENTICATION = "org.springframework.security.core.AuthenticationException";

  private final AuditTrail trail;
  private final TransactionOperations transactions;
  private final SpelExpressionParser parser = new SpelExpressionParser();
  private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
  private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

  /**
   * @param trail where entries go
   * @param transactions a REQUIRED-propagation template on the service's transaction manager
   */
  public AuditedAspect(AuditTrail trail, TransactionOperations transactions) {
    this.trail = trail;
    this.transactions = transactions;
  }

  @Around("@annotation(audited)")
  Object audit(ProceedingJoinPoint call, Audited audited) throws Throwable {
    try {
      return transactions.execute(status -> {
        Object result = proceed(call);
        trail.record(audited.action(), object(call, audited, result), outcomeOf(result));
        return result;
      });
    } catch (AuditUnavailableException e) {
      throw e;
    } catch (Throwable failure) {
      Throwable thrown = failure instanceof MethodFailure wrapper ? wrapper.getCause() : failure;
      try {
        trail.record(audited.action(), object(call, audited, null), outcomeOf(thrown));
      } catch (AuditUnavailableException e) {
        e.addSuppressed(thrown);
        throw e;
      }
      throw thrown;
    }
  }

  private static Object proceed(ProceedingJoinPoint call) {
    try {
      return call.proceed();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new MethodFailure(e);
    }
  }

  private AuditObject object(ProceedingJoinPoint call, Audited audited, Object result) {
    Method method = ((MethodSignature) call.getSignature()).getMethod();
    MethodBasedEvaluationContext context =
        new MethodBasedEvaluationContext(call.getTarget(), method, call.getArgs(), parameterNames);
    context.setVariable("result", result);
    return new AuditObject(audited.objectType(), evaluate(audited.objectId(), context),
        evaluate(audited.person(), context));
  }

  private String evaluate(String expression, MethodBasedEvaluationContext context) {
    if (expression.isEmpty()) {
      return null;
    }
    Object value = expressions.computeIfAbsent(expression, parser::parseExpression).getValue(context);
    return value == null ? null : value.toString();
  }

  private static AuditOutcome outcomeOf(Object result) {
    return result instanceof ResponseEntity<?> response
        ? AuditOutcome.ofStatus(response.getStatusCode().value())
        : AuditOutcome.SUCCESS;
  }

  static AuditOutcome outcomeOf(Throwable thrown) {
    if (thrown instanceof ProblemException problem) {
      return AuditOutcome.ofStatus(problem.getStatus().value());
    }
    if (thrown instanceof ErrorResponse response) {
      return AuditOutcome.ofStatus(response.getStatusCode().value());
    }
    ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(thrown.getClass(), ResponseStatus.class);
    if (status != null) {
      return AuditOutcome.ofStatus(status.code().value());
    }
    for (Class<?> type = thrown.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(ACCESS_DENIED) || type.getName().equals(AUTHENTICATION)) {
        return AuditOutcome.DENIED;
      }
    }
    return AuditOutcome.FAILED;
  }

  /** Carries a checked exception of the audited method through the transaction callback. */
  private static final class MethodFailure extends RuntimeException {
    MethodFailure(Throwable cause) {
      super(cause);
    }
  }
}
