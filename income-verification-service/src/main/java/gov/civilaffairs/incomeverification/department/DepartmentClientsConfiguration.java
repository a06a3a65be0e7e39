package gov.civilaffairs.incomeverification.department;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * One declarative HTTP client per department: an HTTP service group named {@link Source#id()} whose base
 * URL and timeouts come from {@code spring.http.serviceclient.<id>.*}, wrapped in the department's
 * Resilience4j retry, circuit breaker and bulkhead ({@code resilience4j.*.instances.<id>.*}).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "tax", types = DepartmentApi.class)
@ImportHttpServices(group = "human-resources-social-security", types = DepartmentApi.class)
@ImportHttpServices(group = "housing-provident-fund", types = DepartmentApi.class)
@ImportHttpServices(group = "real-estate", types = DepartmentApi.class)
@ImportHttpServices(group = "vehicles", types = DepartmentApi.class)
@ImportHttpServices(group = "bank-deposits", types = DepartmentApi.class)
@ImportHttpServices(group = "market-regulation", types = DepartmentApi.class)
@ImportHttpServices(group = "registry", types = RegistryApi.class)
class DepartmentClientsConfiguration {

  private static final BigDecimal ZERO_YUAN = new BigDecimal("0.00");

  @Bean
  DepartmentQueries departmentQueries(HttpServiceProxyRegistry clients, CircuitBreakerRegistry circuitBreakers,
      RetryRegistry retries, BulkheadRegistry bulkheads, ThreadPoolTaskExecutor departmentQueryPool) {
    List<DepartmentAdapter> adapters = Arrays.stream(Source.values())
        .map(source -> new DepartmentAdapter(source, callOf(source, clients), bulkheads.bulkhead(source.id()),
            circuitBreakers.circuitBreaker(source.id()), retries.retry(source.id())))
        .toList();
    return new DepartmentQueries(adapters, departmentQueryPool);
  }

  /**
   * The JDK client of every group, held to HTTP/1.1: its default (HTTP/2 with an h2c upgrade over plain
   * HTTP) is reset by some servers mid-stream, which would look like an outage of the department.
   */
  @Bean
  ClientHttpRequestFactoryBuilder<?> departmentHttpClients() {
    return ClientHttpRequestFactoryBuilder.jdk()
        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
  }

  @Bean
  ThreadPoolTaskExecutor departmentQueryPool(QueryPoolProperties properties) {
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setThreadNamePrefix("department-query-");
    pool.setCorePoolSize(properties.threads());
    pool.setMaxPoolSize(properties.threads());
    pool.setQueueCapacity(properties.queueCapacity());
    pool.setWaitForTasksToCompleteOnShutdown(true);
    return pool;
  }

  private static Function<List<String>, List<Finding>> callOf(Source source, HttpServiceProxyRegistry clients) {
    if (source == Source.REGISTRY) {
      RegistryApi registry = clients.getClient(source.id(), RegistryApi.class);
      return members -> members.stream()
          .flatMap(member -> registry.persons(member).stream())
          .filter(person -> person.dateOfDeath() != null)
          .map(person -> new Finding(person.nationalIdNumber(), Finding.Category.DECEASED, ZERO_YUAN))
          .toList();
    }
    DepartmentApi department = clients.getClient(source.id(), DepartmentApi.class);
    return members -> department.query(new DepartmentApi.Query(members)).records().stream()
        .map(r -> new Finding(r.nationalIdNumber(), r.category(), r.amount()))
        .toList();
  }
}
