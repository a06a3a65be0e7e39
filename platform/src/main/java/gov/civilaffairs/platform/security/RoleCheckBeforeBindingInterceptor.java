package gov.civilaffairs.platform.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.civilaffairs.platform.audit.AuditObject;
import gov.civilaffairs.platform.audit.AuditOutcome;
import gov.civilaffairs.platform.audit.AuditTrail;
import gov.civilaffairs.platform.audit.Audited;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks an endpoint's {@code @PreAuthorize} before its arguments are read, so that a caller without
 * the role or scope gets 403 {@code forbidden} whatever the body holds, not 400 for a bad body (which
 * would tell an unauthorized caller how the endpoint validates; OWASP API5, function-level
 * authorization comes first). Spring MVC binds and validates the body before the method-security
 * proxy is reached; this interceptor runs before binding.
 *
 * <p>It evaluates the same expression as method security, without the method's arguments: an
 * expression that refers to them ({@code #id}) cannot be decided here and is left to method security,
 * which still runs on every call. A refusal is recorded like {@code @Audited}'s own (outcome DENIED,
 * the object id evaluated over the path variables when it names one), since the audited method is
 * never reached.
 */
public class RoleCheckBeforeBindingInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RoleCheckBeforeBindingInterceptor.class);

  private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
  private final ObjectProvider<AuditTrail> trail;
  private final SpelExpressionParser parser = new SpelExpressionParser();
  private final Map<String, Expression> expressions = new ConcurrentHashMap<>();

  /** @param trail the audit trail, if the service has one */
  public RoleCheckBeforeBindingInterceptor(ObjectProvider<AuditTrail> trail) {
    this.trail = trail;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod endpoint)) {
      return true;
    }
    Method method = endpoint.getMethod();
    if (AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class) == null
        && AnnotatedElementUtils.findMergedAnnotation(endpoint.getBeanType(), PreAuthorize.class) == null) {
      return true;
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    AuthorizationResult result;
    try {
      result = preAuthorize.authorize(() -> authentication, new SimpleMethodInvocation(
          endpoint.getBean(), method, new Object[method.getParameterCount()]));
    } catch (RuntimeException undecidable) {
      log.debug("@PreAuthorize of {} needs the arguments; left to method security", method, undecidable);
      return true;
    }
    if (result != null && !result.isGranted()) {
      recordDenied(request, method);
      throw new AuthorizationDeniedException("Access Denied", result);
    }
    return true;
  }

  private void recordDenied(HttpServletRequest request, Method method) {
    Audited audited = AnnotatedElementUtils.findMergedAnnotation(method, Audited.class);
    AuditTrail audit = trail.getIfAvailable();
    if (audited == null || audit == null) {
      return;
    }
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    StandardEvaluationContext context = new StandardEvaluationContext();
    if (variables instanceof Map<?, ?> pathVariables) {
      pathVariables.forEach((name, value) -> context.setVariable(String.valueOf(name), value));
    }
    audit.record(audited.action(), new AuditObject(audited.objectType(), evaluate(audited.objectId(), context),
        evaluate(audited.person(), context)), AuditOutcome.DENIED);
  }

  /** The expression over the path variables; {@code null} when it needs anything else. */
  private String evaluate(String expression, StandardEvaluationContext context) {
    if (expression.isEmpty()) {
      return null;
    }
    try {
      Object value = expressions.computeIfAbsent(expression, parser::parseExpression).getValue(context);
      return value == null ? null : value.toString();
    } catch (RuntimeException needsArguments) {
      return null;
    }
  }
}
