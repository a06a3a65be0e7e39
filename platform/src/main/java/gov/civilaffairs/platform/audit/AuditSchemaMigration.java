package gov.civilaffairs.platform.audit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the platform's own tables ({@code audit_entry}, {@code audit_shipping_cursor}) into the
 * service's database from {@value #LOCATIONS}, with a history table of their own
 * ({@value #HISTORY_TABLE}), so that every service gets the same DDL without repeating it.
 *
 * <p>Runs <em>after</em> the service's own Flyway migration (ordered by
 * {@link AuditSchemaMigrationDetector}): the service's V1 sets the schema's utf8mb4 default, a test
 * profile's clean-before-migrate would otherwise drop these tables right after they were created, and
 * the service's Flyway would refuse to start on a non-empty schema without its own history. As the
 * service's tables already exist when this runs, a missing history table is baselined at version 0
 * and V1 onwards are applied. Beans that depend on database initialization (JdbcTemplate,
 * JPA) wait for it.
 */
public class AuditSchemaMigration implements InitializingBean {

  /** Where the platform's migrations live. */
  public static final String LOCATIONS = "classpath:db/platform";

  /** Flyway history table of the platform's migrations. */
  public static final String HISTORY_TABLE = "platform_schema_history";

  private final Flyway flyway;

  /**
   * @param dataSource the service's database
   * @param migrationUser when the service's Flyway uses its own account ({@code spring.flyway.user},
   *     the production set-up where the runtime account may not run DDL), the same account:
   *     url, user, password; otherwise {@code null}
   */
  public AuditSchemaMigration(DataSource dataSource, MigrationAccount migrationUser) {
    FluentConfiguration configuration = Flyway.configure()
        .locations(LOCATIONS)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0");
    if (migrationUser == null) {
      configuration.dataSource(dataSource);
    } else {
      configuration.dataSource(migrationUser.url(), migrationUser.user(), migrationUser.password());
    }
    this.flyway = configuration.load();
  }

  @Override
  public void afterPropertiesSet() {
    flyway.migrate();
  }

  /** A database account for migrations: JDBC url, user, password. */
  public record MigrationAccount(String url, String user, String password) {
  }
}
