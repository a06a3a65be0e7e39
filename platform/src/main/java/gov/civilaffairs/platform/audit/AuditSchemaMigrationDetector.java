package gov.civilaffairs.platform.audit;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Makes {@link AuditSchemaMigration} a database initializer in Spring Boot's sense, ordered after
 * the service's own Flyway migration (Boot's Flyway detectors have orders 0 and 1; initializers of a
 * later detector run after those of earlier ones), and before any bean that depends on database
 * initialization. Registered in {@code META-INF/spring.factories}.
 */
public class AuditSchemaMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(AuditSchemaMigration.class);
  }

  @Override
  public int getOrder() {
    return 10;
  }
}
