package gov.civilaffairs.platform.audit;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.civilaffairs.platform.web.ProblemException;

/**
 * A stand-in service for the audit integration test: personal records read and created through
 * {@link Audited} endpoints, and an actor the test chooses (what the JWT-based resolver provides in
 * the services).
 */
@SpringBootApplication
class AuditTestApplication {

  static final AuditActor CASEWORKER =
      new AuditActor("li.na", AuditActor.Kind.USER, List.of("TOWNSHIP_CASEWORKER"), "330681001");

  @Bean
  AtomicReference<AuditActor> currentActor() {
    return new AtomicReference<>(CASEWORKER);
  }

  @Bean
  AuditActorResolver testActorResolver(AtomicReference<AuditActor> currentActor) {
    return currentActor::get;
  }

  record Person(String idNumber, String name) {
  }

  @RestController
  static class PersonController {

    private final JdbcClient jdbc;

    PersonController(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @GetMapping("/test-persons/{idNumber}")
    @Audited(action = AuditAction.READ, objectType = "person", objectId = "#idNumber", person = "#idNumber")
    Person person(@PathVariable String idNumber) {
      return jdbc.sql("SELECT id_number, name FROM test_person WHERE id_number = ?").param(idNumber)
          .query(Person.class).optional()
          .orElseThrow(() -> ProblemException.notFound("Person", "with this ID number"));
    }

    @PostMapping("/test-persons")
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(action = AuditAction.CREATE, objectType = "person", objectId = "#person.idNumber()",
        person = "#person.idNumber()")
    Person create(@RequestBody Person person) {
      jdbc.sql("INSERT INTO test_person (id_number, name) VALUES (?, ?)").params(person.idNumber(), person.name())
          .update();
      return person;
    }
  }
}
