package gov.civilaffairs.incomeverification.department;

import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * One department behind its resilience layer: bulkhead, then circuit breaker, then retry around the
 * HTTP call, so that each attempt passes the bulkhead and is counted by the circuit breaker. What is
 * retried and counted is configured per department in {@code resilience4j.*.instances.<id>}: timeouts,
 * connection errors and 5xx are; a 4xx is neither (QUALITY.md "Failure").
 */
final class DepartmentAdapter {

  private final Source source;
  private final Function<List<String>, List<Finding>> call;
  private final Bulkhead bulkhead;
  private final CircuitBreaker circuitBreaker;
  private final Retry retry;

  /**
   * @param call the plain HTTP call: members' ID numbers in, findings out
   */
  DepartmentAdapter(Source source, Function<List<String>, List<Finding>> call, Bulkhead bulkhead,
      CircuitBreaker circuitBreaker, Retry retry) {
    this.source = source;
    this.call = call;
    this.bulkhead = bulkhead;
    this.circuitBreaker = circuitBreaker;
    this.retry = retry;
  }

  Source source() {
    return source;
  }

  /** Queries the department about {@code members}; never throws: every failure is a {@link SourceResult}. */
  SourceResult query(List<String> members) {
    long start = System.nanoTime();
    Supplier<List<Finding>> attempt = Bulkhead.decorateSupplier(bulkhead, () -> call.apply(members));
    Supplier<List<Finding>> resilient =
        Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, attempt));
    try {
      return SourceResult.answered(source, resilient.get(), since(start));
    } catch (HttpClientErrorException e) {
      return SourceResult.failed(source, SourceResult.Status.REJECTED,
          e.getStatusCode().value() + " " + e.getResponseBodyAsString(), since(start));
    } catch (CallNotPermittedException e) {
      return SourceResult.failed(source, SourceResult.Status.CIRCUIT_OPEN, e.getMessage(), since(start));
    } catch (BulkheadFullException e) {
      return SourceResult.failed(source, SourceResult.Status.BUSY, e.getMessage(), since(start));
    } catch (ResourceAccessException e) {
      SourceResult.Status status = isTimeout(e) ? SourceResult.Status.TIMED_OUT : SourceResult.Status.UNAVAILABLE;
      return SourceResult.failed(source, status, e.getMessage(), since(start));
    } catch (RestClientException e) {
      return SourceResult.failed(source, SourceResult.Status.UNAVAILABLE, e.getMessage(), since(start));
    }
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
